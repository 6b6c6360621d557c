/**
 * Every way the sign-up context can refuse, as data. The signup function's failure table
 * (cloudfunctions/signup/src/failures.ts) turns each kind into an API code and its Chinese message.
 */
import type { CommonFailure } from '../failure'

/** What is wrong with one answer of the sign-up form (keyed by `answers.<question id>`). */
export type AnswerProblem = 'unknownQuestion' | 'required' | 'notText' | 'badOption' | 'notMultiple' | 'noQuotaChosen'

/** What is wrong with one part of the sign-up settings (keyed by the field's path). */
export type SettingsProblem =
  | 'duplicateQuestionIds'
  | 'tooFewOptions'
  | 'maxAgeBelowMinAge'
  | 'quotaQuestionUnfit'
  | 'quotasNotOptions'
  | 'quotaTotalNotCapacity'
  | 'quotaQuestionMissing'

/** What a sign-up may need on the person's record (tiered identity, ./identity.ts). */
export type IdentityItem = 'phone' | 'realName' | 'birthDate'

/** The organiser-only acts, each refused with its own message. */
export type OrganiserAct =
  'changeRegistration' | 'editSettings' | 'viewRoster' | 'draw' | 'pick' | 'exportRoster' | 'sendNotice'

export type SignupFailure =
  // The event and its window
  | { kind: 'signupNotOpen' }
  | { kind: 'signupClosed' }
  | { kind: 'eventCancelled' }
  | { kind: 'eventFinished' }
  // The person
  | { kind: 'leagueMembersOnly' }
  | { kind: 'birthDateMissing' }
  | { kind: 'tooYoung'; minAge: number; maxAge: number | null }
  | { kind: 'tooOld'; minAge: number | null; maxAge: number }
  | { kind: 'attendanceTooLow'; required: number; actual: number }
  | { kind: 'previouslyRejected' }
  | { kind: 'identityMissing'; missing: IdentityItem[] }
  | { kind: 'minorAtMixer'; minAge: number }
  | { kind: 'guardianConsentRequired' }
  | { kind: 'alreadyRegistered' }
  // What they sent
  | { kind: 'invalidAnswers'; problems: Record<string, AnswerProblem> }
  | { kind: 'invalidSettings'; problems: Record<string, SettingsProblem>; quotaTotal: number; capacity: number }
  | { kind: 'invalidBirthDate' }
  | { kind: 'invalidCursor' }
  | { kind: 'reasonRequired' }
  | { kind: 'noSuchQuota' }
  // Seats
  | { kind: 'full' }
  | { kind: 'fullNoWaitlist' }
  | { kind: 'quotaFull'; quotaKey: string }
  // A registration's state
  | { kind: 'cancelDeadlinePassed'; hours: number }
  | { kind: 'notCancellable' }
  | { kind: 'noOffer' }
  | { kind: 'offerExpired' }
  | { kind: 'notPending' }
  | { kind: 'registrationEnded' }
  | { kind: 'notPromotable' }
  | { kind: 'notPickable' }
  | { kind: 'attendanceBeforeStart' }
  | { kind: 'attendanceNotConfirmed' }
  // Organiser acts
  | { kind: 'notOrganiser'; act: OrganiserAct }
  | { kind: 'settingsLocked' }
  | { kind: 'quotaInUse'; quotaKey: string }
  | { kind: 'quotaBelowTaken'; quotaKey: string; taken: number }
  | { kind: 'capacitySetByQuotas' }
  | { kind: 'drawNotNeeded' }
  | { kind: 'firstComeFirstServed' }
  | { kind: 'drawBeforeClose' }
  | { kind: 'nothingToDraw' }
  // Notices to everyone confirmed
  | { kind: 'noticeEventOver' }
  | { kind: 'noticeLimit'; limit: number }

/** Everything the signup function can answer with besides success. */
export type SignupAnswerFailure = SignupFailure | CommonFailure
