export default definePageConfig({
  navigationBarTitleText: '活动管理',
  onReachBottomDistance: 100,
})
