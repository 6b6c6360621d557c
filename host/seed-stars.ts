/**
 * Demo stars (摘星, after the seeds' 团员“三亮三比”摘星自主评价): the year's published indicators of
 * the district — 志愿服务 (approved hours), 参与活动 (attended events), 学习交流 (attended reading
 * and study events) and 青年大学习 (evidence the unit approves). The demo young person was at a few
 * more of the year's finished events (attendance and confirmed hours, as the organisers would have
 * recorded them), so they have earned the 参与活动 and 学习交流 stars and are 1.5 hours short of 志愿服务;
 * 青年大学习 waits for their evidence. Another young person's evidence waits for 中国邮政's review.
 * Called once by seedIfEmpty inside its transaction, after the events, attendance and hours; what
 * the young person was at depends on how much of the year has passed (only finished events count).
 */
import type { PoolClient } from 'pg'
import { insertEvidence, insertIndicator, upsertYear } from '../server/store/stars'

const DAY = 86400_000

/** The indicator the demo young person has not met yet and proves with evidence. */
export const EVIDENCE_INDICATOR = '青年大学习'

export const DEMO_INDICATORS = [
  {
    name: '志愿服务',
    kind: 'hours',
    threshold: 10,
    categories: [],
    description: '全年经组织方确认的志愿服务时长不少于 10 小时',
  },
  {
    name: '参与活动',
    kind: 'activities',
    threshold: 4,
    categories: [],
    description: '全年签到参加团青活动不少于 4 次',
  },
  {
    name: '学习交流',
    kind: 'category',
    threshold: 2,
    categories: ['study_exchange', 'reading_club'],
    description: '参加读书会、学习交流类活动不少于 2 次',
  },
  {
    name: EVIDENCE_INDICATOR,
    kind: 'evidence',
    threshold: 1,
    categories: [],
    description: '完成本年度“青年大学习”网上主题团课，提交学习记录截图，由所在单位团组织审核',
  },
] as const

/**
 * The year's finished events the demo young person also came to (besides the first planting, which
 * the events seed gives them): two volunteer events (2.5 h and 3 h) and two study events.
 */
export const DEMO_YOUTH_ALSO_AT = [
  '社区环境清洁志愿行动',
  '“数字助老”志愿服务',
  '青年普法讲堂：劳动合同那些事',
  '法治读书会：《法治的细节》',
]

export async function seedStars(
  client: PoolClient,
  opts: {
    districtId: string
    year: number
    postUnitId: string
    youthId: string
    organiserId: string
    now: Date
  },
): Promise<void> {
  const { districtId, year, now } = opts
  await upsertYear(client, districtId, year, true, new Date(now.getTime() - 30 * DAY))
  for (const [order, i] of DEMO_INDICATORS.entries()) {
    await insertIndicator(client, districtId, year, { ...i, categories: [...i.categories], order })
  }

  // The demo young person's attendance at finished events, with its seat and confirmed hours.
  const { rows: events } = await client.query<{ id: string; opensAt: Date }>(
    `select a.id, a.signup_opens_at as "opensAt" from activity a
     where a.district_id = $1 and a.title = any($2::text[]) and a.end_at <= $3
       and not exists (select 1 from registration r where r.activity_id = a.id and r.user_id = $4)
     order by a.start_at`,
    [districtId, DEMO_YOUTH_ALSO_AT, now, opts.youthId],
  )
  for (const e of events) {
    const r = await client.query<{ id: string }>(
      `insert into registration (activity_id, user_id, quota_key, state, created_at, updated_at)
       values ($1, $2, '', 'attended', $3, $3) returning id`,
      [e.id, opts.youthId, e.opensAt],
    )
    await client.query('update activity set seats_taken = seats_taken + 1 where id = $1', [e.id])
    await client.query("update signup_quota set taken = taken + 1 where activity_id = $1 and key = ''", [e.id])
    // Hours as the events seed confirmed them for everyone who came.
    await client.query(
      `insert into service_hours (activity_id, registration_id, user_id, day, minutes, hours, status, decided_by, decided_at)
       select a.id, $2, $3, (a.start_at at time zone 'Asia/Shanghai')::date,
         extract(epoch from a.end_at - a.start_at)::int / 60,
         floor(extract(epoch from a.end_at - a.start_at) / 1800) / 2, 'approved', $4, a.end_at
       from activity a where a.id = $1 and a.records_service_hours`,
      [e.id, r.rows[0].id, opts.youthId, opts.organiserId],
    )
  }

  // Someone else's 青年大学习 evidence, waiting for 中国邮政's organisers.
  const { rows: indicator } = await client.query<{ id: string }>(
    'select id from star_indicator where district_id = $1 and year = $2 and name = $3',
    [districtId, year, EVIDENCE_INDICATOR],
  )
  const { rows: people } = await client.query<{ userId: string }>(
    `select r.user_id as "userId" from registration r join activity a on a.id = r.activity_id
     join app_user u on u.id = r.user_id
     where a.unit_id = $1 and r.state = 'attended' and u.real_name is not null and r.user_id <> $2
       and a.start_at >= $3
     group by r.user_id order by count(*) desc, r.user_id limit 1`,
    [opts.postUnitId, opts.youthId, new Date(Date.UTC(year - 1, 11, 31, 16))],
  )
  if (people.length === 0) return
  await insertEvidence(client, districtId, {
    indicatorId: indicator[0].id,
    userId: people[0].userId,
    unitId: opts.postUnitId,
    note: '已完成本年度“青年大学习”全部网上主题团课，请单位团委核对学习记录。',
    fileIds: [],
    at: new Date(now.getTime() - 2 * DAY),
  })
}
