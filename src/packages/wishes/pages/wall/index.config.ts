export default definePageConfig({ navigationBarTitleText: '心愿墙', onReachBottomDistance: 100 })
