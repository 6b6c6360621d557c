/**
 * A person rates an event they attended (one rating, editable within the window), and sees their
 * ratings and the events awaiting one. Lock order: the event's counters row, then the rating.
 */
import type * as z from 'zod'
import type { AwaitingRating, MyRating, MyRatings, RatingTag, rateRequest } from '@api/rating'
import { RATING_WINDOW_DAYS } from '@contract/rating'
import { homeDistrictId } from '../../config'
import { rateFailure, ratingDeadline } from '../../domain/rating/rules'
import {
  attendedUnrated,
  lockRatingTotal,
  ratingTarget,
  ratingsGivenBy,
  saveRating,
  type StoredRating,
} from '../../store/ratings'
import { inTransaction } from '../../store/tx'
import { requireActor } from '../actor'
import { ensureSafeText } from '../content'
import type { SignedInContext } from '../context'
import { check, found } from '../refusal'

type RateInput = z.output<typeof rateRequest>

const DAY_MS = 24 * 3600_000

function myRating(
  event: { activityId: string; title: string; unitName: string; endAt: Date },
  r: StoredRating,
  now: Date,
): MyRating {
  const until = ratingDeadline(event.endAt)
  return {
    activityId: event.activityId,
    title: event.title,
    unitName: event.unitName,
    endAt: event.endAt.toISOString(),
    stars: r.stars,
    tags: r.tags as RatingTag[],
    comment: r.comment,
    editableUntil: until.toISOString(),
    editable: now >= event.endAt && now < until,
  }
}

export async function rate(ctx: SignedInContext, input: RateInput): Promise<MyRating> {
  const actor = await requireActor(ctx)
  const districtId = homeDistrictId()
  const event = found(await ratingTarget(ctx.db, districtId, input.activityId, actor.userId), 'activity')
  check(rateFailure(event, event.attended, ctx.now))
  const comment = input.comment?.trim() ? input.comment.trim() : null
  await ensureSafeText(ctx, comment)
  const saved = await inTransaction(ctx.db, async (tx) => {
    await lockRatingTotal(tx, districtId, event.id)
    return saveRating(tx, {
      districtId,
      activityId: event.id,
      userId: actor.userId,
      at: ctx.now,
      stars: input.stars,
      tags: input.tags,
      comment,
    })
  })
  return myRating(
    { activityId: event.id, title: event.title, unitName: event.unitName, endAt: event.endAt },
    saved,
    ctx.now,
  )
}

export async function myRatings(ctx: SignedInContext): Promise<MyRatings> {
  const actor = await requireActor(ctx)
  const districtId = homeDistrictId()
  // An event ending up to 8 days ago may still be inside its window (it closes at a Shanghai midnight).
  const from = new Date(ctx.now.getTime() - (RATING_WINDOW_DAYS + 1) * DAY_MS)
  const [given, awaiting] = await Promise.all([
    ratingsGivenBy(ctx.db, districtId, actor.userId),
    attendedUnrated(ctx.db, districtId, actor.userId, from, ctx.now),
  ])
  return {
    awaiting: awaiting
      .map((e): AwaitingRating => ({
        activityId: e.activityId,
        title: e.title,
        unitName: e.unitName,
        endAt: e.endAt.toISOString(),
        rateUntil: ratingDeadline(e.endAt).toISOString(),
      }))
      .filter((e) => new Date(e.rateUntil) > ctx.now),
    ratings: given.map((g) => myRating(g, g, ctx.now)),
  }
}
