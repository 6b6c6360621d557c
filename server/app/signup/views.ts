/** How registrations, rosters, profiles and the sign-up summary are answered: the API's shapes. */
import type { Profile, Registration, RosterEntry, SignupSummary } from '@api/signup'
import { maskPhone } from '../../domain/privacy'
import { ageOn, attendanceRate, canSelfCancel } from '../../domain/signup/rules'
import {
  attendanceCounts,
  countWaitingAhead,
  lastDraw,
  loadPerson,
  quotaCounters,
  stateCounts,
  type CountedRegistration,
  type SignupEvent,
  type StoredRegistration,
} from '../../store/signups'
import type { Db } from '../../store/tx'

/** The place in line to answer with: counted now (undefined), known (a number), or too far back to count here (null). */
export function placeFromAhead(reg: Pick<CountedRegistration, 'state' | 'waitingAhead'>): number | null | undefined {
  if (reg.state !== 'waitlisted') return undefined
  return reg.waitingAhead === null ? null : reg.waitingAhead + 1
}

/** Registration as its owner sees it, with the place in line when waiting. */
export async function toRegistration(
  db: Db,
  r: StoredRegistration,
  event: SignupEvent,
  now: Date,
  knownPosition?: number | null,
): Promise<Registration> {
  let waitlistPosition: number | null = null
  if (r.state === 'waitlisted' && knownPosition !== undefined) waitlistPosition = knownPosition
  else if (r.state === 'waitlisted') waitlistPosition = (await countWaitingAhead(db, r)) + 1
  return {
    id: r.id,
    activityId: r.activityId,
    state: r.state,
    quotaKey: r.quotaKey,
    waitlistPosition,
    offerExpiresAt: r.offerExpiresAt ? r.offerExpiresAt.toISOString() : null,
    answers: r.answers,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    cancellable: canSelfCancel(r.state, event, event.settings, now),
  }
}

/** A roster line: the registration and the person behind it, masked unless `showPrivate`. */
export async function toRosterEntry(
  db: Db,
  r: StoredRegistration,
  event: SignupEvent,
  now: Date,
  showPrivate: boolean,
): Promise<RosterEntry> {
  const person = await loadPerson(db, r.userId)
  const counts = (await attendanceCounts(db, [r.userId], now)).get(r.userId) ?? { attended: 0, noShows: 0 }
  return {
    ...(await toRegistration(db, r, event, now)),
    person: {
      userId: person.id,
      nickname: person.nickname,
      realName: person.realName && !showPrivate ? `${person.realName.slice(0, 1)}**` : person.realName,
      phone: person.phone && !showPrivate ? maskPhone(person.phone) : person.phone,
      gender: person.gender,
      age: person.birthDate ? ageOn(person.birthDate, event.startAt) : null,
      attendanceRate: attendanceRate(counts.attended, counts.noShows),
    },
  }
}

export async function profileOf(db: Db, userId: string, now: Date): Promise<Profile> {
  const p = await loadPerson(db, userId)
  const c = (await attendanceCounts(db, [userId], now)).get(userId) ?? { attended: 0, noShows: 0 }
  return {
    realName: p.realName,
    phone: p.phone,
    phoneVerified: p.phoneVerifiedAt !== null,
    guardian:
      p.guardianName && p.guardianPhone && p.guardianConsentAt
        ? { name: p.guardianName, phone: p.guardianPhone, consentAt: p.guardianConsentAt.toISOString() }
        : null,
    birthDate: p.birthDate,
    gender: p.gender,
    leagueMember: p.leagueMember,
    idType: p.idType,
    attendanceRate: attendanceRate(c.attended, c.noShows),
    attended: c.attended,
    noShows: c.noShows,
  }
}

export async function summaryOf(db: Db, event: SignupEvent): Promise<SignupSummary> {
  const [quotas, counts, draw] = await Promise.all([
    quotaCounters(db, event.id),
    stateCounts(db, event.id),
    lastDraw(db, event.id),
  ])
  // Quotas in the order the question lists its options (男 before 女 as the organiser wrote them).
  const order = event.settings.quotas.map((q) => q.key)
  return {
    activityId: event.id,
    capacity: event.capacity,
    quotas: quotas.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key)),
    counts,
    settings: event.settings,
    lastDraw: draw,
  }
}
