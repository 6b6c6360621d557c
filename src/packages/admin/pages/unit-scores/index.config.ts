export default definePageConfig({
  navigationBarTitleText: '五星评比',
})
