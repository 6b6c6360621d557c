export default definePageConfig({
  navigationBarTitleText: '青聚',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 100,
})
