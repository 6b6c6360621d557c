/** Every failure the star use cases answer with; the star function's table words each one. */
import type { CommonFailure } from '../../domain/failure'
import type { StarRuleFailure } from '../../domain/stars'

export type StarFailure =
  | CommonFailure
  | StarRuleFailure
  | { kind: 'missing'; what: 'indicator' | 'evidence' | 'unit' }
  /** Defining indicators and publishing a year: the district admin. */
  | { kind: 'notDistrictAdmin' }
  /** Reviewing evidence: the unit's organisers (and the district admin). */
  | { kind: 'notUnitOrganiser' }
  /** Evidence photos: the person, the unit's organisers, the district admin. */
  | { kind: 'notEvidenceViewer' }
  | { kind: 'unknownCategory' }
  /** A photo that is not one of the person's uploads for that unit. */
  | { kind: 'evidenceNotUploaded' }
