export default definePageConfig({
  navigationBarTitleText: '验票',
})
