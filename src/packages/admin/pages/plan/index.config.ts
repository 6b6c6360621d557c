export default definePageConfig({
  navigationBarTitleText: '年度活动清单',
})
