export default definePageConfig({
  navigationBarTitleText: '我的青年团体',
})
