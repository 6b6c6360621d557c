/** Tiered identity as pure rules: what an event needs, what a person lacks, and the guard's cut-off days. */
import {
  bornBy,
  checkBoundPhone,
  checkIdentity,
  identityNeeds,
  type IdentityFacts,
} from '../../../server/domain/signup/identity'
import { ageOn } from '../../../server/domain/signup/rules'

const event = (category: string, recordsServiceHours = false, awardsServiceHours = false) => ({
  category,
  recordsServiceHours,
  awardsServiceHours,
})
const START = new Date('2026-12-05T02:00:00Z') // 10:00 in Shanghai
const full: IdentityFacts = { phone: '13905110042', realName: '王青', birthDate: '1996-01-01', guardianConsent: false }

test('real names are required by default for mixers and for events that earn hours; the organiser may decide', () => {
  expect(identityNeeds(event('reading_club'), { realNameRequired: null })).toEqual({ realName: false, mixer: false })
  expect(identityNeeds(event('social_mixer'), { realNameRequired: null })).toEqual({ realName: true, mixer: true })
  expect(identityNeeds(event('tree_planting', true, true), { realNameRequired: null }).realName).toBe(true)
  // Recording hours for a category that awards none earns nothing: no default.
  expect(identityNeeds(event('reading_club', true, false), { realNameRequired: null }).realName).toBe(false)
  expect(identityNeeds(event('tree_planting', true, true), { realNameRequired: false }).realName).toBe(false)
  expect(identityNeeds(event('reading_club'), { realNameRequired: true }).realName).toBe(true)
})

test('what is missing is named, all of it', () => {
  const mixer = { realName: true, mixer: true }
  expect(checkIdentity(full, mixer, START)).toBeNull()
  expect(checkIdentity({ phone: null, realName: ' ', birthDate: null, guardianConsent: false }, mixer, START)).toEqual({
    kind: 'identityMissing',
    missing: ['phone', 'realName', 'birthDate'],
  })
  expect(checkIdentity({ ...full, phone: '12345' }, { realName: false, mixer: false }, START)).toEqual({
    kind: 'identityMissing',
    missing: ['phone'],
  })
})

test('minors: none at mixers; under 14 only with a guardian’s consent', () => {
  const plain = { realName: false, mixer: false }
  expect(checkIdentity({ ...full, birthDate: '2008-12-06' }, { realName: true, mixer: true }, START)).toEqual({
    kind: 'minorAtMixer',
    minAge: 18,
  })
  // A minor at a mixer is told so before being asked for a phone.
  expect(
    checkIdentity({ ...full, phone: null, birthDate: '2010-01-01' }, { realName: true, mixer: true }, START),
  ).toEqual({ kind: 'minorAtMixer', minAge: 18 })
  expect(checkIdentity({ ...full, birthDate: '2012-12-06' }, plain, START)).toEqual({ kind: 'guardianConsentRequired' })
  expect(checkIdentity({ ...full, birthDate: '2012-12-06', guardianConsent: true }, plain, START)).toBeNull()
  expect(checkIdentity({ ...full, birthDate: '2012-12-05' }, plain, START)).toBeNull()
})

test('bornBy is exactly the cut-off of ageOn, leap days included', () => {
  const days: string[] = []
  for (let t = Date.parse('1996-01-01'); t < Date.parse('2013-01-01'); t += 86_400_000 * 3) {
    days.push(new Date(t).toISOString().slice(0, 10))
  }
  days.push('2008-02-29', '2012-02-29', '2004-02-29')
  const ons = ['2026-02-28T16:30:00Z', '2026-02-28T15:59:00Z', '2028-02-28T16:00:00Z', '2026-12-05T02:00:00Z'].map(
    (s) => new Date(s),
  )
  for (const on of ons) {
    for (const age of [14, 15, 18]) {
      for (const b of days) expect([b, age, ageOn(b, on) >= age]).toEqual([b, age, b <= bornBy(age, on)])
    }
  }
  expect(bornBy(18, new Date('2028-02-28T16:00:00Z'))).toBe('2010-02-29') // 29 Feb 2028 in Shanghai
})

test('a bound phone must be a mainland mobile; a refused code binds nothing', () => {
  expect(checkBoundPhone('13905110042')).toBeNull()
  expect(checkBoundPhone(null)).toEqual({ kind: 'phoneCodeRefused' })
  expect(checkBoundPhone('+14155550100')).toEqual({ kind: 'phoneNotMainland' })
})
