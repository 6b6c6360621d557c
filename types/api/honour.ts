/**
 * API contract of the `honour` cloud function: honours (荣誉). The district admin defines a year's
 * honour kinds; a unit's organisers nominate people with a reason and a snapshot of their record;
 * the district approves or declines; approved honours form the public honour roll.
 */
import * as z from 'zod'
import { YEAR, instant, text } from './common'

export const HONOUR_NAME_MAX = 30
export const HONOUR_REASON_MAX = 300
export const HONOUR_DECLINE_MAX = 100
export const HONOUR_STATES = ['pending', 'approved', 'declined'] as const
export type HonourState = (typeof HONOUR_STATES)[number]
export const HONOUR_STATE_NAMES: Record<HonourState, string> = {
  pending: '待评审',
  approved: '已授予',
  declined: '未通过',
}

export const honourDefineRequest = z.strictObject({
  year: YEAR,
  name: text(2, HONOUR_NAME_MAX).meta({ label: '荣誉名称' }),
  /** Nominations a unit may make (declined ones do not count); null: no limit. */
  quotaPerUnit: z.number().int().min(1).max(1000).nullable().default(null),
  opensAt: instant(),
  closesAt: instant(),
})
export type HonourDefineRequest = z.input<typeof honourDefineRequest>

export const honourKindsRequest = z.strictObject({ year: YEAR })
export type HonourKindsRequest = z.input<typeof honourKindsRequest>

export const honourCandidatesRequest = z.strictObject({ kindId: z.uuid(), unitId: z.uuid() })
export type HonourCandidatesRequest = z.input<typeof honourCandidatesRequest>

export const honourNominateRequest = z.strictObject({
  kindId: z.uuid(),
  unitId: z.uuid(),
  userId: z.uuid(),
  reason: text(2, HONOUR_REASON_MAX),
})
export type HonourNominateRequest = z.input<typeof honourNominateRequest>

/** The district's review list (every unit), or one unit's nominations (its organisers). */
export const honourNominationsRequest = z.strictObject({
  year: YEAR,
  kindId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  state: z.enum(HONOUR_STATES).optional(),
})
export type HonourNominationsRequest = z.input<typeof honourNominationsRequest>

export const honourDecideRequest = z.strictObject({
  nominationId: z.uuid(),
  approve: z.boolean(),
  /** Required when declining. */
  reason: text(0, HONOUR_DECLINE_MAX).default(''),
})
export type HonourDecideRequest = z.input<typeof honourDecideRequest>

export const honourMineRequest = z.strictObject({}).optional()

export const honourRollRequest = z.strictObject({ year: YEAR })
export type HonourRollRequest = z.input<typeof honourRollRequest>

export interface HonourKind {
  id: string
  year: number
  name: string
  quotaPerUnit: number | null
  opensAt: string
  closesAt: string
  /** Nominations open now. */
  open: boolean
}

/** The person's record when nominated: kept as it was, whatever changes later. */
export interface HonourRecord {
  year: number
  approvedHours: number
  activitiesAttended: number
  certificates: { code: string; totalHours: number; issuedAt: string }[]
}

export interface HonourCandidate {
  userId: string
  /** Real name where known, else the nickname. */
  name: string
  /** Events of the unit attended in the kind's year. */
  attended: number
  member: boolean
  /** Already nominated for this kind (by any unit). */
  nominated: boolean
}

export interface HonourCandidates {
  kind: HonourKind
  /** This unit's nominations that count against the quota. */
  used: number
  items: HonourCandidate[]
}

export interface HonourNomination {
  id: string
  kindId: string
  kindName: string
  year: number
  unitId: string
  unitName: string
  userId: string
  name: string
  reason: string
  record: HonourRecord
  state: HonourState
  declineReason: string | null
  createdAt: string
  decidedAt: string | null
}

/** One line of the public honour roll: a masked name and the unit, nothing else about the person. */
export interface HonourRollEntry {
  kindName: string
  name: string
  unitName: string
}

export interface HonourRoll {
  year: number
  kinds: { name: string; items: HonourRollEntry[] }[]
}

export interface MyHonour {
  id: string
  year: number
  kindName: string
  unitName: string
  decidedAt: string
}

export interface HonourActions {
  define: { request: HonourDefineRequest; response: HonourKind }
  kinds: { request: HonourKindsRequest; response: { items: HonourKind[] } }
  candidates: { request: HonourCandidatesRequest; response: HonourCandidates }
  nominate: { request: HonourNominateRequest; response: HonourNomination }
  nominations: { request: HonourNominationsRequest; response: { items: HonourNomination[] } }
  decide: { request: HonourDecideRequest; response: HonourNomination }
  roll: { request: HonourRollRequest; response: HonourRoll }
  mine: { request: Record<string, never> | undefined; response: { items: MyHonour[] } }
}
