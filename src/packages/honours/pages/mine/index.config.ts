export default definePageConfig({ navigationBarTitleText: '我的荣誉' })
