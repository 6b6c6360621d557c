export default definePageConfig({
  navigationBarTitleText: '我的身份码',
})
