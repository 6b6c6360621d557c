/** The district approves or declines a nomination; the person is told when approved. */
import type * as z from 'zod'
import type { HonourNomination, honourDecideRequest } from '@api/honour'
import { homeDistrictId, templates } from '../../config'
import { checkDecision } from '../../domain/honour'
import { can } from '../../domain/policy'
import { decideNomination, findNomination } from '../../store/honours'
import { requireActor } from '../actor'
import { ensureSafeText } from '../content'
import type { SignedInContext } from '../context'
import { sendNotices } from '../notify'
import { allow, check, refuse } from '../refusal'
import type { HonourFailure } from './failures'
import { presentNomination } from './present'

export async function decideHonour(
  ctx: SignedInContext,
  input: z.output<typeof honourDecideRequest>,
): Promise<HonourNomination> {
  const districtId = homeDistrictId()
  const actor = await requireActor(ctx)
  allow<HonourFailure>(can.reviewUnits(actor, districtId), { kind: 'notDistrictAdmin' })
  const n = await findNomination(ctx.db, districtId, input.nominationId)
  if (!n) return refuse<HonourFailure>({ kind: 'missing', what: 'nomination' })
  check(checkDecision(n.state, input.approve, input.reason))
  if (!input.approve) await ensureSafeText(ctx, input.reason)
  const decided = await decideNomination(
    ctx.db,
    districtId,
    n.id,
    { state: input.approve ? 'approved' : 'declined', reason: input.approve ? null : input.reason, by: actor.userId },
    ctx.now,
  )
  if (!decided) refuse<HonourFailure>({ kind: 'alreadyDecided' })
  if (input.approve) {
    await sendNotices(ctx, [
      {
        toOpenid: n.openid,
        templateId: templates.honour(),
        page: 'packages/honours/pages/mine/index',
        data: {
          thing1: { value: `${n.year}年度${n.kindName}`.slice(0, 20) },
          phrase2: { value: '已授予' },
          thing3: { value: `由${n.unitName}推荐`.slice(0, 20) },
        },
      },
    ])
  }
  return presentNomination((await findNomination(ctx.db, districtId, n.id))!)
}
