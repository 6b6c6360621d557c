/**
 * Closing an event's hours (server/app/hours/close.ts) through the real `hours` function: what the
 * scans earn per Shanghai day (preview), closing and re-closing into pending entries, no-shows,
 * the far-from-venue signal, and the timer's sweep that closes ended events.
 */
import type { EventHours, HoursPreview } from '@api/hours'
import { call, callAsScheduler, expectOk } from '../../support/call'
import { PEOPLE, publishedEvent, useWorld } from '../../support/world'
import {
  END,
  HOUR,
  MINUTE,
  asOrganiser,
  clocks,
  closed,
  closedAndConfirmed,
  closedWithFarScan,
  eventWithScans,
  mineAt,
  person,
  refusal,
  reviewOf,
  signedUp,
  threeVolunteers,
  type EventWithScans,
} from './support'

jest.setTimeout(60_000)

const w = useWorld()

const NOT_ORGANISER = refusal('FORBIDDEN', '只有本活动的组织者可以处理时长')

describe('preview: what each person’s scans earn, by the hour rules', () => {
  let ev: EventWithScans
  let byName: Record<string, HoursPreview['items'][number]>
  beforeAll(async () => {
    ev = await eventWithScans(w, threeVolunteers('pv'))
    const preview = await asOrganiser<HoursPreview>(ev.hoursAt(END), 'preview', { activityId: ev.e.id })
    byName = Object.fromEntries(preview.items.map((i) => [i.person.nickname, i]))
  })

  test('119 of 120 scheduled minutes round down to 1.5 h (arriving early earns nothing extra)', () => {
    expect(byName['pv:full'].totalHours).toBe(1.5)
  })

  test('74 of 120 minutes, above the 60 % share, round down to 1 h', () => {
    expect(byName['pv:late'].totalHours).toBe(1)
  })

  test('a day without a check-out earns 0 h and needs review', () => {
    expect(byName['pv:open']).toMatchObject({ totalHours: 0, days: [{ status: 'needs_review' }] })
  })

  test('an organiser of another unit may not preview the hours', async () => {
    expect(await call(ev.hoursAt(END), 'preview', { activityId: ev.e.id }, PEOPLE.orgB)).toMatchObject(NOT_ORGANISER)
  })

  test('a young person may not preview the hours', async () => {
    expect(await call(ev.hoursAt(END), 'preview', { activityId: ev.e.id }, PEOPLE.youth)).toMatchObject(NOT_ORGANISER)
  })
})

describe('closing', () => {
  let ev: EventWithScans
  let answer: { pending: number; needsReview: number }
  beforeAll(async () => {
    ev = await eventWithScans(w, threeVolunteers('cl'))
    answer = await closed(ev)
  })

  test('before the event has ended, closing is refused', async () => {
    expect(await call(ev.hoursAt(HOUR), 'close', { activityId: ev.e.id }, PEOPLE.orgA)).toMatchObject(
      refusal('CONFLICT', '活动结束后才能汇总时长'),
    )
  })

  test('after the end, closing writes a pending entry per person and day and counts those needing review', () => {
    expect(answer).toEqual({ pending: 3, needsReview: 1 })
  })

  test('closed entries are not counted in my hours until they are confirmed', async () => {
    expect((await mineAt(ev, 'cl:full')).totalHours).toBe(0)
  })
})

describe('re-closing', () => {
  describe('after confirmation, with a check-in moved earlier since', () => {
    let ev: EventWithScans
    let answer: { pending: number; needsReview: number }
    beforeAll(async () => {
      ev = await eventWithScans(w, threeVolunteers('rc'))
      await closedAndConfirmed(ev)
      await w.db.query(
        "update checkin_scan set scanned_at = scanned_at - interval '30 minutes' where registration_id = $1 and direction = 'in'",
        [ev.regs['rc:late']],
      )
      answer = await closed(ev)
    })

    test('rewrites only the entries still pending', () => {
      expect(answer).toEqual({ pending: 1, needsReview: 1 })
    })

    test('leaves an approved entry’s hours as they were', async () => {
      expect((await mineAt(ev, 'rc:late')).totalHours).toBe(1)
    })
  })

  test('leaves a hand-adjusted entry’s hours as they were', async () => {
    const ev = await eventWithScans(w, { 'rc:adjusted': [0, null] })
    await closed(ev)
    const entry = (await reviewOf(ev)).entries[0]
    await asOrganiser(ev.hoursAt(END), 'adjust', { entryId: entry.id, hours: 1.5, reason: '组长确认其在场至 11 点' })
    await closed(ev)
    expect((await w.db.query('select hours::float8 as h from service_hours where id = $1', [entry.id])).rows[0].h).toBe(
      1.5,
    )
  })
})

describe('no-shows', () => {
  test('where check-in was used, a seat nobody checked in for becomes a no-show and a scanned one attended', async () => {
    const ev = await eventWithScans(w, { 'ns:came': [0, 2 * HOUR - MINUTE] })
    await person(w, 'ns:absent', '缺席者')
    await signedUp('ns:absent', ev.e.id)
    await closed(ev)
    const states = await w.db.query<{ openid: string; state: string }>(
      'select u.openid, r.state from registration r join app_user u on u.id = r.user_id where r.activity_id = $1 order by u.openid',
      [ev.e.id],
    )
    expect(states.rows).toEqual([
      { openid: 'ns:absent', state: 'no_show' },
      { openid: 'ns:came', state: 'attended' },
    ])
  })

  test('where nobody used check-in, nothing is inferred', async () => {
    const quiet = await publishedEvent(w, { capacity: 5, category: 'tree_planting', recordsServiceHours: true })
    await person(w, 'ns:quiet', '安静者')
    await signedUp('ns:quiet', quiet.id)
    expectOk(await call(clocks(Date.parse(quiet.startAt)).hoursAt(END), 'close', { activityId: quiet.id }, PEOPLE.orgA))
    expect((await w.db.query('select state from registration where activity_id = $1', [quiet.id])).rows).toEqual([
      { state: 'confirmed' },
    ])
  })
})

describe('a scan far from the venue', () => {
  let answer: { pending: number; needsReview: number }
  let review: EventHours
  beforeAll(async () => {
    const ev = await closedWithFarScan(w, 'far:1')
    answer = ev.closeAnswer
    review = await reviewOf(ev)
  })

  test('sends that day to review', () => {
    expect(answer).toEqual({ pending: 1, needsReview: 1 })
  })

  test('keeps the day’s hours, flagged far from the venue', () => {
    expect(review.entries).toEqual([
      expect.objectContaining({ hours: 1.5, needsReview: true, flags: ['far_from_venue'] }),
    ])
  })
})

describe('the sweep', () => {
  let tooEarly: EventHours
  let swept: { closed: number }
  let afterSweep: EventHours
  let sweptAgain: { closed: number }
  beforeAll(async () => {
    const ev = await eventWithScans(w, { 'sw:open': [0, null], 'sw:done': [0, 2 * HOUR] })
    // Check-out closes an hour after the end (3 h after the start).
    await callAsScheduler(ev.hoursAt(2 * HOUR + 59 * MINUTE), 'sweep')
    tooEarly = await reviewOf(ev)
    swept = expectOk(await callAsScheduler<{ closed: number }>(ev.hoursAt(END + MINUTE), 'sweep'))
    afterSweep = await reviewOf(ev, END + MINUTE)
    sweptAgain = expectOk(await callAsScheduler<{ closed: number }>(ev.hoursAt(4 * HOUR), 'sweep'))
  })

  test('leaves an event open until check-out has closed', () => {
    expect(tooEarly.activity.hoursClosedAt).toBeNull()
  })

  test('answers how many events it closed once check-out has closed', () => {
    expect(swept.closed).toBeGreaterThanOrEqual(1)
  })

  test('marks the ended event’s hours closed', () => {
    expect(afterSweep.activity.hoursClosedAt).not.toBeNull()
  })

  test('counts a complete day and sends a missing check-out to review with no hours', () => {
    expect(afterSweep.entries.map((x) => [x.person.nickname, x.hours, x.needsReview]).sort()).toEqual([
      ['sw:done', 2, false],
      ['sw:open', 0, true],
    ])
  })

  test('leaves an event alone once its hours are closed', () => {
    expect(sweptAgain.closed).toBe(0)
  })
})
