/** Every failure the growth record's use cases answer with; the record function's table words each one. */
import type { CommonFailure } from '../../domain/failure'

export type RecordFailure =
  | CommonFailure
  /** A person's record within a unit: that unit's organisers and the district admin. */
  | { kind: 'notRecordViewer' }
