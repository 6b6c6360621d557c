/** Every failure the wish use cases answer with; the wish function's table words each one. */
import type { CommonFailure } from '../../domain/failure'
import type { WishRuleFailure } from '../../domain/wish'

export type WishFailure =
  | CommonFailure
  | WishRuleFailure
  | { kind: 'missing'; what: 'wish' | 'planLine' | 'unit' }
  /** Claiming into a line, or listing lines: only the line's unit's organisers (or the district admin). */
  | { kind: 'notLineOrganiser' }
  /** Hiding a wish or setting the threshold: the district admin. */
  | { kind: 'notDistrictAdmin' }
  | { kind: 'unknownCategory' }
  | { kind: 'badCursor' }
