/**
 * The UX bars of issue 16 on the main pages of each role, in a real browser at phone width (375 px):
 * axe-core finds no serious or critical accessibility violation, no page scrolls sideways (only
 * components meant to, inside themselves), and every tappable element takes a tap anywhere in at
 * least 44×44 CSS px (support/touch.ts measures the hit area). Each page is also captured at 390×844
 * in tests/artifacts/ (`ux-<page>.png`) to be looked at.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, test } from 'node:test'
import type { Page } from 'playwright-core'
import { ROOT, callApi, devToken, phonePage, routeUrl, screenshot, signInAs, useH5 } from './support/h5'
import { animationsSettled } from './support/settled'
import { describeSmall, smallTapTargets } from './support/touch'

const h5 = useH5('ux-audit')
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')

interface Target {
  name: string
  /** The dev-login persona's button label, or null for a visitor. */
  as: string | null
  route: () => string
  /** What shows once the page has loaded. */
  ready: string
  /** What a person does next to reach the state audited (e.g. open a sheet); resolves once it shows. */
  then?: (page: Page) => Promise<void>
}

const ids = { activity: '', open: '', unit: '', event: '' }

before(async () => {
  await h5.start()
  const base = h5.host.url
  const list = await callApi<{ items: { id: string }[] }>(base, 'activity', 'list', {})
  ids.activity = list.items[0].id
  // An activity the young person can still sign up for, to open the sign-up sheet on.
  const youth = await devToken(base, 'youth')
  for (const { id } of list.items) {
    const a = await callApi<{ signupOpensAt: string; signupClosesAt: string; seatsLeft: number }>(
      base,
      'activity',
      'get',
      { id },
    )
    const now = Date.now()
    if (Date.parse(a.signupOpensAt) > now || Date.parse(a.signupClosesAt) < now || a.seatsLeft <= 0) continue
    if ((await callApi<unknown>(base, 'signup', 'mine', { activityId: id }, youth)) === null) {
      ids.open = id
      break
    }
  }
  assert.ok(ids.open, 'the demo data has an activity open for sign-up to the young person')
  const organiser = await devToken(base, 'organiser')
  const me = await callApi<{ units: { id: string }[] }>(base, 'session', 'me', {}, organiser)
  ids.unit = me.units[0].id
  const events = await callApi<{ items: { id: string }[] }>(
    base,
    'activity',
    'manageList',
    { unitId: ids.unit, state: 'published' },
    organiser,
  )
  ids.event = events.items[0].id
})

const YOUTH = '青年（报名'
const ORGANISER = '成员单位组织者'
const ADMIN = '团区委管理员'

const TARGETS: Target[] = [
  { name: 'home', as: null, route: () => '/pages/index/index', ready: '[data-testid="activity-card"]' },
  {
    name: 'detail',
    as: YOUTH,
    route: () => `/pages/activity/index?id=${ids.activity}`,
    ready: '[data-testid="activity-detail"]',
  },
  {
    name: 'signup-sheet',
    as: YOUTH,
    route: () => `/pages/activity/index?id=${ids.open}`,
    ready: '.signup-bar__main',
    then: async (page) => {
      await page.locator('.signup-bar__main', { hasText: '立即报名' }).click()
      const sheet = page.locator('[data-testid="signup-sheet"]')
      const agree = page.locator('[data-testid="privacy-agree"]')
      await sheet.or(agree).first().waitFor({ timeout: 15_000 })
      if (await agree.isVisible()) await agree.click()
      await sheet.waitFor({ timeout: 15_000 })
    },
  },
  { name: 'me', as: YOUTH, route: () => '/pages/me/index', ready: '[data-testid="my-signups"]' },
  { name: 'profile', as: YOUTH, route: () => '/packages/mine/pages/profile/index', ready: '.form-card' },
  { name: 'my-activities', as: YOUTH, route: () => '/packages/mine/pages/activities/index', ready: '.taroify-tabs' },
  { name: 'my-hours', as: YOUTH, route: () => '/packages/mine/pages/hours/index', ready: '.my-hours' },
  { name: 'me-organiser', as: ORGANISER, route: () => '/pages/me/index', ready: '[data-testid="my-signups"]' },
  {
    name: 'unit',
    as: ORGANISER,
    route: () => `/packages/organiser/pages/unit/index?id=${ids.unit}`,
    ready: '[data-testid="unit-console"]',
  },
  {
    name: 'events',
    as: ORGANISER,
    route: () => `/packages/organiser/pages/events/index?unitId=${ids.unit}`,
    ready: '[data-testid="managed-event"]',
  },
  {
    name: 'event-manage',
    as: ORGANISER,
    route: () => `/packages/organiser/pages/event/index?id=${ids.event}`,
    ready: '[data-testid="event-state"]',
  },
  {
    name: 'event-editor',
    as: ORGANISER,
    route: () => `/packages/organiser/pages/event/index?unitId=${ids.unit}`,
    ready: '.form-card',
  },
  {
    name: 'roster',
    as: ORGANISER,
    route: () => `/packages/organiser/pages/roster/index?id=${ids.event}`,
    ready: '.roster',
  },
  {
    name: 'checkin-code',
    as: ORGANISER,
    route: () => `/packages/organiser/pages/checkin-code/index?id=${ids.event}`,
    ready: '.site-code',
  },
  { name: 'review', as: ADMIN, route: () => '/packages/admin/pages/review/index', ready: '.taroify-tabs' },
  { name: 'plan', as: ADMIN, route: () => '/packages/admin/pages/plan/index', ready: '[data-testid="plan-status"]' },
  {
    name: 'completion',
    as: ADMIN,
    route: () => '/packages/admin/pages/completion/index',
    ready: '[data-testid="completion-grid"]',
  },
  { name: 'hours-report', as: ADMIN, route: () => '/packages/admin/pages/hours/index', ready: '.admin' },
  {
    name: 'unit-scores',
    as: ADMIN,
    route: () => '/packages/admin/pages/unit-scores/index',
    ready: '[data-testid="score-unit"]',
  },
  { name: 'me-admin', as: ADMIN, route: () => '/pages/me/index', ready: '[data-testid="my-signups"]' },
]

/** Serious and critical axe violations on the page, one line each with where. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE })
  return page.evaluate(async () => {
    type Result = { id: string; impact: string; nodes: { target: string[] }[] }
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: Result[] }> } }).axe
    const { violations } = await axe.run(document)
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)
  })
}

for (const t of TARGETS) {
  test(`${t.name}: no serious accessibility violation, no sideways scroll, 44 px tap targets at 375 px`, async () => {
    const page = await phonePage(h5.browser)
    try {
      if (t.as) await signInAs(page, h5.host.url, t.as, { fresh: true })
      await page.goto(routeUrl(h5.host.url, t.route(), true))
      // Pages that collect personal data ask for the privacy consent first: agree, as a person would.
      const ready = page.locator(t.ready).first()
      const agree = page.locator('[data-testid="privacy-agree"]')
      await ready.or(agree).first().waitFor({ timeout: 30_000 })
      if (await agree.isVisible()) await agree.click()
      await ready.waitFor({ timeout: 30_000 })
      await animationsSettled(page)
      if (t.then) {
        await t.then(page)
        await animationsSettled(page)
      }
      const violations = await axeViolations(page)
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      await page.setViewportSize({ width: 390, height: 844 })
      await animationsSettled(page)
      await screenshot(page, `ux-${t.name}`)
      // Measured last, back at 375 px: it scrolls each element to the middle of the screen.
      await page.setViewportSize({ width: 375, height: 812 })
      await animationsSettled(page)
      const small = describeSmall(t.name, await smallTapTargets(page))
      const problems = [
        ...violations.map((v) => `${t.name}: accessibility: ${v}`),
        ...(width > 375 ? [`${t.name}: ${width} px wide at 375 px`] : []),
        ...small.map((s) => `${s} (tap target under 44×44 CSS px)`),
      ]
      assert.deepEqual(problems, [], problems.join('\n'))
    } finally {
      await page.context().close()
    }
  })
}
