/** Every failure the rating use cases answer with; the rating function's table words each one. */
import type { CommonFailure } from '../../domain/failure'
import type { RateFailure } from '../../domain/rating/rules'

export type RatingFailure =
  | CommonFailure
  | RateFailure
  /** An event's ratings: the organisers of its unit and the district admin. */
  | { kind: 'notRatingViewer' }
  /** The district view: the district admin, or the organisers of a unit (their own). */
  | { kind: 'notDistrictViewer' }
