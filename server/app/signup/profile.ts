/** A person's own sign-up profile: the facts eligibility rules read, and their attendance record. */
import type { Profile, profileUpdateRequest } from '@api/signup'
import type * as z from 'zod'
import { checkBirthDate } from '../../domain/signup/rules'
import { updatePerson } from '../../store/signups'
import { ensureUser } from '../../store/users'
import type { SignedInContext } from '../context'
import { check } from '../refusal'
import { profileOf } from './views'

export async function myProfile(ctx: SignedInContext): Promise<Profile> {
  const user = await ensureUser(ctx.db, ctx.caller.openid)
  return profileOf(ctx.db, user.id, ctx.now)
}

export async function updateProfile(
  ctx: SignedInContext,
  input: z.output<typeof profileUpdateRequest>,
): Promise<Profile> {
  const user = await ensureUser(ctx.db, ctx.caller.openid)
  check(checkBirthDate(input.birthDate, ctx.now))
  const { guardian, ...own } = input
  await updatePerson(ctx.db, user.id, {
    ...own,
    // The guardian agrees (consent: true, required by the schema): recorded now.
    ...(guardian && { guardianName: guardian.name, guardianPhone: guardian.phone, guardianConsentAt: ctx.now }),
  })
  return profileOf(ctx.db, user.id, ctx.now)
}
