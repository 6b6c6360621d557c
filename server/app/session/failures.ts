/** Every failure the session use cases answer with; the session function's table words each one. */
import type { AccountFailure } from '../../domain/account'
import type { CommonFailure } from '../../domain/failure'
import type { PrivacyFailure } from '../../domain/privacy'
import type { PhoneFailure } from '../../domain/signup/identity'

export type SessionFailure = CommonFailure | PrivacyFailure | AccountFailure | PhoneFailure
