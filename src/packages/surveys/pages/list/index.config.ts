export default definePageConfig({ navigationBarTitleText: '调研问卷' })
