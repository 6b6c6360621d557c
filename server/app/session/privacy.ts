/** Consent to the 隐私保护指引: recorded per person with the version agreed to. */
import { PRIVACY_VERSION, type agreePrivacyRequest, type PrivacyState } from '@api/session'
import type * as z from 'zod'
import { checkPrivacyVersion, privacyAgreed } from '../../domain/privacy'
import { recordPrivacyConsent } from '../../store/personal-data'
import { ensureUser } from '../../store/users'
import type { SignedInContext } from '../context'
import { check } from '../refusal'

export function privacyStateOf(
  consent: { version: string | null; agreedAt: Date | null },
  current: string,
): PrivacyState {
  return {
    version: current,
    agreed: privacyAgreed(consent.version, current),
    agreedAt: consent.agreedAt ? consent.agreedAt.toISOString() : null,
  }
}

export async function agreePrivacy(
  ctx: SignedInContext,
  input: z.output<typeof agreePrivacyRequest>,
): Promise<PrivacyState> {
  check(checkPrivacyVersion(input.version, PRIVACY_VERSION))
  const user = await ensureUser(ctx.db, ctx.caller.openid)
  await recordPrivacyConsent(ctx.db, user.id, input.version, ctx.now)
  return privacyStateOf({ version: input.version, agreedAt: ctx.now }, PRIVACY_VERSION)
}
