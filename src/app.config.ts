const pages = ['pages/index/index', 'pages/activity/index']

// The local dev login exists only in the H5 build served by the local host; the WeChat
// build must never contain it (identity there comes from CloudBase's OPENID).
if (process.env.TARO_ENV === 'h5') {
  pages.push('pages/dev-login/index')
}

export default defineAppConfig({
  pages,
  window: {
    navigationBarTitleText: '青聚',
    navigationBarBackgroundColor: '#d81e06',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f6f8',
    backgroundTextStyle: 'dark',
  },
})
