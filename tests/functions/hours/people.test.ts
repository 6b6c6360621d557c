/**
 * What people see of their hours (server/app/hours/people.ts) through the real `hours` function:
 * my hours (only approved entries count), a certificate (志愿服务证明) of my approved hours in a
 * period, and `verify`, which anyone may call without signing in.
 */
import { shanghaiYearMonth } from '../../../server/domain/shanghai-time'
import type { Certificate, MyHours, VerifyResult } from '@api/hours'
import { main as hours } from '../../../cloudfunctions/hours/src'
import { call, expectOk } from '../../support/call'
import { useWorld } from '../../support/world'
import {
  END,
  HOUR,
  asOrganiser,
  closedAndConfirmed,
  entryOf,
  eventWithScans,
  mineAt,
  person,
  refusal,
  threeVolunteers,
  type EventWithScans,
} from './support'

jest.setTimeout(60_000)

const w = useWorld()

describe('my hours, once the event’s hours are confirmed', () => {
  let ev: EventWithScans
  let full: MyHours
  let open: MyHours
  beforeAll(async () => {
    ev = await eventWithScans(w, threeVolunteers('my'))
    await closedAndConfirmed(ev)
    full = await mineAt(ev, 'my:full')
    open = await mineAt(ev, 'my:open')
  })

  test('count my approved hours', () => {
    expect(full.totalHours).toBe(1.5)
  })

  test('sum them by the year of the Shanghai day', () => {
    expect(full.byYear).toEqual([{ year: shanghaiYearMonth(new Date(ev.s0)).year, hours: 1.5 }])
  })

  test('list each event with its unit, approved and pending hours', () => {
    expect(full.events).toEqual([
      expect.objectContaining({ activityId: ev.e.id, hours: 1.5, pendingHours: 0, unitName: '甲单位团委' }),
    ])
  })

  test('show a day still waiting for review as pending, counting nothing', () => {
    expect(open).toMatchObject({ totalHours: 0, events: [{ hours: 0, days: [{ status: 'pending' }] }] })
  })
})

describe('a certificate of my approved hours', () => {
  let year: string
  let cert: Certificate
  let again: Certificate
  const wholeYear = () => ({ from: `${year}-01-01`, to: `${year}-12-31` })
  let ev: EventWithScans
  beforeAll(async () => {
    ev = await eventWithScans(w, { 'cert:one': [0, 2 * HOUR] })
    await closedAndConfirmed(ev)
    year = ev.day.slice(0, 4)
    cert = expectOk(await call<Certificate>(ev.hoursAt(END), 'certificate', wholeYear(), 'cert:one'))
    again = expectOk(await call<Certificate>(ev.hoursAt(END + HOUR), 'certificate', wholeYear(), 'cert:one'))
  })

  test('needs a real name in my profile', async () => {
    await person(w, 'cert:anon')
    expect(await call(ev.hoursAt(END), 'certificate', wholeYear(), 'cert:anon')).toMatchObject(
      refusal('PROFILE_INCOMPLETE', '证明需要写明真实姓名，请先在个人资料中填写'),
    )
  })

  test('is refused for a period that ends before it starts', async () => {
    expect(
      await call(ev.hoursAt(END), 'certificate', { from: `${year}-12-31`, to: `${year}-01-01` }, 'cert:one'),
    ).toMatchObject({ ...refusal('INVALID_INPUT'), fields: { to: expect.any(String) } })
  })

  test('is refused for a period without approved hours', async () => {
    expect(
      await call(ev.hoursAt(END), 'certificate', { from: '2001-01-01', to: '2001-12-31' }, 'cert:one'),
    ).toMatchObject(refusal('NOT_FOUND', '所选时段内没有已确认的志愿服务时长'))
  })

  test('states my real name, the approved hours and each event', () => {
    expect(cert).toMatchObject({
      holderName: '志愿者ne',
      totalHours: 2,
      activities: [{ title: ev.e.title, unitName: '甲单位团委', days: 1, hours: 2 }],
    })
  })

  test('has a code of QJ, 4 and 6 characters of Crockford’s base 32', () => {
    expect(cert.code).toMatch(/^QJ[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{6}$/)
  })

  test('carries the verify page’s mini-program code as a PNG', () => {
    expect(cert.verifyImage.startsWith('data:image/png;base64,')).toBe(true)
  })

  test('says the official systems are authoritative', () => {
    expect(cert.disclaimer).toContain('官方系统认证为准')
  })

  test('issued again for the same period, nothing changed, is the same certificate', () => {
    expect([again.code, again.issuedAt]).toEqual([cert.code, cert.issuedAt])
  })

  describe('verified', () => {
    test('by anyone, without signing in, typed in lower case without the dash', async () => {
      const typed = cert.code.toLowerCase().replace('-', '')
      expect(expectOk(await call<VerifyResult>(hours, 'verify', { code: typed }))).toMatchObject({
        genuine: true,
        code: cert.code,
        holderName: '志***e',
        totalHours: 2,
        from: `${year}-01-01`,
      })
    })

    test('with one character changed, is not genuine', async () => {
      const last = cert.code.at(-1) === '0' ? '1' : '0'
      expect(expectOk(await call<VerifyResult>(hours, 'verify', { code: cert.code.slice(0, -1) + last }))).toEqual({
        genuine: false,
      })
    })

    test('with text that is no code, is refused', async () => {
      expect(await call(hours, 'verify', { code: 'not a code' })).toMatchObject({
        ...refusal('INVALID_INPUT', '请填写证书上的 12 位证书编号'),
        fields: { code: '请填写证书上的 12 位证书编号' },
      })
    })
  })
})

describe('a certificate issued before a correction of its hours', () => {
  let cert: Certificate
  let verified: VerifyResult
  let corrected: Certificate
  beforeAll(async () => {
    const ev = await eventWithScans(w, { 'cert:fix': [0, 2 * HOUR] })
    await closedAndConfirmed(ev)
    const year = ev.day.slice(0, 4)
    const period = { from: `${year}-01-01`, to: `${year}-12-31` }
    cert = expectOk(await call<Certificate>(ev.hoursAt(END), 'certificate', period, 'cert:fix'))
    const entry = await entryOf(ev, 'cert:fix')
    await asOrganiser(ev.hoursAt(END), 'adjust', { entryId: entry.id, hours: 1, reason: '更正' })
    verified = expectOk(await call<VerifyResult>(hours, 'verify', { code: cert.code }))
    corrected = expectOk(await call<Certificate>(ev.hoursAt(END), 'certificate', period, 'cert:fix'))
  })

  test('still certifies what it said when issued', () => {
    expect(verified).toMatchObject({ totalHours: 2 })
  })

  test('a new certificate for the same period states the corrected hours', () => {
    expect(corrected.totalHours).toBe(1)
  })

  test('the new certificate has a new code', () => {
    expect(corrected.code).not.toBe(cert.code)
  })
})
