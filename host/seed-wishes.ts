/**
 * Demo wishes (活动点单): a few on the wall with supporters from the demo young people, one of them
 * proposed by 李青; one claimed by 中国邮政 into a line of this year's list with an event open for
 * sign-up on it (已排期, its supporters already told); and a line of 中国邮政's left free for a claim.
 * Called once by seedIfEmpty inside its transaction.
 */
import type { PoolClient } from 'pg'

interface DemoWish {
  title: string
  category: string
  body: string
  months: number[]
  supporters: number
  /** Days before `now` it was proposed. */
  daysAgo: number
  byYouth?: boolean
  /** Claimed by 中国邮政 into a new line, with an event published on it. */
  scheduled?: { line: string; place: string; inDays: number }
}

const WISHES: DemoWish[] = [
  {
    title: '周末城市飞盘体验',
    category: 'sports_culture',
    body: '想在周末的公园里学飞盘，顺便认识同城的年轻人。',
    months: [4, 5, 9, 10],
    supporters: 23,
    daysAgo: 12,
  },
  {
    title: '职场新人读书会：《非暴力沟通》',
    category: 'reading_club',
    body: '刚工作不久，想和同龄人一起读书、聊聊职场沟通。',
    months: [],
    supporters: 15,
    daysAgo: 20,
    scheduled: { line: '邮政青年共读《非暴力沟通》', place: '邮政大楼三楼青年之家', inDays: 9 },
  },
  {
    title: '青年夜校：咖啡拉花入门',
    category: 'study_exchange',
    body: '下班后想学一门手艺，咖啡拉花就很好。',
    months: [11, 12],
    supporters: 8,
    daysAgo: 3,
    byYouth: true,
  },
  {
    title: '金山湖城市定向赛',
    category: 'sports_culture',
    body: '分组打卡金山湖周边的地标，适合团队报名。',
    months: [5, 6],
    supporters: 4,
    daysAgo: 1,
  },
]

/** The free line of 中国邮政's list a wish can be claimed into (the browser test claims into it). */
export const FREE_WISH_LINE = '邮政青年户外拓展日'

export async function seedWishes(
  client: PoolClient,
  d: {
    districtId: string
    year: number
    postUnitId: string
    youthId: string
    organiserId: string
    demoYouth: string[]
    now: Date
  },
): Promise<void> {
  const DAY = 86_400_000
  const line = async (title: string, category: string, month: number) =>
    (
      await client.query<{ id: string }>(
        `insert into plan_line (district_id, year, unit_id, category, title, planned_month)
         values ($1, $2, $3, $4, $5, $6) returning id`,
        [d.districtId, d.year, d.postUnitId, category, title, month],
      )
    ).rows[0].id
  await line(FREE_WISH_LINE, 'sports_culture', 12)
  for (const [i, w] of WISHES.entries()) {
    const proposer = w.byYouth ? d.youthId : d.demoYouth[(i * 17) % d.demoYouth.length]
    const created = new Date(d.now.getTime() - w.daysAgo * DAY)
    const { rows } = await client.query<{ id: string }>(
      `insert into wish (district_id, proposer_id, category, title, body, months, supporters, created_at, threshold_told_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, case when $7 >= 20 then $8::timestamptz end) returning id`,
      [d.districtId, proposer, w.category, w.title, w.body, w.months, w.supporters, created],
    )
    const wishId = rows[0].id
    for (let k = 0; k < w.supporters; k++) {
      await client.query(
        'insert into wish_support (district_id, wish_id, user_id, created_at) values ($1, $2, $3, $4)',
        [
          d.districtId,
          wishId,
          d.demoYouth[(i * 31 + k) % d.demoYouth.length],
          new Date(created.getTime() + k * 3_600_000),
        ],
      )
    }
    if (!w.scheduled) continue
    const month = new Date(d.now.getTime() + 8 * 3_600_000 + w.scheduled.inDays * DAY).getUTCMonth() + 1
    const lineId = await line(w.scheduled.line, w.category, month)
    const claimedAt = new Date(d.now.getTime() - 5 * DAY)
    await client.query(
      `update wish set plan_line_id = $2, claimed_unit_id = $3, claimed_by = $4, claimed_at = $5, supporters_told_at = $6
        where id = $1`,
      [wishId, lineId, d.postUnitId, d.organiserId, claimedAt, new Date(d.now.getTime() - 2 * DAY)],
    )
    const start = new Date(Math.floor((d.now.getTime() + w.scheduled.inDays * DAY) / 3_600_000) * 3_600_000)
    const { rows: ev } = await client.query<{ id: string }>(
      `insert into activity (district_id, unit_id, category, title, description, place_name, start_at, end_at,
         signup_opens_at, signup_closes_at, capacity, plan_line_id, published_at, search_text, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 30, $11, $9, $12, $13) returning id`,
      [
        d.districtId,
        d.postUnitId,
        w.category,
        w.scheduled.line,
        `应 ${w.supporters} 位青年的心愿「${w.title}」举办。`,
        w.scheduled.place,
        start,
        new Date(start.getTime() + 2 * 3_600_000),
        new Date(d.now.getTime() - 2 * DAY),
        new Date(start.getTime() - DAY),
        lineId,
        `${w.scheduled.line} ${w.scheduled.place} 中国邮政镇江分公司团委`,
        d.organiserId,
      ],
    )
    await client.query("insert into signup_quota (activity_id, key, capacity, taken) values ($1, '', 30, 0)", [
      ev[0].id,
    ])
  }
}
