export default definePageConfig({ navigationBarTitleText: '单位场地预订' })
