/**
 * Stars (摘星): the district defines a year's indicators; a person's progress is read from their
 * records (an approved hours entry makes the star appear, its reversal makes it disappear); evidence
 * indicators are met by evidence the person submits to a unit and its organiser approves, with
 * private photos seen only through short-lived links.
 */
import type { UploadsResponse } from '@api/common'
import type { MyStars, ReviewEvidence, StarEvidence, StarYear } from '@api/star'
import { main as star } from '../../cloudfunctions/star/src'
import { call, expectOk } from '../support/call'
import { JPEG, useFileHost } from '../support/file-host'
import { PEOPLE, useWorld } from '../support/world'
import {
  END,
  HOUR,
  asOrganiser,
  closedAndConfirmed,
  entryOf,
  eventWithScans,
  type EventWithScans,
} from './hours/support'

jest.setTimeout(60_000)

const w = useWorld()
const host = useFileHost(w)

const VOL = 'st:vol'
const asAdmin = <T>(action: string, data: unknown) => call<T>(star, action, data, PEOPLE.admin)
const mine = async (who = VOL) => expectOk(await call<MyStars>(star, 'mine', { year: w.year }, who))
const byName = (m: MyStars, name: string) => m.indicators.find((i) => i.name === name)!

let ev: EventWithScans
let year: StarYear
beforeAll(async () => {
  for (const ind of [
    { name: '志愿服务', kind: 'hours', threshold: 2, order: 1, description: '志愿服务满 2 小时' },
    { name: '参与活动', kind: 'activities', threshold: 1, order: 2 },
    { name: '植树造林', kind: 'category', threshold: 1, categories: ['tree_planting'], order: 3 },
    { name: '学习交流', kind: 'category', threshold: 2, categories: ['reading_club'], order: 4 },
    { name: '亮身份', kind: 'evidence', threshold: 1, order: 5, description: '佩戴团徽参加活动的照片' },
  ]) {
    year = expectOk(await asAdmin<StarYear>('saveIndicator', { year: w.year, ...ind }))
  }
  ev = await eventWithScans(w, { [VOL]: [0, 2 * HOUR] })
})

const indicatorId = (name: string) => year.indicators.find((i) => i.name === name)!.id

describe('indicators', () => {
  test('a year is unpublished until the district admin publishes it: people see nothing yet', async () => {
    expect(year.published).toBe(false)
    expect(year.indicators.map((i) => i.name)).toEqual(['志愿服务', '参与活动', '植树造林', '学习交流', '亮身份'])
    expect(await mine()).toMatchObject({ published: false, stars: 0, indicators: [] })
    year = expectOk(await asAdmin<StarYear>('publish', { year: w.year, published: true }))
    expect(year.published).toBe(true)
    expect((await mine()).indicators).toHaveLength(5)
  })

  test('only the district admin edits them; bad payloads answer stable codes', async () => {
    const r = await call(
      star,
      'saveIndicator',
      { year: w.year, name: '越权', kind: 'hours', threshold: 1 },
      PEOPLE.orgA,
    )
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只有团区委可以设置摘星指标' })
    const bad = [
      { year: w.year, name: '类', kind: 'category', threshold: 1, categories: [] },
      { year: w.year, name: '无类别', kind: 'category', threshold: 1, categories: [] },
      { year: w.year, name: '多类别', kind: 'hours', threshold: 1, categories: ['tree_planting'] },
      { year: w.year, name: '怪类别', kind: 'category', threshold: 1, categories: ['no_such'] },
      { year: w.year, name: '负数', kind: 'hours', threshold: -1 },
      { year: w.year, name: '种类', kind: 'stars', threshold: 1 },
      { year: 1999, name: '年份', kind: 'hours', threshold: 1 },
      { year: w.year, name: '多余', kind: 'hours', threshold: 1, extra: true },
    ]
    for (const data of bad) {
      const res = await asAdmin('saveIndicator', data)
      expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    }
    expect(await asAdmin('saveIndicator', bad[1])).toMatchObject({
      message: '按类别计数的指标需要选择活动类别，其他指标不选类别',
    })
    expect(await asAdmin('saveIndicator', bad[3])).toMatchObject({ message: '活动类别不存在' })
    expect(await asAdmin('removeIndicator', { indicatorId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message: '摘星指标不存在或已删除',
    })
  })
})

describe('stars from records', () => {
  test('an approved hours entry makes the star appear; its reversal makes it disappear', async () => {
    const before = await mine()
    expect(byName(before, '志愿服务')).toMatchObject({ progress: 0, threshold: 2, unit: '小时', met: false })
    // Attending counts at once (the scan marked it attended); hours only once approved.
    expect(byName(before, '参与活动')).toMatchObject({ progress: 1, met: true })
    expect(byName(before, '植树造林')).toMatchObject({ progress: 1, met: true })
    expect(byName(before, '学习交流')).toMatchObject({ progress: 0, threshold: 2, met: false })
    expect(before.stars).toBe(2)

    await closedAndConfirmed(ev)
    const approved = await mine()
    expect(byName(approved, '志愿服务')).toMatchObject({ progress: 2, met: true })
    expect(approved.stars).toBe(3)

    const entry = await entryOf(ev, VOL)
    await asOrganiser(ev.hoursAt(END), 'adjust', { entryId: entry.id, hours: 0, reason: '本人未到场，代签' })
    const reversed = await mine()
    expect(byName(reversed, '志愿服务')).toMatchObject({ progress: 0, met: false })
    expect(reversed.stars).toBe(2)
  })

  test("another person's records do not count for them", async () => {
    expect(byName(await mine(PEOPLE.youth), '参与活动')).toMatchObject({ progress: 0, met: false })
  })
})

describe('evidence', () => {
  const uploads = async (unitId: string, files: string[], who = VOL) =>
    call<UploadsResponse>(star, 'evidenceUploads', { unitId, files }, who)

  async function uploaded(unitId: string, n: number, who = VOL): Promise<string[]> {
    const { uploads: targets } = expectOk(
      await uploads(
        unitId,
        Array.from({ length: n }, () => 'jpg'),
        who,
      ),
    )
    return Promise.all(targets.map((t) => host.upload(t.uploadUrl!, JPEG)))
  }

  const submit = (data: Record<string, unknown>, who = VOL) =>
    call<StarEvidence>(star, 'submitEvidence', { indicatorId: indicatorId('亮身份'), unitId: w.unitA, ...data }, who)

  test('upload names only for a unit the person took part in or belongs to, under it and them', async () => {
    const { uploads: targets } = expectOk(await uploads(w.unitA, ['jpg', 'png']))
    const volId = (await w.db.query<{ id: string }>('select id from app_user where openid = $1', [VOL])).rows[0].id
    for (const t of targets) {
      expect(t.cloudPath).toMatch(
        new RegExp(`^star-evidence/${w.districtId}/${w.unitA}/${volId}/[0-9a-f]{32}\\.(jpg|png)$`),
      )
    }
    expect(await uploads(w.unitB, ['jpg'])).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: '只能向你所在或参加过活动的单位提交证明',
    })
    for (const files of [[], Array(7).fill('jpg'), ['exe']]) {
      expect(await uploads(w.unitA, files)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    }
  })

  test('submitted, declined with a reason, submitted again, approved: the star appears and keeps its reviewer', async () => {
    // Photos someone else uploaded, or not uploaded at all, are refused.
    const others = await uploaded(w.unitA, 1, PEOPLE.orgA)
    expect(await submit({ note: '佩戴团徽参加植树', fileIds: others })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '证明照片无效，请重新选择照片上传',
    })
    expect(await submit({ note: '佩戴团徽参加植树', fileIds: ['https://example.com/a.jpg'] })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    expect(await submit({ note: '不需证明', indicatorId: indicatorId('志愿服务') })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '这项指标不需要提交证明材料',
    })
    expect(await submit({ note: '乙单位', unitId: w.unitB })).toMatchObject({ ok: false, code: 'FORBIDDEN' })

    const photos = await uploaded(w.unitA, 2)
    const first = expectOk(await submit({ note: '佩戴团徽参加植树', fileIds: photos }))
    expect(first).toMatchObject({ state: 'pending', photoCount: 2, unitName: '甲单位团委' })
    expect(await submit({ note: '再交一次' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(byName(await mine(), '亮身份')).toMatchObject({ met: false, evidence: { state: 'pending' } })

    // Unit B's organiser does not review unit A's evidence, nor see its photos.
    expect(await call(star, 'review', { evidenceId: first.id, decision: 'approve' }, PEOPLE.orgB)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await call(star, 'evidencePhotos', { evidenceId: first.id }, PEOPLE.orgB)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await call(star, 'evidencePhotos', { evidenceId: first.id }, PEOPLE.youth)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })

    const list = expectOk(await call<ReviewEvidence[]>(star, 'reviewList', { unitId: w.unitA }, PEOPLE.orgA))
    expect(list.map((e) => e.id)).toEqual([first.id])
    expect(list[0]).toMatchObject({ indicatorName: '亮身份', person: { nickname: VOL } })
    const { urls } = expectOk(
      await call<{ urls: string[] }>(star, 'evidencePhotos', { evidenceId: first.id }, PEOPLE.orgA),
    )
    expect(urls).toHaveLength(2)
    const res = await host.http(urls[0])
    expect(res.status).toBe(200)
    expect(res.body.equals(JPEG)).toBe(true)
    expect(
      expectOk(await call<{ urls: string[] }>(star, 'evidencePhotos', { evidenceId: first.id }, VOL)).urls,
    ).toHaveLength(2)

    expect(await call(star, 'review', { evidenceId: first.id, decision: 'decline' }, PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
    const declined = expectOk(
      await call<ReviewEvidence>(
        star,
        'review',
        { evidenceId: first.id, decision: 'decline', reason: '照片看不清团徽' },
        PEOPLE.orgA,
      ),
    )
    expect(declined).toMatchObject({ state: 'declined', reason: '照片看不清团徽' })
    expect(await call(star, 'review', { evidenceId: first.id, decision: 'approve' }, PEOPLE.orgA)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '这份证明已审核过',
    })
    expect(byName(await mine(), '亮身份')).toMatchObject({
      met: false,
      evidence: { state: 'declined', reason: '照片看不清团徽' },
    })

    const second = expectOk(await submit({ note: '重新拍摄的照片', fileIds: await uploaded(w.unitA, 1) }))
    const approved = expectOk(
      await call<ReviewEvidence>(star, 'review', { evidenceId: second.id, decision: 'approve' }, PEOPLE.orgA),
    )
    expect(approved).toMatchObject({ state: 'approved', reviewerName: 'orgA' })
    expect(approved.reviewedAt).toBeTruthy()
    const after = byName(await mine(), '亮身份')
    expect(after).toMatchObject({ progress: 1, met: true, evidence: { id: second.id, state: 'approved' } })

    // The person was told both decisions.
    const { rows } = await w.db.query<{ payload: { data: { phrase2: { value: string } } } }>(
      "select payload from local_outbox where recipient = $1 and template = 'star_evidence_result' order by id",
      [VOL],
    )
    expect(rows.map((r) => r.payload.data.phrase2.value).slice(-2)).toEqual(['未通过', '已通过'])
  })

  test('editing a published indicator never changes approved evidence; removing it hides it', async () => {
    const id = indicatorId('亮身份')
    expectOk(
      await asAdmin('saveIndicator', {
        year: w.year,
        id,
        name: '亮身份证明',
        kind: 'evidence',
        threshold: 1,
        order: 5,
      }),
    )
    const edited = (await mine()).indicators.find((i) => i.id === id)!
    expect(edited).toMatchObject({ name: '亮身份证明', met: true, evidence: { state: 'approved' } })
    const removed = expectOk(await asAdmin<StarYear>('removeIndicator', { indicatorId: id }))
    expect(removed.indicators.map((i) => i.id)).not.toContain(id)
    const { rows } = await w.db.query(
      "select state, reviewed_by from star_evidence where indicator_id = $1 and state = 'approved'",
      [id],
    )
    expect(rows).toHaveLength(1)
    expect(rows[0].reviewed_by).toBe(w.userIds.orgA)
  })
})
