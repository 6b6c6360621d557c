export default definePageConfig({ navigationBarTitleText: '摘星指标' })
