/** Cloud function `org`: member units — applying, admission, profiles, co-organisers. */
import { randomBytes } from 'crypto'
import * as z from 'zod'
import {
  inviteAcceptRequest,
  inviteCreateRequest,
  memberListRequest,
  memberSetRoleRequest,
  unitApplyRequest,
  unitGetRequest,
  unitListRequest,
  unitReviewRequest,
  unitUpdateRequest,
  type OrgActions,
} from '@api/org'
import { homeDistrictId, templates } from '../../../server/config'
import { inviteCodeFrom } from '../../../server/domain/invite-code'
import { can, ensure, roleIn, type Actor } from '../../../server/domain/policy'
import { maskPhone } from '../../../server/domain/privacy'
import { actorOf, requireActor } from '../../../server/app/actor'
import { ensureSafeText } from '../../../server/app/content'
import { sendNotices } from '../../../server/app/notify'
import { AppError, invalidInput, notFound } from '../../../server/runtime/errors'
import { action, createFunction, type ActionTable } from '../../../server/runtime/function'
import { PG, inTransaction, pgCode } from '../../../server/store/tx'
import {
  addMember,
  findUnit,
  insertUnit,
  listMembers,
  listUnits,
  setUnitReview,
  toUnitDetail,
  updateUnitProfile,
  type UnitRow,
} from '../../../server/store/units'

const INVITE_DAYS = 7

function detail(unit: UnitRow, actor: Actor | null) {
  const inside =
    can.seeUnitInside(actor, { id: unit.id, districtId: unit.district_id }) || unit.applicant_id === actor?.userId
  return toUnitDetail(unit, roleIn(actor, unit.id), inside, maskPhone)
}

/** Pending and rejected applications are visible only to the district admin and the applicant. */
function visible(unit: UnitRow | null, actor: Actor | null): unit is UnitRow {
  if (!unit) return false
  return unit.status === 'admitted' || can.reviewUnits(actor, unit.district_id) || unit.applicant_id === actor?.userId
}

const duplicateName = () => new AppError('CONFLICT', '该单位名称已存在，请勿重复申请', { name: '名称已存在' })

export const actions: ActionTable<OrgActions> = {
  apply: action({
    access: 'signed_in',
    input: unitApplyRequest,
    async handle(input, ctx) {
      await ensureSafeText(ctx, input.name, input.intro)
      const actor = await requireActor(ctx)
      try {
        const unit = await insertUnit(ctx.db, {
          districtId: homeDistrictId(),
          name: input.name,
          kind: input.kind,
          intro: input.intro,
          contactName: input.contactName,
          contactPhone: input.contactPhone,
          applicantId: actor.userId,
        })
        return detail(unit, actor)
      } catch (err) {
        if (pgCode(err) === PG.uniqueViolation) throw duplicateName()
        throw err
      }
    },
  }),

  review: action({
    access: 'signed_in',
    input: unitReviewRequest,
    async handle(input, ctx) {
      if (input.decision === 'reject' && !input.reason) throw invalidInput('驳回时请填写原因', { reason: '不能为空' })
      const actor = await requireActor(ctx)
      const unit = await inTransaction(ctx.db, async (tx) => {
        const found = await findUnit(tx, input.unitId, true)
        if (!found) throw notFound('单位')
        ensure(can.reviewUnits(actor, found.district_id), '只有团区委管理员可以审核成员单位')
        if (found.status !== 'pending') throw new AppError('CONFLICT', '该申请已审核过')
        const status = input.decision === 'admit' ? 'admitted' : 'rejected'
        const updated = await setUnitReview(tx, found.id, status, input.reason ?? null, actor.userId, ctx.now)
        // The applicant becomes the unit's first admin.
        if (status === 'admitted' && found.applicant_id) await addMember(tx, found.id, found.applicant_id, 'admin')
        return updated
      })
      if (unit.applicant_id) {
        const applicant = await ctx.db.query<{ openid: string }>('select openid from app_user where id = $1', [
          unit.applicant_id,
        ])
        // After the commit: a failed message (the applicant never subscribed) must not undo or hide the review.
        await sendNotices(ctx, [
          {
            toOpenid: applicant.rows[0].openid,
            templateId: templates.unitReview(),
            page: `packages/organiser/pages/unit/index?unitId=${unit.id}`,
            data: {
              thing1: { value: unit.name.slice(0, 20) },
              phrase2: { value: unit.status === 'admitted' ? '已通过' : '未通过' },
              thing3: { value: (unit.review_reason ?? '欢迎加入青年工作委员会').slice(0, 20) },
            },
          },
        ])
      }
      return detail(unit, actor)
    },
  }),

  units: action({
    access: 'public',
    input: unitListRequest.default({ status: 'admitted' }),
    async handle(input, ctx) {
      const districtId = homeDistrictId()
      if (input.status !== 'admitted')
        ensure(can.reviewUnits(await actorOf(ctx), districtId), '只有团区委管理员可以查看待审核的申请')
      return { items: await listUnits(ctx.db, districtId, input.status) }
    },
  }),

  unit: action({
    access: 'public',
    input: unitGetRequest,
    async handle(input, ctx) {
      const actor = await actorOf(ctx)
      const unit = await findUnit(ctx.db, input.unitId)
      if (!visible(unit, actor)) throw notFound('单位')
      return detail(unit, actor)
    },
  }),

  updateUnit: action({
    access: 'signed_in',
    input: unitUpdateRequest,
    async handle(input, ctx) {
      const actor = await requireActor(ctx)
      const unit = await findUnit(ctx.db, input.unitId)
      if (!visible(unit, actor)) throw notFound('单位')
      ensure(can.manageUnit(actor, { id: unit.id, districtId: unit.district_id }), '只有本单位管理员可以修改单位信息')
      await ensureSafeText(ctx, input.name, input.intro)
      try {
        const { unitId: _unitId, ...profile } = input
        return detail(await updateUnitProfile(ctx.db, unit.id, profile), actor)
      } catch (err) {
        if (pgCode(err) === PG.uniqueViolation) throw duplicateName()
        throw err
      }
    },
  }),

  createInvite: action({
    access: 'signed_in',
    input: inviteCreateRequest,
    async handle(input, ctx) {
      const actor = await requireActor(ctx)
      const unit = await findUnit(ctx.db, input.unitId)
      if (!visible(unit, actor)) throw notFound('单位')
      ensure(can.manageUnit(actor, { id: unit.id, districtId: unit.district_id }), '只有本单位管理员可以邀请组织者')
      if (unit.status !== 'admitted') throw new AppError('CONFLICT', '单位通过审核后才能邀请组织者')
      const expiresAt = new Date(ctx.now.getTime() + INVITE_DAYS * 86_400_000)
      for (let attempt = 0; ; attempt++) {
        const code = inviteCodeFrom(randomBytes)
        try {
          await ctx.db.query(
            'insert into unit_invite (code, unit_id, created_by, expires_at) values ($1, $2, $3, $4)',
            [code, unit.id, actor.userId, expiresAt],
          )
          return { code, unitId: unit.id, expiresAt: expiresAt.toISOString() }
        } catch (err) {
          if (pgCode(err) !== PG.uniqueViolation || attempt >= 3) throw err
        }
      }
    },
  }),

  acceptInvite: action({
    access: 'signed_in',
    input: inviteAcceptRequest,
    async handle(input, ctx) {
      const actor = await requireActor(ctx)
      const unitId = await inTransaction(ctx.db, async (tx) => {
        const { rows } = await tx.query<{ unit_id: string; expires_at: Date; uses: number; max_uses: number }>(
          'select unit_id, expires_at, uses, max_uses from unit_invite where code = $1 for update',
          [input.code],
        )
        const invite = rows[0]
        if (!invite || invite.expires_at <= ctx.now) throw new AppError('NOT_FOUND', '邀请码无效或已过期')
        // Joining twice is harmless and spends no use of the code.
        if (actor.unitRoles.has(invite.unit_id)) return invite.unit_id
        if (invite.uses >= invite.max_uses)
          throw new AppError('CONFLICT', '邀请码使用次数已满，请联系单位管理员重新生成')
        await addMember(tx, invite.unit_id, actor.userId, 'organiser')
        await tx.query('update unit_invite set uses = uses + 1 where code = $1', [input.code])
        return invite.unit_id
      })
      const unit = await findUnit(ctx.db, unitId)
      return detail(unit!, await requireActor(ctx))
    },
  }),

  members: action({
    access: 'signed_in',
    input: memberListRequest,
    async handle(input, ctx) {
      const actor = await requireActor(ctx)
      const unit = await findUnit(ctx.db, input.unitId)
      if (!visible(unit, actor)) throw notFound('单位')
      ensure(can.seeUnitInside(actor, { id: unit.id, districtId: unit.district_id }))
      return { items: await listMembers(ctx.db, unit.id) }
    },
  }),

  myApplications: action({
    access: 'signed_in',
    input: z.strictObject({}).optional(),
    async handle(_input, ctx) {
      const actor = await requireActor(ctx)
      const { rows } = await ctx.db.query<{ id: string }>(
        'select id from org_unit where applicant_id = $1 order by created_at desc, id limit 20',
        [actor.userId],
      )
      const items = []
      for (const { id } of rows) items.push(detail((await findUnit(ctx.db, id))!, actor))
      return { items }
    },
  }),

  setMemberRole: action({
    access: 'signed_in',
    input: memberSetRoleRequest,
    async handle(input, ctx) {
      const actor = await requireActor(ctx)
      const unit = await findUnit(ctx.db, input.unitId)
      if (!visible(unit, actor)) throw notFound('单位')
      ensure(
        can.manageUnit(actor, { id: unit.id, districtId: unit.district_id }),
        '只有本单位管理员或团区委可以调整成员',
      )
      await inTransaction(ctx.db, async (tx) => {
        // Lock the unit's member rows so two admins cannot demote each other at once.
        const { rows } = await tx.query<{ user_id: string; role: string }>(
          'select user_id, role from unit_member where unit_id = $1 for update',
          [unit.id],
        )
        const isMember = rows.some((r) => r.user_id === input.userId)
        if (input.role === null) {
          if (!isMember) throw notFound('成员')
          await tx.query('delete from unit_member where unit_id = $1 and user_id = $2', [unit.id, input.userId])
        } else if (isMember) {
          await tx.query('update unit_member set role = $3 where unit_id = $1 and user_id = $2', [
            unit.id,
            input.userId,
            input.role,
          ])
        } else {
          // Only the district admin appoints someone from outside the unit.
          ensure(can.reviewUnits(actor, unit.district_id), '请通过邀请码邀请新成员')
          const user = await tx.query('select 1 from app_user where id = $1', [input.userId])
          if (!user.rowCount) throw notFound('用户')
          await addMember(tx, unit.id, input.userId, input.role)
        }
        const admins = await tx.query("select 1 from unit_member where unit_id = $1 and role = 'admin'", [unit.id])
        if (!admins.rowCount) throw new AppError('CONFLICT', '单位至少需要一名管理员')
      })
      return { items: await listMembers(ctx.db, unit.id) }
    },
  }),
}

export const main = createFunction<OrgActions>('org', actions)
