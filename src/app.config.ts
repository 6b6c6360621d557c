const pages = ['pages/index/index', 'pages/activity/index', 'pages/me/index']

// The local dev login exists only in the H5 build served by the local host; the WeChat
// build must never contain it (identity there comes from CloudBase's OPENID).
if (process.env.TARO_ENV === 'h5') {
  pages.push('pages/dev-login/index')
}

/**
 * Organiser and admin pages are few people's business: subpackages keep them out of the main
 * package (2 MB cap) and out of every young person's first download.
 */
const subPackages = [
  {
    root: 'packages/organiser/',
    pages: [
      'pages/apply/index',
      'pages/unit/index',
      'pages/join/index',
      'pages/events/index',
      'pages/event/index',
      'pages/changes/index',
      'pages/signup-settings/index',
      'pages/roster/index',
      // Check-in on site: the rotating code, the ticket scanner; hours review after the event.
      'pages/checkin-code/index',
      'pages/scanner/index',
      'pages/hours/index',
      // 单位评分 (五星): a unit's scorecard, for its people and the district.
      'pages/score/index',
    ],
  },
  {
    root: 'packages/admin/',
    pages: [
      'pages/review/index',
      'pages/plan/index',
      'pages/completion/index',
      'pages/hours/index',
      'pages/audit/index',
      // 阵地使用率: the district's venues (and a venue-owning unit's own), 串门, the xlsx export.
      'pages/venue-usage/index',
      // 青年评议: ratings by unit, category and month, the quarter's lowest, the xlsx export.
      'pages/ratings/index',
      // 青年团体审核: registered youth groups (approve, decline with a reason, suspend).
      'pages/youth-groups/index',
      // 五星评比: the ranking of member units, its export and the year's weights.
      'pages/unit-scores/index',
    ],
  },
  {
    // 我的活动 and 个人资料: opened from 我的, not needed for the first screen.
    root: 'packages/mine/',
    pages: [
      'pages/activities/index',
      'pages/profile/index',
      'pages/hours/index',
      'pages/certificate/index',
      // 我的身份码: shown to a site organiser for a walk-in.
      'pages/identity-code/index',
      // 隐私保护指引 and 我的数据 (see, download, delete).
      'pages/privacy/index',
      'pages/my-data/index',
      // 我的青年团体: apply as a group's leader, its state, its venue bookings.
      'pages/youth-groups/index',
    ],
  },
  {
    // Shared venues (阵地): the district's map and list, a venue's week, bookings and approvals.
    root: 'packages/venues/',
    pages: [
      'pages/list/index',
      'pages/venue/index',
      'pages/bookings/index',
      'pages/approvals/index',
      // The owner's side: 我的阵地, a venue's editor (hours, closures), a facility and its booking rules.
      'pages/mine/index',
      'pages/edit/index',
      'pages/facility/index',
    ],
  },
  {
    // Public certificate check, opened from the code on a certificate; no login needed.
    root: 'packages/verify/',
    pages: ['pages/verify/index'],
  },
  {
    // Ratings after activities: the rating sheet, my ratings, an event's anonymous ratings for its organisers.
    root: 'packages/rating/',
    pages: ['pages/rate/index', 'pages/mine/index', 'pages/event/index'],
  },
  {
    // Surveys (调研问卷): the list, the editor, answering, the results with their bars and export.
    root: 'packages/surveys/',
    pages: ['pages/list/index', 'pages/editor/index', 'pages/answer/index', 'pages/results/index'],
  },
  {
    // 活动点单: the wish wall, a wish and its path, proposing one, an organiser's claim into the annual list.
    root: 'packages/wishes/',
    pages: ['pages/wall/index', 'pages/detail/index', 'pages/propose/index', 'pages/claim/index'],
  },
  {
    root: 'packages/honours/',
    pages: ['pages/roll/index', 'pages/mine/index', 'pages/nominate/index', 'pages/review/index'],
  },
  {
    // 成长档案: my timeline across activities, hours, certificates, ratings, wishes and groups, by year and kind.
    root: 'packages/record/',
    pages: ['pages/timeline/index'],
  },
  {
    // 摘星: my stars and evidence, an organiser's evidence review, the district's indicator editor.
    root: 'packages/stars/',
    pages: ['pages/mine/index', 'pages/review/index', 'pages/indicators/index'],
  },
  {
    // 活动海报: the poster of an activity for 朋友圈, with the mini-program code that opens it.
    root: 'packages/share/',
    pages: ['pages/poster/index'],
  },
]

export default defineAppConfig({
  pages,
  subPackages,
  window: {
    navigationBarTitleText: '青聚',
    // WeChat's own default; H5 needs it spelled out to draw its title bar with a back button (app.scss sizes it).
    navigationStyle: 'default',
    navigationBarBackgroundColor: '#d81e06',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f6f8',
    backgroundTextStyle: 'dark',
  },
  // Text-only tabs: WeChat makes iconPath optional.
  tabBar: {
    // The theme's secondary grey: 5:1 on white.
    color: '#646a73',
    selectedColor: '#d81e06',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  // The event editor fills the place with wx.chooseLocation; a self-scan sends the device
  // location (a review signal) via wx.getLocation. Both must be declared.
  requiredPrivateInfos: ['chooseLocation', 'getLocation'],
  // The privacy authorisation: personal data is collected only after the 隐私保护指引 popup's 同意
  // (src/features/privacy; WeChat applies the check to every mini-program, this states it).
  __usePrivacyCheck__: true,
  permission: {
    'scope.userLocation': { desc: '签到时核对你是否在活动现场附近，查找附近的场地' },
  },
})
