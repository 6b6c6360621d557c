/**
 * Registered youth groups (青年社团 / 青年自组织): a young person with a verified phone and a real
 * name applies as the leader; the district admin approves, declines (with a reason) or suspends an
 * approved group; the leader is told of each decision.
 */
import type * as z from 'zod'
import type {
  YouthGroup,
  youthGroupApplyRequest,
  youthGroupDecideRequest,
  youthGroupListRequest,
  youthGroupSuspendRequest,
} from '@api/youth-group'
import { YOUTH_GROUP_STATE_NAMES } from '@contract/youth-group'
import { homeDistrictId, youthGroupReviewTemplate } from '../../config'
import { can } from '../../domain/policy'
import { COUNTED_STATES, checkDecision, checkGroupQuota, checkLeader, checkSuspend } from '../../domain/youth-group'
import { PG, inTransaction, pgCode, type Db } from '../../store/tx'
import { findOpenid } from '../../store/users'
import {
  countLedGroups,
  findYouthGroup,
  groupsInState,
  groupsLedBy,
  insertYouthGroup,
  leaderFacts,
  lockLeader,
  setYouthGroupState,
  type YouthGroupRecord,
} from '../../store/youth-groups'
import { requireActor } from '../actor'
import { ensureSafeText } from '../content'
import type { SignedInContext } from '../context'
import { sendNotices } from '../notify'
import { allow, check, refuse } from '../refusal'
import type { OrgFailure } from './failures'

const LIST_LIMIT = 200

export function toYouthGroup(g: YouthGroupRecord): YouthGroup {
  return {
    id: g.id,
    name: g.name,
    kind: g.kind,
    intro: g.intro,
    size: g.size,
    state: g.state,
    reason: g.reason,
    leaderName: g.leaderName,
    leaderPhone: g.leaderPhone,
    createdAt: g.createdAt.toISOString(),
    decidedAt: g.decidedAt?.toISOString() ?? null,
  }
}

async function groupOrMissing(db: Db, id: string, forUpdate = false): Promise<YouthGroupRecord> {
  return (await findYouthGroup(db, homeDistrictId(), id, forUpdate)) ?? refuse<OrgFailure>({ kind: 'groupMissing' })
}

export async function applyYouthGroup(
  ctx: SignedInContext,
  input: z.output<typeof youthGroupApplyRequest>,
): Promise<YouthGroup> {
  const districtId = homeDistrictId()
  const actor = await requireActor(ctx)
  check(checkLeader(await leaderFacts(ctx.db, actor.userId)))
  await ensureSafeText(ctx, input.name, input.intro)
  const id = await inTransaction(ctx.db, async (tx) => {
    // One leader's applications in turn: the quota is read, then written.
    await lockLeader(tx, actor.userId)
    check(checkGroupQuota(await countLedGroups(tx, districtId, actor.userId, COUNTED_STATES)))
    return insertYouthGroup(tx, { districtId, ...input, leaderId: actor.userId })
  }).catch((err: unknown) => {
    if (pgCode(err) === PG.uniqueViolation) refuse<OrgFailure>({ kind: 'duplicateGroupName' })
    throw err
  })
  return toYouthGroup(await groupOrMissing(ctx.db, id))
}

export async function myYouthGroups(ctx: SignedInContext): Promise<{ items: YouthGroup[] }> {
  const actor = await requireActor(ctx)
  return { items: (await groupsLedBy(ctx.db, homeDistrictId(), actor.userId)).map(toYouthGroup) }
}

export async function youthGroupsInState(
  ctx: SignedInContext,
  input: z.output<typeof youthGroupListRequest>,
): Promise<{ items: YouthGroup[] }> {
  const districtId = homeDistrictId()
  allow<OrgFailure>(can.reviewUnits(await requireActor(ctx), districtId), { kind: 'notGroupReviewer' })
  return { items: (await groupsInState(ctx.db, districtId, input.state, LIST_LIMIT)).map(toYouthGroup) }
}

async function tellLeader(ctx: SignedInContext, g: YouthGroupRecord): Promise<void> {
  const openid = await findOpenid(ctx.db, g.leaderId)
  if (!openid) return
  // After the commit: a message that cannot be sent must not undo the decision.
  await sendNotices(ctx, [
    {
      toOpenid: openid,
      templateId: youthGroupReviewTemplate(),
      page: 'packages/mine/pages/youth-groups/index',
      data: {
        thing1: { value: g.name.slice(0, 20) },
        phrase2: { value: YOUTH_GROUP_STATE_NAMES[g.state] },
        thing3: { value: (g.reason ?? '可以以团体名义预约开放的阵地').slice(0, 20) },
      },
    },
  ])
}

async function changeState(
  ctx: SignedInContext,
  groupId: string,
  decide: (g: YouthGroupRecord) => { state: YouthGroupRecord['state']; reason: string | null },
): Promise<YouthGroup> {
  const districtId = homeDistrictId()
  const actor = await requireActor(ctx)
  allow<OrgFailure>(can.reviewUnits(actor, districtId), { kind: 'notGroupReviewer' })
  await inTransaction(ctx.db, async (tx) => {
    const g = await groupOrMissing(tx, groupId, true)
    const next = decide(g)
    await setYouthGroupState(tx, districtId, g.id, { ...next, decidedBy: actor.userId, at: ctx.now })
  })
  const updated = await groupOrMissing(ctx.db, groupId)
  await tellLeader(ctx, updated)
  return toYouthGroup(updated)
}

export async function decideYouthGroup(
  ctx: SignedInContext,
  input: z.output<typeof youthGroupDecideRequest>,
): Promise<YouthGroup> {
  const reason = input.reason || null
  if (reason) await ensureSafeText(ctx, reason)
  return changeState(ctx, input.groupId, (g) => {
    check(checkDecision(g.state, input.decision, reason))
    return {
      state: input.decision === 'approve' ? 'approved' : 'declined',
      reason: input.decision === 'approve' ? null : reason,
    }
  })
}

export async function suspendYouthGroup(
  ctx: SignedInContext,
  input: z.output<typeof youthGroupSuspendRequest>,
): Promise<YouthGroup> {
  await ensureSafeText(ctx, input.reason)
  return changeState(ctx, input.groupId, (g) => {
    check(checkSuspend(g.state))
    return { state: 'suspended', reason: input.reason }
  })
}
