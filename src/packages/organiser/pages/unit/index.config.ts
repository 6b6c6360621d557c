export default definePageConfig({
  navigationBarTitleText: '单位管理',
  // The invite code can be shared to a WeChat chat (useShareAppMessage).
  enableShareAppMessage: true,
})
