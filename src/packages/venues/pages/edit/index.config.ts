export default definePageConfig({ navigationBarTitleText: '场地信息' })
