export default definePageConfig({
  navigationBarTitleText: '申请成为成员单位',
})
