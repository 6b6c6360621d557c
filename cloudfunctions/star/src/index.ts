/** Cloud function `star`: stars (摘星) — the district's indicators, each person's progress, evidence review. */
import {
  starEvidencePhotosRequest,
  starEvidenceUploadsRequest,
  starPublishRequest,
  starRemoveIndicatorRequest,
  starReviewListRequest,
  starReviewRequest,
  starSaveIndicatorRequest,
  starSubmitEvidenceRequest,
  starYearRequest,
  type StarActions,
} from '@api/star'
import {
  evidencePhotos,
  evidenceUploads,
  reviewEvidence,
  reviewList,
  submitEvidence,
} from '../../../server/app/star/evidence'
import type { StarFailure } from '../../../server/app/star/failures'
import { publishYear, removeIndicator, saveIndicator, yearIndicators } from '../../../server/app/star/indicators'
import { myStars } from '../../../server/app/star/mine'
import { action, createFunction, withFailures } from '../../../server/runtime/function'
import { starFailures } from './failures'

export const actions = withFailures<StarActions, StarFailure>(
  {
    mine: action({ access: 'signed_in', input: starYearRequest, handle: (input, ctx) => myStars(ctx, input.year) }),
    indicators: action({
      access: 'signed_in',
      input: starYearRequest,
      handle: (input, ctx) => yearIndicators(ctx, input.year),
    }),
    saveIndicator: action({
      access: 'signed_in',
      input: starSaveIndicatorRequest,
      handle: (input, ctx) => saveIndicator(ctx, input),
    }),
    removeIndicator: action({
      access: 'signed_in',
      input: starRemoveIndicatorRequest,
      handle: (input, ctx) => removeIndicator(ctx, input.indicatorId),
    }),
    publish: action({
      access: 'signed_in',
      input: starPublishRequest,
      handle: (input, ctx) => publishYear(ctx, input.year, input.published),
    }),
    evidenceUploads: action({
      access: 'signed_in',
      input: starEvidenceUploadsRequest,
      handle: (input, ctx) => evidenceUploads(ctx, input),
    }),
    submitEvidence: action({
      access: 'signed_in',
      input: starSubmitEvidenceRequest,
      handle: (input, ctx) => submitEvidence(ctx, input),
    }),
    reviewList: action({
      access: 'signed_in',
      input: starReviewListRequest,
      handle: (input, ctx) => reviewList(ctx, input),
    }),
    review: action({
      access: 'signed_in',
      input: starReviewRequest,
      handle: (input, ctx) => reviewEvidence(ctx, input),
    }),
    evidencePhotos: action({
      access: 'signed_in',
      input: starEvidencePhotosRequest,
      handle: (input, ctx) => evidencePhotos(ctx, input.evidenceId),
    }),
  },
  starFailures,
)

export const main = createFunction<StarActions>('star', actions)
