/** A person's own sign-up profile: the facts eligibility rules read, their attendance record, their avatar. */
import { randomBytes } from 'crypto'
import type { AvatarUploadRequest, Profile, profileUpdateRequest } from '@api/signup'
import type { UploadTarget } from '@api/common'
import type * as z from 'zod'
import { avatarPath, isAvatarOf, type ImageFailure } from '../../domain/files/uploads'
import { checkBirthDate } from '../../domain/signup/rules'
import { updatePerson } from '../../store/signups'
import { ensureUser, findAvatar, saveAvatar } from '../../store/users'
import type { SignedInContext } from '../context'
import { imageLinks, shownImage } from '../images'
import { check, refuse } from '../refusal'
import { profileOf } from './views'

/** The profile with the avatar's display link. */
async function ownProfile(ctx: SignedInContext, userId: string): Promise<Profile> {
  const profile = await profileOf(ctx.db, userId, ctx.now)
  const avatar = await findAvatar(ctx.db, userId)
  return { ...profile, avatarUrl: shownImage(await imageLinks(ctx, [avatar]), avatar) }
}

export async function myProfile(ctx: SignedInContext): Promise<Profile> {
  const user = await ensureUser(ctx.db, ctx.caller.openid)
  return ownProfile(ctx, user.id)
}

export async function updateProfile(
  ctx: SignedInContext,
  input: z.output<typeof profileUpdateRequest>,
): Promise<Profile> {
  const user = await ensureUser(ctx.db, ctx.caller.openid)
  check(checkBirthDate(input.birthDate, ctx.now))
  const { guardian, avatar, ...own } = input
  // Only a file uploaded to a name given out to this person (signup.avatarUpload): never another's file or an address.
  if (avatar && !isAvatarOf(avatar, user.id)) refuse<ImageFailure>({ kind: 'imageNotUploaded' })
  await updatePerson(ctx.db, user.id, {
    ...own,
    // The guardian agrees (consent: true, required by the schema): recorded now.
    ...(guardian && { guardianName: guardian.name, guardianPhone: guardian.phone, guardianConsentAt: ctx.now }),
  })
  if (avatar !== undefined) await saveAvatar(ctx.db, user.id, avatar)
  return ownProfile(ctx, user.id)
}

/** Where the person's new avatar goes: under them, ending in 128 random bits. */
export async function avatarUpload(ctx: SignedInContext, input: AvatarUploadRequest): Promise<UploadTarget> {
  const user = await ensureUser(ctx.db, ctx.caller.openid)
  const cloudPath = avatarPath(user.id, randomBytes(16).toString('hex'), input.file)
  return { cloudPath, uploadUrl: await ctx.platform.uploadTicket(cloudPath, ctx.now) }
}
