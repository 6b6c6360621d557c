/**
 * An event's ratings for its unit's organisers and the district admin: anonymous by shape. Below
 * the threshold only the count and attendance; at or above it the average, distribution, tag counts
 * and comments (text only, ordered by a hash of the text), never who rated or when.
 */
import type { EventRatingSummary, RatingTag } from '@api/rating'
import { RATING_ANONYMITY_MIN } from '@contract/rating'
import { homeDistrictId } from '../../config'
import { can } from '../../domain/policy'
import { aggregateOf, showsDetail, tagCountsOf } from '../../domain/rating/rules'
import { eventComments, eventRatingHeader, eventTagCounts } from '../../store/ratings'
import { requireActor } from '../actor'
import type { SignedInContext } from '../context'
import { allow, found } from '../refusal'
import type { RatingFailure } from './failures'

export async function eventSummary(ctx: SignedInContext, activityId: string): Promise<EventRatingSummary> {
  const districtId = homeDistrictId()
  const [actor, header] = await Promise.all([requireActor(ctx), eventRatingHeader(ctx.db, districtId, activityId)])
  const event = found(header, 'activity')
  allow<RatingFailure>(can.manageEvents(actor, { id: event.unitId, districtId }), { kind: 'notRatingViewer' })
  const detail = showsDetail(event.ratings)
  const [tags, comments] = detail
    ? await Promise.all([eventTagCounts(ctx.db, districtId, event.id), eventComments(ctx.db, districtId, event.id)])
    : [new Map<string, number>(), null]
  return {
    activityId: event.id,
    title: event.title,
    minimum: RATING_ANONYMITY_MIN,
    ...aggregateOf(event),
    tags: tagCountsOf(event.ratings, tags as Map<RatingTag, number>),
    comments,
  }
}
