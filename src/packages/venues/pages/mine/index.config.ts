export default definePageConfig({ navigationBarTitleText: '我的阵地' })
