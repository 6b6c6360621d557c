/** The local dev login page must exist only in the H5 build. */
function pagesFor(env: 'weapp' | 'h5'): string[] {
  const saved = process.env.TARO_ENV
  process.env.TARO_ENV = env
  try {
    let pages: string[] = []
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      pages = require('@/app.config').default.pages
    })
    return pages
  } finally {
    process.env.TARO_ENV = saved
  }
}

test('the WeChat build has no dev login page', () => {
  expect(pagesFor('weapp')).toEqual(['pages/index/index', 'pages/activity/index'])
})

test('the H5 build adds the dev login page after the real pages', () => {
  expect(pagesFor('h5')).toEqual(['pages/index/index', 'pages/activity/index', 'pages/dev-login/index'])
})
