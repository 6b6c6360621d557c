/** Who the caller is and what they may manage. */
import { PRIVACY_VERSION, type Me, type Role } from '@api/session'
import { privacyConsentOf } from '../../store/personal-data'
import { listApplications } from '../../store/units'
import { ensureUser, loadMemberships } from '../../store/users'
import type { SignedInContext } from '../context'
import { privacyStateOf } from './privacy'

export async function me(ctx: SignedInContext): Promise<Me> {
  const user = await ensureUser(ctx.db, ctx.caller.openid)
  const [{ units, districtAdmin }, consent, [latest]] = await Promise.all([
    loadMemberships(ctx.db, user.id),
    privacyConsentOf(ctx.db, user.id),
    listApplications(ctx.db, user.id, 1),
  ])
  const roles: Role[] = ['youth']
  if (units.length) roles.push('unit_admin')
  if (districtAdmin) roles.push('district_admin')
  // An admitted application is told by the unit in `units`; only one still open or turned down is news.
  const application =
    latest && latest.status !== 'admitted'
      ? { unitId: latest.id, unitName: latest.name, status: latest.status, reason: latest.reviewReason }
      : null
  return {
    userId: user.id,
    nickname: user.nickname,
    roles,
    units,
    privacy: privacyStateOf(consent, PRIVACY_VERSION),
    application,
  }
}
