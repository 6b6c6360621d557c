export default definePageConfig({
  navigationBarTitleText: '青年团体审核',
})
