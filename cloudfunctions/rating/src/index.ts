/** Cloud function `rating`: ratings after activities and the district's 青年评议. */
import { districtRequest, emptyRequest, eventSummaryRequest, rateRequest, type RatingActions } from '@api/rating'
import { districtRatings, exportDistrictRatings } from '../../../server/app/rating/district'
import type { RatingFailure } from '../../../server/app/rating/failures'
import { inviteRatings } from '../../../server/app/rating/invite'
import { myRatings, rate } from '../../../server/app/rating/rate'
import { eventSummary } from '../../../server/app/rating/summary'
import { action, createFunction, withFailures } from '../../../server/runtime/function'
import { ratingFailures } from './failures'

export const actions = withFailures<RatingActions, RatingFailure>(
  {
    rate: action({ access: 'signed_in', input: rateRequest, handle: (input, ctx) => rate(ctx, input) }),
    mine: action({ access: 'signed_in', input: emptyRequest, handle: (_input, ctx) => myRatings(ctx) }),
    eventSummary: action({
      access: 'signed_in',
      input: eventSummaryRequest,
      handle: (input, ctx) => eventSummary(ctx, input.activityId),
    }),
    district: action({
      access: 'signed_in',
      input: districtRequest,
      handle: (input, ctx) => districtRatings(ctx, input),
    }),
    export: action({
      access: 'signed_in',
      input: districtRequest,
      handle: (input, ctx) => exportDistrictRatings(ctx, input),
    }),
    sweep: action({ access: 'timer', input: emptyRequest, handle: (_input, ctx) => inviteRatings(ctx) }),
  },
  ratingFailures,
)

export const main = createFunction<RatingActions>('rating', actions)
