export default definePageConfig({
  navigationBarTitleText: '成长档案',
})
