/**
 * The public notice period (公示, server/app/hours/notice.ts and confirming with a notice set):
 * confirmed hours stay pending and are listed, names masked, until the notice ends; then the
 * timer's sweep approves them. The file's only notice is this event's, so the sweep's count is
 * exactly its entries.
 */
import type { AuditRecord, HoursNotice, HoursSettings } from '@api/hours'
import { call, callAsScheduler, expectOk } from '../../support/call'
import { PEOPLE, useWorld } from '../../support/world'
import {
  DAY,
  END,
  HOUR,
  asOrganiser,
  closed,
  entryOf,
  eventWithScans,
  historyOf,
  mineAt,
  refusal,
  type EventWithScans,
} from './support'

jest.setTimeout(60_000)

const w = useWorld()

describe('an event with a three-day notice', () => {
  let ev: EventWithScans
  let settings: HoursSettings
  let confirmed: unknown
  beforeAll(async () => {
    ev = await eventWithScans(w, { 'n:one': [0, 2 * HOUR] })
    settings = await asOrganiser<HoursSettings>(ev.hoursAt(END), 'settings', { activityId: ev.e.id, noticeDays: 3 })
    await closed(ev)
    confirmed = await asOrganiser(ev.hoursAt(END), 'confirm', { activityId: ev.e.id })
  })

  test('the settings answer the notice period with the other hour rules', () => {
    expect(settings).toEqual({
      minShare: 0.6,
      stepHours: 0.5,
      noticeDays: 3,
      checkinOpensMinutes: 60,
      checkinRadiusMeters: 500,
    })
  })

  test('a notice period over 30 days is refused', async () => {
    expect(await call(ev.hoursAt(END), 'settings', { activityId: ev.e.id, noticeDays: 31 }, PEOPLE.orgA)).toMatchObject(
      {
        ...refusal('INVALID_INPUT', '公示天数不能超过 30'),
        fields: { noticeDays: '公示天数不能超过 30' },
      },
    )
  })

  test('confirming puts the entries on notice instead of approving them', () => {
    expect(confirmed).toEqual({ approved: 0, onNotice: 1, leftForReview: 0 })
  })

  test('anyone signed in sees the notice: names masked, with the hours', async () => {
    const notice = expectOk(await call<HoursNotice>(ev.hoursAt(END), 'notice', { activityId: ev.e.id }, PEOPLE.youth))
    expect(notice.items).toEqual([expect.objectContaining({ name: '志***e', hours: 2 })])
  })

  test('during the notice my hours show them pending, not counted', async () => {
    expect(await mineAt(ev, 'n:one', END + 2 * DAY)).toMatchObject({ totalHours: 0, events: [{ pendingHours: 2 }] })
  })

  test('re-closing during the notice leaves the entries alone', async () => {
    expect(await asOrganiser(ev.hoursAt(END + HOUR), 'close', { activityId: ev.e.id })).toEqual({
      pending: 0,
      needsReview: 0,
    })
  })

  describe('when the notice has ended', () => {
    let swept: { approved: number }
    let history: AuditRecord[]
    beforeAll(async () => {
      swept = expectOk(await callAsScheduler<{ approved: number }>(ev.hoursAt(END + 3 * DAY), 'sweep'))
      history = await historyOf(ev, (await entryOf(ev, 'n:one')).id, END + 3 * DAY)
    })

    test('the sweep approves the entries', () => {
      expect(swept).toMatchObject({ approved: 1 })
    })

    test('my hours count them', async () => {
      expect((await mineAt(ev, 'n:one', END + 3 * DAY)).totalHours).toBe(2)
    })

    test('the history records closing, confirming and the approval', () => {
      expect(history.map((h) => h.action)).toEqual(['close', 'confirm', 'approve'])
    })
  })
})
