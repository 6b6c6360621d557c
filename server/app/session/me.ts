/** Who the caller is and what they may manage. */
import type { Me, Role } from '@api/session'
import { ensureUser, loadMemberships } from '../../store/users'
import type { SignedInContext } from '../context'

export async function me(ctx: SignedInContext): Promise<Me> {
  const user = await ensureUser(ctx.db, ctx.caller.openid)
  const { units, districtAdmin } = await loadMemberships(ctx.db, user.id)
  const roles: Role[] = ['youth']
  if (units.length) roles.push('unit_admin')
  if (districtAdmin) roles.push('district_admin')
  return { userId: user.id, nickname: user.nickname, roles, units }
}
