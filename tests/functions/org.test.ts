/** Member units: apply → review → first admin → invite co-organisers → roles. */
import type { Invite, UnitDetail, UnitListItem, UnitMember } from '@api/org'
import type { Me } from '@api/session'
import { main as org } from '../../cloudfunctions/org/src'
import { main as session } from '../../cloudfunctions/session/src'
import { currentPlatform } from '../../server/platform'
import type { Platform } from '../../server/platform/platform'
import { createFunction } from '../../server/runtime/function'
import { actions as orgActions } from '../../cloudfunctions/org/src'
import type { OrgActions } from '@api/org'
import { call, expectOk } from '../support/call'
import { PEOPLE, useWorld } from '../support/world'

const w = useWorld()

const application = (name: string) => ({
  name,
  kind: 'school',
  contactName: '王老师',
  contactPhone: '139 0511 2233',
  intro: '高中团委',
})

describe('applying and admission', () => {
  test('an application is pending, visible to its applicant and the district admin only', async () => {
    const applied = expectOk(await call<UnitDetail>(org, 'apply', application('第一中学团委'), 'w:teacher'))
    expect(applied).toMatchObject({
      status: 'pending',
      name: '第一中学团委',
      kind: 'school',
      myRole: null,
      contactPhone: '13905112233', // stored as the 11 digits, whatever spacing was typed
    })
    expect(expectOk(await call<UnitDetail>(org, 'unit', { unitId: applied.id }, 'w:teacher')).status).toBe('pending')
    expect(await call(org, 'unit', { unitId: applied.id }, PEOPLE.youth)).toEqual({
      ok: false,
      code: 'NOT_FOUND',
      message: '单位不存在或已下线',
    })
    expect(await call(org, 'unit', { unitId: applied.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const pending = expectOk(await call<{ items: UnitListItem[] }>(org, 'units', { status: 'pending' }, PEOPLE.admin))
    // The reviewer sees who applied, how to reach them (whole phone) and when.
    expect(pending.items.find((u) => u.name === '第一中学团委')?.application).toEqual({
      contactName: application('第一中学团委').contactName,
      contactPhone: '13905112233',
      submittedAt: applied.createdAt,
      reviewReason: null,
      reviewedAt: null,
    })
    const admitted = expectOk(await call<{ items: UnitListItem[] }>(org, 'units', {}))
    expect(admitted.items.map((u) => u.name)).not.toContain('第一中学团委')
    expect(admitted.items.every((u) => u.application === null)).toBe(true)
    // The applicant's 我的 shows the application under review.
    const me = expectOk(await call<Me>(session, 'me', undefined, 'w:teacher'))
    expect(me.application).toEqual({ unitId: applied.id, unitName: '第一中学团委', status: 'pending', reason: null })
  })

  test('admission makes the applicant the first admin and tells them', async () => {
    const applied = expectOk(await call<UnitDetail>(org, 'apply', application('第二中学团委'), 'w:teacher2'))
    const reviewed = expectOk(
      await call<UnitDetail>(org, 'review', { unitId: applied.id, decision: 'admit' }, PEOPLE.admin),
    )
    expect(reviewed.status).toBe('admitted')
    const me = expectOk(await call<Me>(session, 'me', undefined, 'w:teacher2'))
    expect(me.units).toEqual([{ id: applied.id, name: '第二中学团委', role: 'admin' }])
    // Admitted: the unit itself is the news, not the application.
    expect(me.application).toBeNull()
    const outbox = await w.db.query("select template, payload from local_outbox where recipient = 'w:teacher2'")
    expect(outbox.rows).toHaveLength(1)
    expect(outbox.rows[0].template).toBe('unit_review_result')
    expect(
      await call(org, 'review', { unitId: applied.id, decision: 'reject', reason: '重复' }, PEOPLE.admin),
    ).toMatchObject({ ok: false, code: 'CONFLICT', message: '该申请已审核过' })
  })

  test('rejection needs a reason, which the applicant sees; no membership is created', async () => {
    const applied = expectOk(await call<UnitDetail>(org, 'apply', application('某公司团支部'), 'w:applicant3'))
    expect(await call(org, 'review', { unitId: applied.id, decision: 'reject' }, PEOPLE.admin)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { reason: '不能为空' },
    })
    expect(expectOk(await call<UnitDetail>(org, 'unit', { unitId: applied.id }, 'w:applicant3')).status).toBe('pending')
    const rejected = expectOk(
      await call<UnitDetail>(
        org,
        'review',
        { unitId: applied.id, decision: 'reject', reason: '不在本区' },
        PEOPLE.admin,
      ),
    )
    expect(rejected).toMatchObject({ status: 'rejected', reviewReason: '不在本区' })
    expect(expectOk(await call<UnitDetail>(org, 'unit', { unitId: applied.id }, 'w:applicant3')).reviewReason).toBe(
      '不在本区',
    )
    const members = await w.db.query('select 1 from unit_member where unit_id = $1', [applied.id])
    expect(members.rowCount).toBe(0)
    // 我的 tells the applicant, with the reason.
    expect(expectOk(await call<Me>(session, 'me', undefined, 'w:applicant3')).application).toEqual({
      unitId: applied.id,
      unitName: '某公司团支部',
      status: 'rejected',
      reason: '不在本区',
    })
  })

  test('a duplicate name in the district is a CONFLICT and adds nothing', async () => {
    const before = await w.db.query('select count(*)::int as n from org_unit')
    expect(await call(org, 'apply', application('甲单位团委'), 'w:dup')).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '该单位名称已存在，请勿重复申请',
      fields: { name: '名称已存在' },
    })
    expect((await w.db.query('select count(*)::int as n from org_unit')).rows[0].n).toBe(before.rows[0].n)
  })

  test('text that fails the content check is refused and nothing is stored', async () => {
    expect(await call(org, 'apply', { ...application('博彩俱乐部团委'), intro: '' }, 'w:bad')).toMatchObject({
      ok: false,
      code: 'CONTENT_REJECTED',
    })
    expect((await w.db.query("select 1 from org_unit where name = '博彩俱乐部团委'")).rowCount).toBe(0)
  })

  test.each([
    [{ ...application('x'), name: 'x' }, 'name'],
    [{ ...application('好名字团委'), kind: 'club' }, 'kind'],
    [{ ...application('好名字团委'), contactPhone: 'call me' }, 'contactPhone'],
    [{ ...application('好名字团委'), intro: '长'.repeat(501) }, 'intro'],
    [{ ...application('好名字团委'), applicantId: w?.userIds?.admin ?? 'x' }, '_'],
  ])('rejects bad application %# on %s', async (data, field) => {
    const r = await call(org, 'apply', data, 'w:validator')
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    if (!r.ok) expect(r.fields?.[field]).toBeTruthy()
  })
})

describe('contact privacy', () => {
  test('the phone is whole for the unit and the district admin, masked for others', async () => {
    expect(expectOk(await call<UnitDetail>(org, 'unit', { unitId: w.unitA }, PEOPLE.orgA)).contactPhone).toBe(
      '13905110000',
    )
    expect(expectOk(await call<UnitDetail>(org, 'unit', { unitId: w.unitA }, PEOPLE.admin)).contactPhone).toBe(
      '13905110000',
    )
    expect(expectOk(await call<UnitDetail>(org, 'unit', { unitId: w.unitA }, PEOPLE.orgB)).contactPhone).toBe(
      '139****0000',
    )
    expect(expectOk(await call<UnitDetail>(org, 'unit', { unitId: w.unitA })).contactPhone).toBe('139****0000')
  })
})

describe('co-organisers by share code', () => {
  test('a code lets people join as organisers; joining twice spends nothing', async () => {
    const invite = expectOk(await call<Invite>(org, 'createInvite', { unitId: w.unitA }, PEOPLE.orgA))
    expect(invite.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
    const joined = expectOk(
      await call<UnitDetail>(org, 'acceptInvite', { code: invite.code.toLowerCase() }, 'w:helper'),
    )
    expect(joined).toMatchObject({ id: w.unitA, myRole: 'organiser' })
    expectOk(await call(org, 'acceptInvite', { code: invite.code }, 'w:helper'))
    const uses = await w.db.query('select uses from unit_invite where code = $1', [invite.code])
    expect(uses.rows[0].uses).toBe(1)
    const members = expectOk(await call<{ items: UnitMember[] }>(org, 'members', { unitId: w.unitA }, PEOPLE.orgA))
    expect(members.items.map((m) => m.role).sort()).toEqual(['admin', 'organiser'])
  })

  test('expired, unknown and used-up codes are refused', async () => {
    const invite = expectOk(await call<Invite>(org, 'createInvite', { unitId: w.unitB }, PEOPLE.orgB))
    const later = createFunction<OrgActions>('org', orgActions, { clock: () => new Date(Date.now() + 8 * 86_400_000) })
    expect(await call(later, 'acceptInvite', { code: invite.code }, 'w:late')).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message: '邀请码无效或已过期',
    })
    expect(await call(org, 'acceptInvite', { code: 'ZZZZZZZZ' }, 'w:late')).toEqual({
      ok: false,
      code: 'NOT_FOUND',
      message: '邀请码无效或已过期',
    })
    await w.db.query('update unit_invite set uses = max_uses where code = $1', [invite.code])
    expect(await call(org, 'acceptInvite', { code: invite.code }, 'w:late')).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '邀请码使用次数已满，请联系单位管理员重新生成',
    })
    expect(await call(org, 'acceptInvite', { code: 'O0O0O0O0' }, 'w:late')).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
  })

  test('a unit keeps at least one admin', async () => {
    expect(
      await call(org, 'setMemberRole', { unitId: w.unitB, userId: w.userIds.orgB, role: 'organiser' }, PEOPLE.orgB),
    ).toMatchObject({ ok: false, code: 'CONFLICT', message: '单位至少需要一名管理员' })
    expect(
      await call(org, 'setMemberRole', { unitId: w.unitB, userId: w.userIds.orgB, role: null }, PEOPLE.admin),
    ).toEqual({ ok: false, code: 'CONFLICT', message: '单位至少需要一名管理员' })
    const role = await w.db.query('select role from unit_member where unit_id = $1 and user_id = $2', [
      w.unitB,
      w.userIds.orgB,
    ])
    expect(role.rows[0].role).toBe('admin')
  })

  test('the district admin appoints a unit admin from outside; a unit admin cannot', async () => {
    expect(
      await call(org, 'setMemberRole', { unitId: w.unitB, userId: w.userIds.youth, role: 'admin' }, PEOPLE.orgB),
    ).toEqual({ ok: false, code: 'FORBIDDEN', message: '请通过邀请码邀请新成员' })
    const r = expectOk(
      await call<{ items: UnitMember[] }>(
        org,
        'setMemberRole',
        { unitId: w.unitB, userId: w.userIds.youth, role: 'admin' },
        PEOPLE.admin,
      ),
    )
    expect(r.items.find((m) => m.userId === w.userIds.youth)?.role).toBe('admin')
  })
})

describe('my applications', () => {
  test('an applicant sees their applications with status and reason; nobody else’s', async () => {
    const applied = expectOk(await call<UnitDetail>(org, 'apply', application('第三中学团委'), 'w:teacher3'))
    expectOk(
      await call(org, 'review', { unitId: applied.id, decision: 'reject', reason: '请使用单位全称' }, PEOPLE.admin),
    )
    const mine = expectOk(await call<{ items: UnitDetail[] }>(org, 'myApplications', undefined, 'w:teacher3'))
    expect(mine.items.map((u) => [u.name, u.status, u.reviewReason])).toEqual([
      ['第三中学团委', 'rejected', '请使用单位全称'],
    ])
    expect(expectOk(await call<{ items: UnitDetail[] }>(org, 'myApplications', undefined, PEOPLE.youth)).items).toEqual(
      [],
    )
    expect(await call(org, 'myApplications')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })
})

describe('messages after the commit', () => {
  test('a review stands and answers ok when the applicant cannot be messaged', async () => {
    const base = currentPlatform()
    const refusing: Platform = {
      kind: base.kind,
      caller: (c) => base.caller(c),
      isScheduledRun: (c) => base.isScheduledRun(c),
      miniProgramCode: (s, p) => base.miniProgramCode(s, p),
      checkText: (t, a) => base.checkText(t, a),
      uploadFile: (p, c) => base.uploadFile(p, c),
      fileLink: (f, n) => base.fileLink(f, n),
      uploadTicket: (p, n) => base.uploadTicket(p, n),
      fileLinks: (f, n) => base.fileLinks(f, n),
      phoneNumber: (c, n) => base.phoneNumber(c, n),
      sendSubscribeMessage: async () => {
        throw new Error('43101 user refuse to accept the msg')
      },
    }
    const flaky = createFunction<OrgActions>('org', orgActions, { platform: () => refusing })
    const applied = expectOk(await call<UnitDetail>(org, 'apply', application('第四中学团委'), 'w:teacher4'))
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
    try {
      expect(
        expectOk(await call<UnitDetail>(flaky, 'review', { unitId: applied.id, decision: 'admit' }, PEOPLE.admin))
          .status,
      ).toBe('admitted')
      expect(spy.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/subscribe message not sent/)
    } finally {
      spy.mockRestore()
    }
  })
})
