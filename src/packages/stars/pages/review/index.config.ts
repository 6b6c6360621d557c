export default definePageConfig({ navigationBarTitleText: '摘星证明审核' })
