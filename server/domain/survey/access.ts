/**
 * Who may do what with surveys, on top of the district's roles (server/domain/policy.ts):
 * - write and run a district survey: the district admin; a unit's survey: its organisers (and the district admin);
 * - see results, text answers and the export: the same people;
 * - answer: whoever is in the audience while it is open (district: everyone signed in in the district;
 *   unit: the unit's members and the people recorded as attending one of its events; event: the people
 *   recorded as attending that event). Membership of the audience is a fact the store looks up.
 */
import { isDistrictAdmin, roleIn, type Actor } from '../policy'
import type { SurveyAudience } from '@api/survey'

export interface SurveyRef {
  districtId: string
  ownerUnitId: string | null
}

export const surveyCan = {
  manage: (actor: Actor | null, survey: SurveyRef) =>
    isDistrictAdmin(actor, survey.districtId) || (!!survey.ownerUnitId && roleIn(actor, survey.ownerUnitId) !== null),
}

export type AudienceFailure =
  /** A unit's survey may ask only its own people (its unit, its events). */
  | { kind: 'audienceNotOwn' }
  /** The audience's unit or event is missing for its kind. */
  | { kind: 'audienceIncomplete' }
  /** Only district surveys inform the annual list. */
  | { kind: 'planOnlyForDistrict' }

/** Checks an audience against the survey's owner; `activityUnitId` is the event's unit (audience event). */
export function checkAudience(
  owner: SurveyRef,
  a: {
    audience: SurveyAudience
    audienceUnitId: string | null
    audienceActivityId: string | null
    planYear: number | null
  },
  activityUnitId: string | null,
): AudienceFailure | null {
  if (a.planYear !== null && owner.ownerUnitId !== null) return { kind: 'planOnlyForDistrict' }
  if (a.audience === 'unit') {
    if (!a.audienceUnitId) return { kind: 'audienceIncomplete' }
    if (owner.ownerUnitId && a.audienceUnitId !== owner.ownerUnitId) return { kind: 'audienceNotOwn' }
  }
  if (a.audience === 'event') {
    if (!a.audienceActivityId) return { kind: 'audienceIncomplete' }
    if (owner.ownerUnitId && activityUnitId !== owner.ownerUnitId) return { kind: 'audienceNotOwn' }
  }
  return null
}
