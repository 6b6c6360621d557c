/** The `activity` function through its real main(event, context), on a real PostgreSQL. */
import type {
  ActivityCard,
  ActivityDetail,
  ActivityListResponse,
  ActivityStatusFilter,
  CategoryListResponse,
} from '@api/activity'
import { actions, main } from '../../cloudfunctions/activity/src'
import { activityPhase } from '../../server/domain/activity-phase'
import { createFunction } from '../../server/runtime/function'
import type { ActivityActions } from '@api/activity'
import { call, expectOk } from '../support/call'
import { closePool, insertActivity, insertBasics, useFreshDatabase, type Fixture } from '../support/db'
import type { Pool } from 'pg'

const HOUR = 3600_000
const DAY = 24 * HOUR
// A fixed "now" so every phase boundary is exact.
const NOW = new Date('2026-03-09T02:00:00.000Z') // 2026-03-09 10:00 Asia/Shanghai
const atNow = createFunction<ActivityActions>('activity', actions, { clock: () => NOW })

let db: Pool
let fx: Fixture
const ids: Record<string, string> = {}

beforeAll(async () => {
  db = await useFreshDatabase()
  fx = await insertBasics(db)
  const other = await insertBasics(db, 'jingkou')
  const base = { districtId: fx.districtId, unitId: fx.unitId }
  ids.open = await insertActivity(db, {
    ...base,
    title: '报名中的读书会',
    startAt: new Date(NOW.getTime() + 3 * DAY),
    capacity: 30,
    seatsTaken: 12,
  })
  ids.notYetOpen = await insertActivity(db, {
    ...base,
    title: '尚未开放报名的植树',
    category: 'tree_planting',
    startAt: new Date(NOW.getTime() + 30 * DAY),
  })
  ids.closed = await insertActivity(db, {
    ...base,
    title: '报名已截止的联谊',
    category: 'social_mixer',
    startAt: new Date(NOW.getTime() + 12 * HOUR),
  })
  ids.ongoing = await insertActivity(db, {
    ...base,
    title: '进行中的植树',
    category: 'tree_planting',
    startAt: new Date(NOW.getTime() - HOUR),
    hours: 3,
  })
  ids.finished = await insertActivity(db, {
    ...base,
    title: '已结束的读书会',
    startAt: new Date(NOW.getTime() - 10 * DAY),
  })
  ids.finishedOlder = await insertActivity(db, {
    ...base,
    title: '更早结束的读书会',
    startAt: new Date(NOW.getTime() - 40 * DAY),
  })
  ids.draft = await insertActivity(db, {
    ...base,
    title: '草稿活动',
    startAt: new Date(NOW.getTime() + 5 * DAY),
    state: 'draft',
  })
  ids.cancelled = await insertActivity(db, {
    ...base,
    title: '已取消的活动',
    startAt: new Date(NOW.getTime() + 6 * DAY),
    state: 'cancelled',
  })
  ids.full = await insertActivity(db, {
    ...base,
    title: '名额已满的读书会',
    startAt: new Date(NOW.getTime() + 4 * DAY),
    capacity: 10,
    seatsTaken: 10,
  })
  ids.elsewhere = await insertActivity(db, {
    districtId: other.districtId,
    unitId: other.unitId,
    title: '京口区的活动',
    startAt: new Date(NOW.getTime() + 2 * DAY),
  })
})

afterAll(closePool)

async function list(data: Record<string, unknown>): Promise<ActivityListResponse> {
  return expectOk(await call<ActivityListResponse>(atNow, 'list', data))
}
const titles = (items: ActivityCard[]) => items.map((i) => i.title)

describe('activity.list', () => {
  test('by default lists the district’s published, not-yet-ended activities, soonest first', async () => {
    const page = await list({})
    expect(titles(page.items)).toEqual([
      '进行中的植树',
      '报名已截止的联谊',
      '报名中的读书会',
      '名额已满的读书会',
      '尚未开放报名的植树',
    ])
    expect(page.nextCursor).toBeNull()
  })

  test('an empty payload (no data at all) is the default list', async () => {
    const r = expectOk(await call<ActivityListResponse>(atNow, 'list'))
    expect(r.items).toHaveLength(5)
  })

  test('never shows drafts, cancelled activities or another district’s activities', async () => {
    const all = [...(await list({ status: 'active' })).items, ...(await list({ status: 'finished' })).items].map(
      (i) => i.id,
    )
    expect(all).not.toContain(ids.draft)
    expect(all).not.toContain(ids.cancelled)
    expect(all).not.toContain(ids.elsewhere)
    const jingkou = await list({ district: 'jingkou' })
    expect(titles(jingkou.items)).toEqual(['京口区的活动'])
  })

  test.each<[ActivityStatusFilter, string[]]>([
    ['open', ['报名中的读书会', '名额已满的读书会']],
    ['upcoming', ['报名已截止的联谊', '尚未开放报名的植树']],
    ['ongoing', ['进行中的植树']],
    ['finished', ['已结束的读书会', '更早结束的读书会']],
  ])('status %s returns exactly the matching activities, each showing that phase', async (status, expected) => {
    const page = await list({ status })
    expect(titles(page.items)).toEqual(expected)
    const phase = status === 'active' ? null : status
    for (const item of page.items) expect(item.phase).toBe(phase)
  })

  test('filters by category', async () => {
    const page = await list({ category: 'tree_planting' })
    expect(titles(page.items)).toEqual(['进行中的植树', '尚未开放报名的植树'])
    expect(page.items.every((i) => i.category.code === 'tree_planting' && i.category.name === '植树/公益林')).toBe(true)
    expect(page.items[0].category.awardsServiceHours).toBe(true)
  })

  test('cards carry unit, place, times and seats left', async () => {
    const card = (await list({ status: 'open' })).items[0]
    expect(card).toMatchObject({
      id: ids.open,
      unit: { id: fx.unitId, name: 'runzhou 邮政团委' },
      placeName: '青年之家',
      capacity: 30,
      seatsLeft: 18,
      startAt: new Date(NOW.getTime() + 3 * DAY).toISOString(),
    })
    const full = (await list({ status: 'open' })).items[1]
    expect(full.seatsLeft).toBe(0)
  })

  test.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 51 }, 'limit'],
    [{ limit: '20' }, 'limit'],
    [{ status: 'soon' }, 'status'],
    [{ category: 'Tree Planting!' }, 'category'],
    [{ cursor: 'x'.repeat(201) }, 'cursor'],
    [{ district: '../etc' }, 'district'],
    [{ openid: 'someone-else' }, '_'],
  ])('rejects %j as INVALID_INPUT on %s', async (data, field) => {
    const r = await call(atNow, 'list', data)
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    if (!r.ok) {
      expect(r.fields?.[field]).toBeTruthy()
      // Said in Chinese, naming no field by its code name (issue 16).
      expect(r.message).toMatch(/[\u4e00-\u9fff]/)
      expect(r.message).not.toMatch(/[A-Za-z_]{2,}/)
    }
  })

  test('a cursor it did not issue is INVALID_INPUT, not a crash', async () => {
    for (const cursor of [
      'garbage',
      Buffer.from('["not a date","x"]').toString('base64url'),
      Buffer.from('{}').toString('base64url'),
    ]) {
      expect(await call(atNow, 'list', { cursor })).toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
        fields: { cursor: '格式不正确' },
      })
    }
  })
})

describe('activity.list keyset pagination', () => {
  let pagingDb: Pool
  const created: string[] = []

  beforeAll(async () => {
    pagingDb = db
    // 45 activities, many sharing a start time, so ties must be broken by id.
    for (let i = 0; i < 45; i++) {
      created.push(
        await insertActivity(pagingDb, {
          districtId: 'jingkou',
          unitId: (await pagingDb.query("select id from org_unit where district_id = 'jingkou' limit 1")).rows[0].id,
          title: `分页活动 ${i}`,
          startAt: new Date(NOW.getTime() + (10 + (i % 4)) * DAY),
        }),
      )
    }
  })

  test('walks every activity once, in order, 20 per page', async () => {
    const seen: ActivityCard[] = []
    let cursor: string | undefined
    const pageSizes: number[] = []
    do {
      const page = await list({ district: 'jingkou', ...(cursor ? { cursor } : {}) })
      pageSizes.push(page.items.length)
      seen.push(...page.items)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(pageSizes).toEqual([20, 20, 6])
    const seenIds = seen.map((s) => s.id)
    expect(new Set(seenIds).size).toBe(seenIds.length)
    expect(seenIds.sort()).toEqual([...created, ids.elsewhere].sort())
    const keys = seen.map((s) => [s.startAt, s.id].join('|'))
    for (let i = 1; i < keys.length; i++) expect(seen[i].startAt >= seen[i - 1].startAt).toBe(true)
    expect(keys).toEqual([...keys].sort())
  })

  test('finished activities page newest first', async () => {
    const first = await list({ status: 'finished', limit: 1 })
    expect(titles(first.items)).toEqual(['已结束的读书会'])
    const second = await list({ status: 'finished', limit: 1, cursor: first.nextCursor })
    expect(titles(second.items)).toEqual(['更早结束的读书会'])
    expect(second.nextCursor).toBeNull()
  })
})

describe('activity phase at the exact boundaries', () => {
  test('what the list filter returns agrees with the domain rule at every instant', async () => {
    const start = new Date('2026-05-01T01:00:00.000Z')
    const id = await insertActivity(db, {
      districtId: 'runzhou',
      unitId: fx.otherUnitId,
      title: '边界测试活动',
      category: 'social_mixer',
      startAt: start,
      hours: 2,
      signupOpensAt: new Date(start.getTime() - 2 * DAY),
      signupClosesAt: new Date(start.getTime() - DAY),
    })
    const instants = [-2 * DAY - 1, -2 * DAY, -DAY - 1, -DAY, -1, 0, 2 * HOUR - 1, 2 * HOUR].map(
      (d) => new Date(start.getTime() + d),
    )
    for (const now of instants) {
      const fn = createFunction<ActivityActions>('activity', actions, { clock: () => now })
      const found: string[] = []
      for (const status of ['open', 'upcoming', 'ongoing', 'finished'] as const) {
        const r = expectOk(
          await call<ActivityListResponse>(fn, 'list', { status, category: 'social_mixer', limit: 50 }),
        )
        if (r.items.some((i) => i.id === id)) found.push(status)
      }
      const detail = expectOk(await call<ActivityDetail>(fn, 'get', { id }))
      expect(found).toEqual([detail.phase])
      expect(detail.phase).toBe(
        activityPhase(
          {
            state: 'published',
            startAt: start,
            endAt: new Date(start.getTime() + 2 * HOUR),
            signupOpensAt: new Date(start.getTime() - 2 * DAY),
            signupClosesAt: new Date(start.getTime() - DAY),
          },
          now,
        ),
      )
    }
  })
})

describe('activity.get', () => {
  test('returns the detail of a published activity', async () => {
    const d = expectOk(await call<ActivityDetail>(atNow, 'get', { id: ids.open }))
    expect(d).toMatchObject({
      id: ids.open,
      title: '报名中的读书会',
      phase: 'open',
      seatsLeft: 18,
      placeName: '青年之家',
    })
    expect(new Date(d.signupClosesAt).getTime()).toBe(NOW.getTime() + 2 * DAY)
  })

  test('a cancelled activity is still readable and says so', async () => {
    const d = expectOk(await call<ActivityDetail>(atNow, 'get', { id: ids.cancelled }))
    expect(d.phase).toBe('cancelled')
  })

  test('drafts and unknown ids are NOT_FOUND', async () => {
    for (const id of [ids.draft, '00000000-0000-4000-8000-000000000000']) {
      expect(await call(atNow, 'get', { id })).toEqual({ ok: false, code: 'NOT_FOUND', message: '活动不存在或已下线' })
    }
  })

  test.each([[{}], [{ id: 'not-a-uuid' }], [{ id: 42 }], [null]])('rejects %j as INVALID_INPUT', async (data) => {
    expect(await call(atNow, 'get', data)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})

describe('activity.categories', () => {
  test('lists categories in their configured order', async () => {
    const r = expectOk(await call<CategoryListResponse>(main, 'categories'))
    expect(r.items.map((c) => c.code)).toEqual(['tree_planting', 'reading_club', 'social_mixer'])
  })
})
