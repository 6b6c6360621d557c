/** Share codes: a unit admin invites co-organisers; a person joins the unit with the code. */
import { randomBytes } from 'crypto'
import type { Invite, UnitDetail } from '@api/org'
import { INVITE_DAYS, inviteCodeFrom, inviteUse } from '../../domain/invite-code'
import { can } from '../../domain/policy'
import { PG, inTransaction, pgCode } from '../../store/tx'
import { homeDistrictId } from '../../config'
import { RATE_LIMITS } from '../../domain/rate-limit'
import { addMember, findUnit, insertInvite, lockInvite, peekInvite, spendInvite } from '../../store/units'
import { requireActor } from '../actor'
import type { SignedInContext } from '../context'
import { guardGuess } from '../rate-limit'
import { allow, found, refuse } from '../refusal'
import type { OrgFailure } from './failures'
import { toUnitDetail } from './present'
import { visibleUnit } from './shared'

export async function createInvite(ctx: SignedInContext, unitId: string): Promise<Invite> {
  const actor = await requireActor(ctx)
  const unit = await visibleUnit(ctx.db, actor, unitId)
  allow<OrgFailure>(can.manageUnit(actor, unit), { kind: 'notUnitAdmin', to: 'invite' })
  if (unit.status !== 'admitted') refuse<OrgFailure>({ kind: 'unitNotAdmitted' })
  const expiresAt = new Date(ctx.now.getTime() + INVITE_DAYS * 86_400_000)
  for (let attempt = 0; ; attempt++) {
    const code = inviteCodeFrom(randomBytes)
    try {
      await insertInvite(ctx.db, code, unit.id, actor.userId, expiresAt)
      return { code, unitId: unit.id, expiresAt: expiresAt.toISOString() }
    } catch (err) {
      // A code already taken: draw another.
      if (pgCode(err) !== PG.uniqueViolation || attempt >= 3) throw err
    }
  }
}

/**
 * Joins the unit behind a share code. Guessing codes is limited like typed check-in codes: a wrong
 * (unknown or expired) code is counted, a right one only reads the count, and once the person has
 * typed 10 wrong codes in the hour every code is refused, so no answer says whether a guess was right.
 */
export async function acceptInvite(ctx: SignedInContext, code: string): Promise<UnitDetail> {
  const actor = await requireActor(ctx)
  const wrong = inviteUse(await peekInvite(ctx.db, code), ctx.now, () => false).kind === 'inviteInvalid'
  const subject = { districtId: homeDistrictId(), subject: ctx.caller.openid, now: ctx.now }
  await guardGuess(ctx.db, RATE_LIMITS.inviteCode, subject, wrong)
  const unitId = await inTransaction(ctx.db, async (tx) => {
    const use = inviteUse(await lockInvite(tx, code), ctx.now, (id) => actor.unitRoles.has(id))
    if (use.kind === 'inviteInvalid' || use.kind === 'inviteUsedUp') return refuse<OrgFailure>(use)
    if (use.kind === 'join') {
      await addMember(tx, use.unitId, actor.userId, 'organiser')
      await spendInvite(tx, code)
    }
    return use.unitId
  })
  return toUnitDetail(found(await findUnit(ctx.db, unitId), 'unit'), await requireActor(ctx))
}
