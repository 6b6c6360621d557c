export default definePageConfig({ navigationBarTitleText: '认领心愿' })
