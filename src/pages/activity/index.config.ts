export default definePageConfig({
  navigationBarTitleText: '活动详情',
  // Every activity can be sent to a chat and shared to 朋友圈 (useShareAppMessage, useShareTimeline).
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
