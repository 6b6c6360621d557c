export default definePageConfig({
  navigationBarTitleText: '完成情况',
})
