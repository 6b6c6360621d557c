/** Who the caller is and what they may manage. */
import { PRIVACY_VERSION, type Me, type Role } from '@api/session'
import { privacyConsentOf } from '../../store/personal-data'
import { ensureUser, loadMemberships } from '../../store/users'
import type { SignedInContext } from '../context'
import { privacyStateOf } from './privacy'

export async function me(ctx: SignedInContext): Promise<Me> {
  const user = await ensureUser(ctx.db, ctx.caller.openid)
  const [{ units, districtAdmin }, consent] = await Promise.all([
    loadMemberships(ctx.db, user.id),
    privacyConsentOf(ctx.db, user.id),
  ])
  const roles: Role[] = ['youth']
  if (units.length) roles.push('unit_admin')
  if (districtAdmin) roles.push('district_admin')
  return { userId: user.id, nickname: user.nickname, roles, units, privacy: privacyStateOf(consent, PRIVACY_VERSION) }
}
