/**
 * Tiered identity: what a person must have on record before signing up for an event. Browsing needs
 * nothing; every sign-up needs a reachable phone (a mainland mobile, bound from WeChat's phone
 * button); some events need a real name (mixers and volunteer-hour events by default); mixers need a
 * birth date and an adult; under-14s need a guardian's consent before any sign-up. Pure: the
 * sign-up path reads the facts, this says what is missing or why not.
 */
import type { SignupSettings } from '@api/signup'
import { earnsServiceHours, type Event } from '../event'
import { shanghaiDay } from '../shanghai-time'
import type { IdentityItem, SignupFailure } from './failures'
import { ageOn } from './rules'

/** The category of mixers: adults only, with a birth date and a real name. */
export const MIXER_CATEGORY = 'social_mixer'
/** The youngest age at which a person joins a mixer. */
export const MIXER_MIN_AGE = 18
/** Below this age a guardian's consent must be on record before any sign-up. */
export const GUARDIAN_CONSENT_BELOW_AGE = 14

/** A mainland mobile number as stored (11 digits, 13x–19x); anything else cannot be reached. */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/

/** What an event asks of the people who sign up for it. */
export interface IdentityNeeds {
  realName: boolean
  /** A mixer: a birth date, and 18 or older on the start day. */
  mixer: boolean
}

export type IdentityEvent = Pick<Event, 'category' | 'recordsServiceHours' | 'awardsServiceHours'>

export function identityNeeds(event: IdentityEvent, settings: Pick<SignupSettings, 'realNameRequired'>): IdentityNeeds {
  const mixer = event.category === MIXER_CATEGORY
  return { realName: settings.realNameRequired ?? (mixer || earnsServiceHours(event)), mixer }
}

/** The facts of a person's record the identity rule reads. */
export interface IdentityFacts {
  phone: string | null
  realName: string | null
  birthDate: string | null
  guardianConsent: boolean
}

export function isReachablePhone(phone: string | null): boolean {
  return phone !== null && MAINLAND_MOBILE.test(phone)
}

/** Why the person may not sign up for an event starting at `startAt` (their age is taken on its Shanghai day), or null. */
export function checkIdentity(p: IdentityFacts, needs: IdentityNeeds, startAt: Date): SignupFailure | null {
  const age = p.birthDate ? ageOn(p.birthDate, startAt) : null
  if (needs.mixer && age !== null && age < MIXER_MIN_AGE) return { kind: 'minorAtMixer', minAge: MIXER_MIN_AGE }
  const missing: IdentityItem[] = []
  if (!isReachablePhone(p.phone)) missing.push('phone')
  if (needs.realName && !p.realName?.trim()) missing.push('realName')
  if (needs.mixer && !p.birthDate) missing.push('birthDate')
  if (missing.length) return { kind: 'identityMissing', missing }
  if (age !== null && age < GUARDIAN_CONSENT_BELOW_AGE && !p.guardianConsent) return { kind: 'guardianConsentRequired' }
  return null
}

/**
 * The latest birth date (YYYY-MM-DD) of a person who is at least `age` on the Shanghai day of `on`:
 * `ageOn(b, on) >= age` exactly when `b <= bornBy(age, on)` (compared as text). The day may not
 * exist (a 29 February): compare it as text, never as a date.
 */
export function bornBy(age: number, on: Date): string {
  const day = shanghaiDay(on)
  return `${String(Number(day.slice(0, 4)) - age).padStart(4, '0')}${day.slice(4)}`
}

/**
 * What the one-statement sign-up checks in the database, at least as strict as `checkIdentity`:
 * a reachable phone, a real name when needed, for a mixer a birth date of an adult, and a person who
 * could be under 14 (conservatively: under 15) only with a guardian's consent. Anyone else goes to
 * the full path, which reads the record and answers with `checkIdentity`.
 */
export interface IdentityGuard {
  realName: boolean
  /** Mixers: the birth date must be on or before this day; null for other events. */
  adultBornBy: string | null
  /** Born after this day: only with a guardian's consent on record. */
  childBornAfter: string
}

export function identityGuard(needs: IdentityNeeds, startAt: Date): IdentityGuard {
  return {
    realName: needs.realName,
    adultBornBy: needs.mixer ? bornBy(MIXER_MIN_AGE, startAt) : null,
    childBornAfter: bornBy(GUARDIAN_CONSENT_BELOW_AGE + 1, startAt),
  }
}

/** Why a phone from the phone button cannot be bound. */
export type PhoneFailure = { kind: 'phoneCodeRefused' } | { kind: 'phoneNotMainland' }

/** Checks the number the platform read from a phone-button code (null: the code was refused). */
export function checkBoundPhone(phone: string | null): PhoneFailure | null {
  if (phone === null) return { kind: 'phoneCodeRefused' }
  return MAINLAND_MOBILE.test(phone) ? null : { kind: 'phoneNotMainland' }
}
