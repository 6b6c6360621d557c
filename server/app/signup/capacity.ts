/**
 * Event-level changes the activity context makes that touch sign-ups: a new capacity (the single
 * quota follows it and the new seats go to the line) and the messages when an event is cancelled.
 */
import { loadSignupEvent, lockQuota, setQuotaCapacity } from '../../store/signups'
import type { Db } from '../../store/tx'
import { refuse } from '../refusal'
import type { SignupFailure } from '../../domain/signup/failures'
import type { Notice } from './notices'
import { promoteWaiting } from './promotion'

/**
 * An event's capacity changed (organiser edit): without balanced quotas the single quota follows it,
 * and the new seats go to whoever is waiting. The caller holds the event's row lock. An event with
 * balanced quotas is refused (`capacitySetByQuotas`: its quotas are changed in the sign-up settings).
 */
export async function resizeCapacity(db: Db, activityId: string, capacity: number, now: Date): Promise<Notice[]> {
  const event = (await loadSignupEvent(db, activityId))!
  if (event.settings.quotaQuestionId) refuse<SignupFailure>({ kind: 'capacitySetByQuotas' })
  await lockQuota(db, activityId, '')
  await setQuotaCapacity(db, activityId, '', capacity)
  return promoteWaiting(db, { ...event, capacity }, '', now)
}
