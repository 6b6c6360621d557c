/** Every failure the honour use cases answer with; the honour function's table words each one. */
import type { CommonFailure } from '../../domain/failure'
import type { HonourRuleFailure } from '../../domain/honour'

export type HonourFailure =
  | CommonFailure
  | HonourRuleFailure
  | { kind: 'missing'; what: 'kind' | 'nomination' | 'unit' | 'person' }
  /** Defining kinds and deciding: the district admin. */
  | { kind: 'notDistrictAdmin' }
  /** Nominating and listing a unit's nominations: the unit's organisers (or the district admin). */
  | { kind: 'notUnitOrganiser' }
  /** The person neither attended the unit's events that year nor is its member. */
  | { kind: 'notCandidate' }
  | { kind: 'alreadyNominated' }
  | { kind: 'duplicateKind' }
