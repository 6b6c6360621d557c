export default definePageConfig({ navigationBarTitleText: '场地预订审批' })
