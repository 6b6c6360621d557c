export default definePageConfig({ navigationBarTitleText: '提心愿' })
