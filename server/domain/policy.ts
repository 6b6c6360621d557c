/**
 * Who may do what — the one place role rules live. Pure functions over an `Actor` (the verified
 * caller's memberships, loaded once per request); services call `allow(can.x(...), failure)` with them.
 *
 * - district admin (团区委): reviews units, edits the annual list, sees and manages every unit of the district;
 * - unit admin: manages their unit's profile, members and events;
 * - organiser: manages their unit's events;
 * - everyone signed in: applies for a unit, joins by invite; anonymous visitors browse only.
 */

export type UnitRole = 'admin' | 'organiser'

export interface Actor {
  userId: string
  districtAdminOf: ReadonlySet<string>
  /** unitId → role */
  unitRoles: ReadonlyMap<string, UnitRole>
}

export interface UnitRef {
  id: string
  districtId: string
}

export const isDistrictAdmin = (actor: Actor | null, districtId: string): boolean =>
  !!actor && actor.districtAdminOf.has(districtId)

export const roleIn = (actor: Actor | null, unitId: string): UnitRole | null => actor?.unitRoles.get(unitId) ?? null

const isApplicant = (actor: Actor | null, unit: { applicantId: string | null }): boolean =>
  !!actor && unit.applicantId === actor.userId

export const can = {
  reviewUnits: (actor: Actor | null, districtId: string) => isDistrictAdmin(actor, districtId),
  editPlan: (actor: Actor | null, districtId: string) => isDistrictAdmin(actor, districtId),
  viewCompletion: (actor: Actor | null, districtId: string) => isDistrictAdmin(actor, districtId),
  /** The audit log of reads of whole phone numbers. */
  readAuditLog: (actor: Actor | null, districtId: string) => isDistrictAdmin(actor, districtId),
  /** Profile and members of a unit. */
  manageUnit: (actor: Actor | null, unit: UnitRef) =>
    roleIn(actor, unit.id) === 'admin' || isDistrictAdmin(actor, unit.districtId),
  /** Contact details, member list, drafts. */
  seeUnitInside: (actor: Actor | null, unit: UnitRef) =>
    roleIn(actor, unit.id) !== null || isDistrictAdmin(actor, unit.districtId),
  manageEvents: (actor: Actor | null, unit: UnitRef) =>
    roleIn(actor, unit.id) !== null || isDistrictAdmin(actor, unit.districtId),
  /** Pending and rejected applications are visible only to the district admin and the applicant. */
  seeUnit: (actor: Actor | null, unit: UnitRef & { status: string; applicantId: string | null }) =>
    unit.status === 'admitted' || isDistrictAdmin(actor, unit.districtId) || isApplicant(actor, unit),
  /** The whole contact phone: the unit's people, the district admin and the applicant; others see it masked. */
  seeUnitContact: (actor: Actor | null, unit: UnitRef & { applicantId: string | null }) =>
    roleIn(actor, unit.id) !== null || isDistrictAdmin(actor, unit.districtId) || isApplicant(actor, unit),
  /** A draft annual list is visible to the district admin and to organisers of the district's units. */
  seeDraftPlan: (actor: Actor | null, districtId: string, unitDistricts: Iterable<string>) =>
    isDistrictAdmin(actor, districtId) || [...unitDistricts].includes(districtId),
}
