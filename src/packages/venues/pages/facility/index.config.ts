export default definePageConfig({ navigationBarTitleText: '场地设施' })
