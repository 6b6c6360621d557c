/**
 * The organiser's roster search and filters, and notices to everyone confirmed (通知已报名人员),
 * through the real `signup` function on a real PostgreSQL.
 */
import type { ActivityNotice, NoticeList, Registration, RosterPage, SignupActions } from '@api/signup'
import type { ManagedActivity } from '@api/activity'
import { actions, main as signup } from '../../cloudfunctions/signup/src'
import { createFunction } from '../../server/runtime/function'
import { call, expectOk } from '../support/call'
import { withPhones } from '../support/people'
import { PEOPLE, useWorld, publishedEvent } from '../support/world'

const HOUR = 3600_000
const w = useWorld()

let n = 0
const key = () => `key-${Date.now()}-${++n}-abcdef`
const person = (i: number | string) => `rn:${i}`

async function eventWith(capacity: number, settings: Record<string, unknown> = {}): Promise<ManagedActivity> {
  const e = await publishedEvent(w, { capacity })
  expectOk(await call(signup, 'settings', { activityId: e.id, settings }, PEOPLE.orgA))
  return e
}

/** Signs a person up with a phone ending in `tail` and a real name. */
async function join(
  activityId: string,
  who: string,
  profile: { realName?: string; phone?: string; nickname?: string } = {},
  extra: Record<string, unknown> = {},
): Promise<Registration> {
  await withPhones(w.db, [who])
  if (profile.realName)
    await w.db.query('update app_user set real_name = $2 where openid = $1', [who, profile.realName])
  if (profile.phone) await w.db.query('update app_user set phone = $2 where openid = $1', [who, profile.phone])
  if (profile.nickname) await w.db.query('update app_user set nickname = $2 where openid = $1', [who, profile.nickname])
  return expectOk(await call<Registration>(signup, 'signup', { activityId, idempotencyKey: key(), ...extra }, who))
}

const roster = async (req: Record<string, unknown>, fn = signup) =>
  expectOk(await call<RosterPage>(fn, 'roster', req, PEOPLE.orgA))
const names = (page: RosterPage) => page.items.map((e) => e.person.realName)

describe('roster search and filters', () => {
  let e: ManagedActivity
  beforeAll(async () => {
    e = await eventWith(3)
    await join(e.id, person('s1'), { realName: '王小明', phone: '13800001234' })
    await join(e.id, person('s2'), { realName: '李红', phone: '13900005678' })
    await join(e.id, person('s3'), { realName: '王芳', phone: '13700009999', nickname: '小太阳' })
    await join(e.id, person('s4'), { realName: '赵磊', phone: '13600001234' })
    await join(e.id, person('s5'), { realName: '钱多多', phone: '13500002468' })
  })

  test('a name finds real names and nicknames containing it; the counts per state follow the search', async () => {
    const page = await roster({ activityId: e.id, search: '王' })
    expect(names(page)).toEqual(['王小明', '王芳'])
    expect(page.counts).toEqual({ confirmed: 2 })
    expect(names(await roster({ activityId: e.id, search: '太阳' }))).toEqual(['王芳'])
    // Wildcards are matched as themselves.
    expect((await roster({ activityId: e.id, search: '%' })).items).toEqual([])
    const none = await roster({ activityId: e.id, search: '孙' })
    expect(none).toMatchObject({ items: [], nextCursor: null, counts: {} })
  })

  test('four or more digits find the end of a phone number', async () => {
    expect(names(await roster({ activityId: e.id, search: '1234' }))).toEqual(['王小明', '赵磊'])
    expect(names(await roster({ activityId: e.id, search: '01234' }))).toEqual(['王小明', '赵磊'])
    expect(names(await roster({ activityId: e.id, search: '5678' }))).toEqual(['李红'])
    // Digits in the middle of a number are not its end.
    expect((await roster({ activityId: e.id, search: '0000' })).items).toEqual([])
  })

  test('counts per state cover every state of the search in one answer; the state filter narrows the list', async () => {
    const all = await roster({ activityId: e.id })
    expect(all.counts).toEqual({ confirmed: 3, waitlisted: 2 })
    const waiting = await roster({ activityId: e.id, state: 'waitlisted' })
    expect(names(waiting)).toEqual(['赵磊', '钱多多'])
    // The chips keep their counts while one of them is chosen.
    expect(waiting.counts).toEqual({ confirmed: 3, waitlisted: 2 })
    const search = await roster({ activityId: e.id, state: 'waitlisted', search: '1234' })
    expect(names(search)).toEqual(['赵磊'])
    expect(search.counts).toEqual({ confirmed: 1, waitlisted: 1 })
  })

  test('search pages with the cursor (青年朋友 is the default nickname); later pages carry no counts', async () => {
    const first = await roster({ activityId: e.id, search: '青年', limit: 2 })
    expect(first.items).toHaveLength(2)
    expect(first.counts).toEqual({ confirmed: 2, waitlisted: 2 })
    const second = await roster({ activityId: e.id, search: '青年', limit: 2, cursor: first.nextCursor })
    expect(second.counts).toBeNull()
    expect(second.nextCursor).toBeNull()
    expect([...names(first), ...names(second)]).toEqual(['王小明', '李红', '赵磊', '钱多多'])
  })

  test('attendance: 已签到 are people who scanned in or were marked present, once check-in opens', async () => {
    expect((await roster({ activityId: e.id })).checkinOpen).toBe(false)
    const regs = (await roster({ activityId: e.id, state: 'confirmed' })).items
    const [first, second] = regs
    await w.db.query(
      `insert into checkin_scan (activity_id, registration_id, user_id, direction, method, scanned_at, nonce)
       values ($1, $2, $3, 'in', 'site_code', $4, $5)`,
      [e.id, first.id, first.person.userId, new Date(Date.parse(e.startAt) - 10 * 60_000), `n-${first.id}`],
    )
    const started = createFunction<SignupActions>('signup', actions, {
      clock: () => new Date(Date.parse(e.startAt) + HOUR),
    })
    expectOk(await call(started, 'attendance', { registrationId: second.id, outcome: 'attended' }, PEOPLE.orgA))
    const opened = await roster({ activityId: e.id }, started)
    expect(opened.checkinOpen).toBe(true)
    expect(names(await roster({ activityId: e.id, attendance: 'checkedIn' }, started))).toEqual([
      first.person.realName,
      second.person.realName,
    ])
    const absent = await roster({ activityId: e.id, attendance: 'notCheckedIn' }, started)
    expect(absent.items.map((x) => x.id)).not.toContain(first.id)
    expect(absent.counts).toEqual({ confirmed: 1, waitlisted: 2 })
  })

  test('a bad attendance value or a search too long is refused in Chinese', async () => {
    expect(await call(signup, 'roster', { activityId: e.id, attendance: 'maybe' }, PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { attendance: expect.any(String) },
    })
    const long = await call(signup, 'roster', { activityId: e.id, search: '王'.repeat(21) }, PEOPLE.orgA)
    expect(long).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('搜索内容') })
  })
})

async function outbox(
  activityId: string,
): Promise<{ recipient: string; template: string; data: Record<string, { value: string }> }[]> {
  const { rows } = await w.db.query<{
    recipient: string
    template: string
    payload: { page: string; data: Record<string, { value: string }> }
  }>("select recipient, template, payload from local_outbox where payload->>'page' = $1 order by recipient", [
    `pages/activity/index?id=${activityId}`,
  ])
  return rows.map((r) => ({ recipient: r.recipient, template: r.template, data: r.payload.data }))
}

const subscribe = (activityId: string, who: string) =>
  call<{ subscribed: boolean }>(signup, 'subscribeNotices', { activityId }, who)
const send = (activityId: string, text: string, who: string = PEOPLE.orgA, kind = 'time', fn = signup) =>
  call<ActivityNotice>(fn, 'sendNotice', { activityId, kind, text }, who)

describe('notices to everyone confirmed', () => {
  test('only confirmed people who subscribed get the message; the rest are counted as unreachable; the notice is recorded', async () => {
    const e = await eventWith(3)
    for (const i of [1, 2, 3, 4]) await join(e.id, person(`n${i}`))
    // n1 and n2 subscribed; n4 waits in line and subscribed too, but is not confirmed.
    for (const i of [1, 2, 4]) expect(expectOk(await subscribe(e.id, person(`n${i}`)))).toEqual({ subscribed: true })
    // Someone with no registration keeps no subscription.
    expect(expectOk(await subscribe(e.id, person('stranger')))).toEqual({ subscribed: false })
    const before = await outbox(e.id)
    const sent = expectOk(await send(e.id, '改到下午两点开始'))
    expect(sent).toMatchObject({ kind: 'time', text: '改到下午两点开始', recipients: 3, unreachable: 1 })
    expect(sent.sentBy.userId).toBe(w.userIds.orgA)
    const messages = (await outbox(e.id)).filter((m) => m.template === 'activity_notice')
    expect(before.filter((m) => m.template === 'activity_notice')).toEqual([])
    expect(messages.map((m) => m.recipient)).toEqual([person('n1'), person('n2')])
    expect(messages[0].data).toEqual({
      thing1: { value: e.title.slice(0, 20) },
      phrase2: { value: '时间变更' },
      thing3: { value: '改到下午两点开始' },
    })
    // One acceptance, one message: the second notice reaches nobody until they subscribe again.
    const again = expectOk(await send(e.id, '集合点改到东门', PEOPLE.orgA, 'place'))
    expect(again).toMatchObject({ kind: 'place', recipients: 3, unreachable: 3 })
    const list = expectOk(await call<NoticeList>(signup, 'notices', { activityId: e.id }, PEOPLE.orgA))
    expect(list.items.map((x) => [x.kind, x.text, x.recipients, x.unreachable])).toEqual([
      ['place', '集合点改到东门', 3, 3],
      ['time', '改到下午两点开始', 3, 1],
    ])
    expect(list.leftToday).toBe(1)
    const stored = await w.db.query(
      'select district_id, sent_by, sent_at from activity_notice where activity_id = $1',
      [e.id],
    )
    expect(stored.rows).toHaveLength(2)
    expect(stored.rows[0]).toMatchObject({ district_id: w.districtId, sent_by: w.userIds.orgA })
  })

  test("only the event's organisers (and the district) may send or read notices", async () => {
    const e = await eventWith(3)
    await join(e.id, person('o1'))
    expect(await send(e.id, '改期通知', PEOPLE.orgB)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: '只有本活动的组织者可以发送通知',
    })
    expect(await send(e.id, '改期通知', person('o1'))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call(signup, 'notices', { activityId: e.id }, PEOPLE.youth)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await w.db.query('select 1 from activity_notice where activity_id = $1', [e.id])).toMatchObject({
      rowCount: 0,
    })
    expect(expectOk(await send(e.id, '改期通知', PEOPLE.admin))).toMatchObject({ recipients: 1 })
  })

  test('unsafe text is refused and takes nothing from the day', async () => {
    const e = await eventWith(3)
    expect(await send(e.id, '现场有博彩游戏')).toMatchObject({ ok: false, code: 'CONTENT_REJECTED' })
    expect(await send(e.id, '这条通知超过了二十个字的长度限制所以发不出去')).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('通知内容'),
    })
    expect(
      await call(signup, 'sendNotice', { activityId: e.id, kind: 'weather', text: '下雨' }, PEOPLE.orgA),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('通知类型') })
    const list = expectOk(await call<NoticeList>(signup, 'notices', { activityId: e.id }, PEOPLE.orgA))
    expect(list).toEqual({ items: [], leftToday: 3 })
  })

  test('at most 3 a day per event, held under 8 concurrent calls; the next Shanghai day allows 3 more', async () => {
    const e = await eventWith(3)
    await join(e.id, person('c1'))
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => send(e.id, `第 ${i + 1} 次通知`)))
    expect(results.filter((r) => r.ok)).toHaveLength(3)
    for (const r of results.filter((x) => !x.ok))
      expect(r).toEqual({ ok: false, code: 'RATE_LIMITED', message: '每个活动每天最多发送 3 条通知，请明天再发' })
    expect(await w.db.query('select 1 from activity_notice where activity_id = $1', [e.id])).toMatchObject({
      rowCount: 3,
    })
    const tomorrow = createFunction<SignupActions>('signup', actions, { clock: () => new Date(Date.now() + 24 * HOUR) })
    expect(expectOk(await send(e.id, '明天的通知', PEOPLE.orgA, 'other', tomorrow))).toMatchObject({ kind: 'other' })
  })

  test('an ended or cancelled event takes no notices', async () => {
    const e = await eventWith(3)
    const ended = createFunction<SignupActions>('signup', actions, {
      clock: () => new Date(Date.parse(e.endAt) + HOUR),
    })
    expect(await send(e.id, '感谢参加', PEOPLE.orgA, 'other', ended)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '活动已结束或已取消，不能再发送通知',
    })
    expect(expectOk(await call<NoticeList>(ended, 'notices', { activityId: e.id }, PEOPLE.orgA)).leftToday).toBe(0)
  })
})
