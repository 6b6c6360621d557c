/** Every failure the unit-rating use cases answer with; the score function's table words each one. */
import type { CommonFailure } from '../../domain/failure'

export type ScoreFailure =
  | CommonFailure
  /** A unit's scorecard: its own people (organisers, admins) and the district admin. */
  | { kind: 'notScoreViewer' }
  /** The ranking, its export and the weights: the district admin. */
  | { kind: 'notDistrictAdmin' }
