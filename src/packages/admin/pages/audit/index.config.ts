export default definePageConfig({
  navigationBarTitleText: '手机号查看记录',
})
