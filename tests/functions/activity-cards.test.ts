/**
 * Home cards (issue 16): "N 人已报名" with up to three avatars of people holding a seat who set one
 * (never names; display links, never a lasting address), avatars set on 个人资料 through upload names
 * the server gives the person, and 附近: the list ordered by distance from the asker with the distance
 * on each card, paged by a (distance, id) cursor.
 */
import type { ActivityCard, ActivityDetail, ActivityListResponse } from '@api/activity'
import type { AvatarUploadRequest, Profile } from '@api/signup'
import type { UploadTarget } from '@api/common'
import type { Pool } from 'pg'
import { main as activity } from '../../cloudfunctions/activity/src'
import { main as session } from '../../cloudfunctions/session/src'
import { main as signup } from '../../cloudfunctions/signup/src'
import { listActivities } from '../../server/store/activities'
import type { Db } from '../../server/store/tx'
import { call, expectOk } from '../support/call'
import { JPEG, PNG, useFileHost } from '../support/file-host'
import { withPhones } from '../support/people'
import { useWorld } from '../support/world'

jest.setTimeout(60_000)

const w = useWorld()
const host = useFileHost(w)

const HOUR = 3600_000
const DAY = 24 * HOUR
// The asker stands here (a square in Zhenjiang); events are placed at known offsets to the north.
const HERE = { latitude: 32.2, longitude: 119.45 }
/** Degrees of latitude for `m` meters (haversine with the mean Earth radius the query uses). */
const north = (m: number) => HERE.latitude + (m / 6_371_000) * (180 / Math.PI)

let n = 0
/** A published event of unit A, `inDays` ahead (negative: in the past), optionally at a place. */
async function event(
  db: Pool,
  o: { title: string; inDays?: number; at?: { latitude: number; longitude: number }; category?: string } = {
    title: '活动',
  },
): Promise<string> {
  n += 1
  // A minute apart in the order made: the plain list's start order is the order of creation.
  const start = new Date(Date.now() + (o.inDays ?? 5) * DAY + n * 60_000)
  const { rows } = await db.query<{ id: string }>(
    `insert into activity (district_id, unit_id, category, title, place_name, start_at, end_at,
       signup_opens_at, signup_closes_at, capacity, state, latitude, longitude, search_text)
     values ($1, $2, $3, $4, '青年之家', $5::timestamptz, $5::timestamptz + interval '2 hours', $5::timestamptz - interval '14 days', $5::timestamptz - interval '1 day',
       30, 'published', $6, $7, $4) returning id`,
    [
      w.districtId,
      w.unitA,
      o.category ?? 'reading_club',
      o.title,
      start,
      o.at?.latitude ?? null,
      o.at?.longitude ?? null,
    ],
  )
  await db.query("insert into signup_quota (activity_id, key, capacity) values ($1, '', 30)", [rows[0].id])
  return rows[0].id
}

/** Records `openid` as holding `state` at the event, counting a seat for confirmed and attended. */
async function registered(db: Pool, activityId: string, openid: string, state: string): Promise<void> {
  const seat = state === 'confirmed' || state === 'attended'
  await db.query(
    `insert into registration (activity_id, user_id, quota_key, state)
     select $1, id, '', $3 from app_user where openid = $2`,
    [activityId, openid, state],
  )
  if (seat) {
    await db.query("update signup_quota set taken = taken + 1 where activity_id = $1 and key = ''", [activityId])
    await db.query('update activity set seats_taken = seats_taken + 1 where id = $1', [activityId])
  }
}

/** The person uploads `photo` to the name the server gave them and sets it as their avatar. */
async function setAvatar(openid: string, photo: Buffer): Promise<{ fileId: string; profile: Profile }> {
  const target = expectOk(
    await call<UploadTarget>(signup, 'avatarUpload', { file: 'jpg' } satisfies AvatarUploadRequest, openid),
  )
  const fileId = await host.upload(target.uploadUrl!, photo)
  const profile = expectOk(await call<Profile>(signup, 'updateProfile', { avatar: fileId }, openid))
  return { fileId, profile }
}

async function list(data: Record<string, unknown>): Promise<ActivityListResponse> {
  return expectOk(await call<ActivityListResponse>(activity, 'list', data))
}
const cardOf = async (id: string, data: Record<string, unknown> = {}): Promise<ActivityCard> => {
  const found = (await list({ limit: 50, ...data })).items.find((c) => c.id === id)
  if (!found) throw new Error('card not listed')
  return found
}

/** What a display link serves, or its status. */
async function served(link: string): Promise<Buffer | number> {
  const res = await host.http(link, { method: 'GET' })
  return res.status === 200 ? res.body : res.status
}

const P = ['w:p1', 'w:p2', 'w:p3', 'w:p4', 'w:p5', 'w:p6'] as const

describe('avatars on 个人资料', () => {
  test('a person gets an upload name under themselves, ending in 128 random bits', async () => {
    const target = expectOk(await call<UploadTarget>(signup, 'avatarUpload', { file: 'png' }, 'w:namer'))
    const { rows } = await w.db.query<{ id: string }>("select id from app_user where openid = 'w:namer'")
    // Under a digest of the person (their id never shows in a link), then 128 random bits.
    expect(target.cloudPath).toMatch(/^avatars\/[0-9a-f]{32}\/[0-9a-f]{32}\.png$/)
    expect(target.cloudPath).not.toContain(rows[0].id)
    const again = expectOk(await call<UploadTarget>(signup, 'avatarUpload', { file: 'png' }, 'w:namer'))
    expect(again.cloudPath.split('/')[1]).toBe(target.cloudPath.split('/')[1])
    expect(again.cloudPath).not.toBe(target.cloudPath)
    expect(await call(signup, 'avatarUpload', { file: 'png' })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  test('set, shown through a short-lived link (never the stored name), and removed', async () => {
    const { fileId, profile } = await setAvatar('w:self', PNG)
    expect(profile.avatarUrl).toMatch(/^\/files\/avatars\/.+\?exp=\d+&sig=/)
    expect(profile.avatarUrl).not.toContain(fileId)
    expect(await served(profile.avatarUrl!)).toEqual(PNG)
    expect(expectOk(await call<Profile>(signup, 'profile', {}, 'w:self')).avatarUrl).toBe(profile.avatarUrl)
    // Saving other fields keeps it; null removes it.
    expect(expectOk(await call<Profile>(signup, 'updateProfile', { leagueMember: true }, 'w:self')).avatarUrl).toBe(
      profile.avatarUrl,
    )
    expect(expectOk(await call<Profile>(signup, 'updateProfile', { avatar: null }, 'w:self')).avatarUrl).toBeNull()
  })

  test("another person's upload, a made-up name or an address is refused, and nothing is saved", async () => {
    const { fileId: theirs } = await setAvatar('w:other', JPEG)
    const { rows } = await w.db.query<{ id: string }>("select id from app_user where openid = 'w:self'")
    const refused = { ok: false, code: 'INVALID_INPUT', message: '图片无效，请重新上传图片' }
    for (const avatar of [
      theirs,
      `local://avatars/${rows[0].id}/${'b'.repeat(32)}.jpg`,
      `local://images/${w.districtId}/${w.unitA}/${'a'.repeat(32)}.jpg`,
    ]) {
      expect(await call(signup, 'updateProfile', { avatar }, 'w:self')).toMatchObject(refused)
    }
    expect(await call(signup, 'updateProfile', { avatar: 'https://example.com/me.jpg' }, 'w:self')).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    expect(expectOk(await call<Profile>(signup, 'profile', {}, 'w:self')).avatarUrl).toBeNull()
  })
})

describe('"N 人已报名" and the avatars on a card', () => {
  let ev: string
  let past: string
  const photo = (i: number) => Buffer.concat([JPEG, Buffer.from(` person ${i}`)])
  beforeAll(async () => {
    await withPhones(w.db, [...P])
    for (const [i, openid] of P.entries()) {
      // p2 never sets one.
      if (openid !== 'w:p2') await setAvatar(openid, photo(i + 1))
    }
    ev = await event(w.db, { title: '头像读书会' })
    // In order of arrival: p1 confirmed, p2 confirmed without an avatar, p3 waitlisted, p4 cancelled,
    // p5 awaiting approval (not yet a sign-up), p6 confirmed.
    await registered(w.db, ev, 'w:p1', 'confirmed')
    await registered(w.db, ev, 'w:p2', 'confirmed')
    await registered(w.db, ev, 'w:p3', 'waitlisted')
    await registered(w.db, ev, 'w:p4', 'cancelled')
    await registered(w.db, ev, 'w:p5', 'pending')
    await registered(w.db, ev, 'w:p6', 'confirmed')
    past = await event(w.db, { title: '已结束的读书会', inDays: -3 })
    await registered(w.db, past, 'w:p3', 'attended')
    await registered(w.db, past, 'w:p4', 'no_show')
  })

  test('the count is the seats held; the avatars are only confirmed people who set one, earliest first', async () => {
    const card = await cardOf(ev)
    expect(card.signedUp).toBe(3)
    expect(card.seatsLeft).toBe(27)
    expect(card.avatars).toHaveLength(2)
    expect(await Promise.all(card.avatars.map(served))).toEqual([photo(1), photo(6)])
    for (const link of card.avatars) expect(link).toMatch(/^\/files\/avatars\/.+\?exp=\d+&sig=/)
    // No names and no person's id anywhere on the card.
    const { rows } = await w.db.query<{ id: string; nickname: string }>(
      "select id, nickname from app_user where openid like 'w:p%'",
    )
    for (const r of rows) expect(JSON.stringify(card)).not.toContain(r.id)
    expect(JSON.stringify(card)).not.toMatch(/w:p|nickname|realName|青年朋友/)
  })

  test('the detail shows the same count and avatars', async () => {
    const d = expectOk(await call<ActivityDetail>(activity, 'get', { id: ev }))
    expect(d.signedUp).toBe(3)
    expect(await Promise.all(d.avatars.map(served))).toEqual([photo(1), photo(6)])
  })

  test('a finished event shows the people who came', async () => {
    const card = await cardOf(past, { status: 'finished' })
    expect(await Promise.all(card.avatars.map(served))).toEqual([photo(3)])
  })

  test('at most three, however many set one', async () => {
    const big = await event(w.db, { title: '人多的读书会' })
    for (const openid of [...P].reverse()) await registered(w.db, big, openid, 'confirmed')
    const card = await cardOf(big)
    expect(card.signedUp).toBe(6)
    expect(await Promise.all(card.avatars.map(served))).toEqual([photo(6), photo(5), photo(4)])
  })

  test('a person who removed theirs shows no link, and nor does a deleted account', async () => {
    expectOk(await call(signup, 'updateProfile', { avatar: null }, 'w:p6'))
    expect(await Promise.all((await cardOf(ev)).avatars.map(served))).toEqual([photo(1)])

    expectOk(await call(session, 'deleteAccount', { confirm: '注销' }, 'w:p3'))
    const { rows } = await w.db.query<{ n: number }>(
      "select count(*)::int as n from app_user where avatar like 'local://avatars/%' and deleted_at is not null",
    )
    expect(rows[0].n).toBe(0)
    expect((await cardOf(past, { status: 'finished' })).avatars).toEqual([])
  })

  test('one statement for a whole page, avatars included (no query per card)', async () => {
    let statements = 0
    const counting = {
      query: (...args: unknown[]) => {
        statements += 1
        return (w.db.query as (...a: unknown[]) => unknown)(...args)
      },
    } as unknown as Db
    const page = await listActivities(counting, {
      districtId: w.districtId,
      status: 'active',
      limit: 20,
      now: new Date(),
    })
    expect(statements).toBe(1)
    expect(page.rows.find((r) => r.id === ev)?.avatars).toHaveLength(1)
  })
})

describe('附近: distance order', () => {
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    await w.db.query("update activity set state = 'cancelled' where district_id = $1", [w.districtId])
    ids.far = await event(w.db, { title: '五公里外', at: { latitude: north(5000), longitude: HERE.longitude } })
    ids.none1 = await event(w.db, { title: '没有位置一' })
    ids.here = await event(w.db, { title: '就在这里', at: HERE })
    ids.m800 = await event(w.db, { title: '八百米', at: { latitude: north(800), longitude: HERE.longitude } })
    ids.km12a = await event(w.db, { title: '一点二公里甲', at: { latitude: north(1200), longitude: HERE.longitude } })
    ids.km12b = await event(w.db, { title: '一点二公里乙', at: { latitude: north(1200), longitude: HERE.longitude } })
    ids.none2 = await event(w.db, { title: '没有位置二' })
    ids.tree = await event(w.db, {
      title: '植树三百米',
      category: 'tree_planting',
      at: { latitude: north(300), longitude: HERE.longitude },
    })
    ids.past = await event(w.db, { title: '已结束的近处活动', inDays: -3, at: HERE })
  })

  const [a, b] = [() => [ids.km12a, ids.km12b].sort(), () => [ids.none1, ids.none2].sort()]
  const expected = () => [ids.here, ids.tree, ids.m800, ...a(), ids.far, ...b()]

  test('nearest first, ties by id, events without a location last; each card carries its distance', async () => {
    const page = await list({ near: HERE })
    expect(page.items.map((c) => c.id)).toEqual(expected())
    const d = Object.fromEntries(page.items.map((c) => [c.id, c.distanceMeters]))
    expect(d[ids.here]).toBe(0)
    expect(d[ids.tree]).toBe(300)
    expect(d[ids.m800]).toBe(800)
    expect(d[ids.km12a]).toBe(1200)
    expect(d[ids.far]).toBe(5000)
    expect(d[ids.none1]).toBeNull()
    expect(page.nextCursor).toBeNull()
  })

  test('without 附近 the list is in start order and carries no distance', async () => {
    const page = await list({})
    expect(page.items.map((c) => c.id)).toEqual(Object.values(ids).filter((id) => id !== ids.past))
    expect(page.items.every((c) => c.distanceMeters === null)).toBe(true)
  })

  test('pages of 2 walk the same order with no repeat and no gap, across ties and the events without a place', async () => {
    const seen: string[] = []
    let cursor: string | undefined
    for (let i = 0; i < 10; i++) {
      const page = await list({ near: HERE, limit: 2, ...(cursor ? { cursor } : {}) })
      seen.push(...page.items.map((c) => c.id))
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    expect(seen).toEqual(expected())
  })

  test('the filters still apply (category, status), distance computed over what they keep', async () => {
    expect((await list({ near: HERE, category: 'tree_planting' })).items.map((c) => c.id)).toEqual([ids.tree])
    expect((await list({ near: HERE, status: 'finished' })).items.map((c) => c.id)).toEqual([ids.past])
  })

  test("a cursor of the other order is refused; a position out of range names 我的位置's field", async () => {
    const plain = await list({ limit: 2 })
    expect(await call(activity, 'list', { near: HERE, cursor: plain.nextCursor })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '分页参数无效，请刷新后重试',
    })
    const near = await list({ near: HERE, limit: 2 })
    expect(await call(activity, 'list', { cursor: near.nextCursor })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    const bad = await call(activity, 'list', { near: { latitude: 95, longitude: 119 } })
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(JSON.stringify(bad)).toContain('纬度')
  })
})
