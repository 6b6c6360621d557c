export default definePageConfig({ navigationBarTitleText: '荣誉评审' })
