export default definePageConfig({
  navigationBarTitleText: '变更记录',
})
