/** Every failure the activity use cases answer with; the activity function's table words each one. */
import type { CommonFailure } from '../../domain/failure'
import type { EventRuleFailure } from '../../domain/event-rules'
import type { EventLineFailure } from '../../domain/plan'
import type { SignupFailure } from '../../domain/signup/failures'

export type ActivityFailure =
  | CommonFailure
  | EventRuleFailure
  | EventLineFailure
  /** A capacity edit of an event with balanced quotas (its quotas are set in the sign-up settings). */
  | Extract<SignupFailure, { kind: 'capacitySetByQuotas' }>
  /** The caller is not an organiser of the event's unit (nor its district admin). */
  | { kind: 'notOrganiser'; to: 'manage' | 'post' | 'view' }
  | { kind: 'unitNotAdmitted' }
  | { kind: 'unknownCategory' }
  | { kind: 'badCursor' }
