export default definePageConfig({
  navigationBarTitleText: '青年评议',
})
