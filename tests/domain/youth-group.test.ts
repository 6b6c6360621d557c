/** The pure rules of registered youth groups: the leader's identity, the quota, the review, booking as a group. */
import {
  checkDecision,
  checkGroupBooking,
  checkGroupQuota,
  checkLeader,
  checkSuspend,
} from '../../server/domain/youth-group'

const verified = new Date('2026-11-01T00:00:00Z')

describe('checkLeader', () => {
  test('a verified mainland mobile and a real name', () => {
    expect(checkLeader({ phone: '13912345678', phoneVerifiedAt: verified, realName: '王芳' })).toBeNull()
  })
  test.each([
    [{ phone: null, phoneVerifiedAt: null, realName: '王芳' }, ['phone']],
    [{ phone: '13912345678', phoneVerifiedAt: null, realName: '王芳' }, ['phone']],
    [{ phone: '051188886666', phoneVerifiedAt: verified, realName: '王芳' }, ['phone']],
    [{ phone: '13912345678', phoneVerifiedAt: verified, realName: '  ' }, ['realName']],
    [{ phone: null, phoneVerifiedAt: null, realName: null }, ['phone', 'realName']],
  ])('%j misses %j', (facts, missing) => {
    expect(checkLeader(facts)).toEqual({ kind: 'leaderIdentityMissing', missing })
  })
})

test('a person leads at most 3 groups', () => {
  expect(checkGroupQuota(2)).toBeNull()
  expect(checkGroupQuota(3)).toEqual({ kind: 'tooManyGroups', max: 3 })
})

test('review: only pending is decided; declining needs a reason; only approved is suspended', () => {
  expect(checkDecision('pending', 'approve', null)).toBeNull()
  expect(checkDecision('pending', 'decline', '材料不全')).toBeNull()
  expect(checkDecision('pending', 'decline', null)).toEqual({ kind: 'declineGroupWithoutReason' })
  for (const state of ['approved', 'declined', 'suspended'] as const) {
    expect(checkDecision(state, 'approve', null)).toEqual({ kind: 'groupNotPending' })
  }
  expect(checkSuspend('approved')).toBeNull()
  for (const state of ['pending', 'declined', 'suspended'] as const) {
    expect(checkSuspend(state)).toEqual({ kind: 'groupNotApproved' })
  }
})

describe('checkGroupBooking', () => {
  const ok = {
    group: { leaderId: 'u1', state: 'approved' as const },
    callerId: 'u1',
    bookers: 'units_and_groups' as const,
    activityId: null,
  }
  test('the leader of an approved group, on a facility open to groups, without an event', () => {
    expect(checkGroupBooking(ok)).toBeNull()
  })
  test('refusals, in order: not the leader, not approved, units only, an event', () => {
    expect(checkGroupBooking({ ...ok, callerId: 'u2' })).toEqual({ kind: 'notGroupLeader' })
    expect(checkGroupBooking({ ...ok, group: { leaderId: 'u1', state: 'pending' } })).toEqual({
      kind: 'groupCannotBook',
      state: 'pending',
    })
    expect(checkGroupBooking({ ...ok, group: { leaderId: 'u1', state: 'suspended' } })).toEqual({
      kind: 'groupCannotBook',
      state: 'suspended',
    })
    expect(checkGroupBooking({ ...ok, bookers: 'units' })).toEqual({ kind: 'facilityUnitsOnly' })
    expect(checkGroupBooking({ ...ok, activityId: 'a1' })).toEqual({ kind: 'groupBookingWithEvent' })
  })
})
