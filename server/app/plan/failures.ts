/** Every failure the plan use cases answer with; the plan function's table words each one. */
import type { CommonFailure } from '../../domain/failure'
import type { SheetProblem } from '../../xlsx/plan-sheet'

export type PlanFailure =
  | CommonFailure
  /** Only the district admin edits the annual list and sees its completion. */
  | { kind: 'notPlanEditor'; to: 'edit' | 'viewCompletion' }
  | { kind: 'lineUnitInvalid' }
  | { kind: 'unknownCategory' }
  | { kind: 'lineUnitLocked' }
  | { kind: 'lineHasEvents' }
  | { kind: 'planEmpty' }
  | { kind: 'badSheet'; problem: SheetProblem }
