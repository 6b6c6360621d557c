/** The local dev login page must exist only in the H5 build; organiser/admin pages are subpackages. */
interface AppConfig {
  __usePrivacyCheck__?: boolean
  pages: string[]
  subPackages: { root: string; pages: string[] }[]
  tabBar: { list: { pagePath: string; text: string }[] }
}

function configFor(env: 'weapp' | 'h5'): AppConfig {
  const saved = process.env.TARO_ENV
  process.env.TARO_ENV = env
  try {
    let config: AppConfig | undefined
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      config = require('@/app.config').default
    })
    return config as AppConfig
  } finally {
    process.env.TARO_ENV = saved
  }
}

const MAIN = ['pages/index/index', 'pages/activity/index', 'pages/me/index']

test('the WeChat build has no dev login page', () => {
  expect(configFor('weapp').pages).toEqual(MAIN)
})

test('the H5 build adds the dev login page after the real pages', () => {
  expect(configFor('h5').pages).toEqual([...MAIN, 'pages/dev-login/index'])
})

test('organiser and admin pages live in subpackages, and the tab bar has 首页 and 我的', () => {
  const config = configFor('weapp')
  expect(config.subPackages.map((s) => s.root)).toEqual([
    'packages/organiser/',
    'packages/admin/',
    'packages/mine/',
    'packages/venues/',
    'packages/verify/',
    'packages/rating/',
    'packages/surveys/',
    'packages/wishes/',
    'packages/honours/',
    'packages/record/',
    'packages/stars/',
    'packages/share/',
  ])
  expect(config.subPackages[0].pages).toEqual(
    expect.arrayContaining(['pages/signup-settings/index', 'pages/roster/index', 'pages/hours/index']),
  )
  expect(config.subPackages[2].pages).toEqual([
    'pages/activities/index',
    'pages/profile/index',
    'pages/hours/index',
    'pages/certificate/index',
    'pages/identity-code/index',
    'pages/privacy/index',
    'pages/my-data/index',
    'pages/youth-groups/index',
  ])
  expect(config.subPackages[1].pages).toEqual([
    'pages/review/index',
    'pages/plan/index',
    'pages/completion/index',
    'pages/hours/index',
    'pages/audit/index',
    'pages/venue-usage/index',
    'pages/ratings/index',
    'pages/youth-groups/index',
    'pages/unit-scores/index',
  ])
  // Shared venues (阵地): list/map, a venue with its week grid, a unit's bookings, the owner's approvals.
  expect(config.subPackages[3].pages).toEqual([
    'pages/list/index',
    'pages/venue/index',
    'pages/bookings/index',
    'pages/approvals/index',
    'pages/mine/index',
    'pages/edit/index',
    'pages/facility/index',
  ])
  // The public certificate check is its own small subpackage (opened from a code, no login).
  expect(config.subPackages[4].pages).toEqual(['pages/verify/index'])
  // Ratings after activities: the rating sheet, my ratings, an event's anonymous ratings.
  expect(config.subPackages[5].pages).toEqual(['pages/rate/index', 'pages/mine/index', 'pages/event/index'])
  // Surveys (调研问卷): list, editor, answering, results.
  expect(config.subPackages[6].pages).toEqual([
    'pages/list/index',
    'pages/editor/index',
    'pages/answer/index',
    'pages/results/index',
  ])
  // 活动点单: the wish wall, a wish, proposing, an organiser's claim.
  expect(config.subPackages[7].pages).toEqual([
    'pages/wall/index',
    'pages/detail/index',
    'pages/propose/index',
    'pages/claim/index',
  ])
  // Honours: the public roll, my honours, a unit's nominations, the district's review.
  expect(config.subPackages[8].pages).toEqual([
    'pages/roll/index',
    'pages/mine/index',
    'pages/nominate/index',
    'pages/review/index',
  ])
  // 成长档案: my timeline.
  expect(config.subPackages[9].pages).toEqual(['pages/timeline/index'])
  // 摘星: my stars and evidence, an organiser's evidence review, the district's indicator editor.
  expect(config.subPackages[10].pages).toEqual(['pages/mine/index', 'pages/review/index', 'pages/indicators/index'])
  expect(config.tabBar.list).toEqual([
    { pagePath: 'pages/index/index', text: '首页' },
    { pagePath: 'pages/me/index', text: '我的' },
  ])
  // Tab pages must be main-package pages.
  for (const tab of config.tabBar.list) expect(config.pages).toContain(tab.pagePath)
})

test('the WeChat privacy check is on (the popup in src/features/privacy answers it)', () => {
  expect(configFor('weapp').__usePrivacyCheck__).toBe(true)
})
