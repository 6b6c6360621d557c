/**
 * Binds the caller's phone from WeChat's phone-number button: the platform exchanges the button's
 * code for the number WeChat has verified (locally, the host's stand-in code); only a mainland
 * mobile is kept, with the time it was verified. A typed phone is never accepted anywhere else.
 */
import type { BindPhoneRequest, BoundPhone } from '@api/session'
import { checkBoundPhone } from '../../domain/signup/identity'
import { savePhone } from '../../store/users'
import type { SignedInContext } from '../context'
import { check } from '../refusal'

export async function bindPhone(ctx: SignedInContext, input: BindPhoneRequest): Promise<BoundPhone> {
  const phone = await ctx.platform.phoneNumber(input.code, ctx.now)
  check(checkBoundPhone(phone))
  await savePhone(ctx.db, ctx.caller.openid, phone!, ctx.now)
  return { phone: phone!, phoneVerified: true }
}
