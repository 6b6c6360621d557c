/**
 * Demo honours (荣誉): the year's 优秀青年志愿者 (open for nominations, 3 per unit) and 优秀共青团员
 * (closed); two people who attended 中国邮政's events approved for the first (on the public roll),
 * one more waiting for the district's review. Records are taken as nominating would take them.
 * Called once by seedIfEmpty inside its transaction, after the events, attendance and hours.
 */
import type { PoolClient } from 'pg'
import { recordOf } from '../server/store/honours'

const DAY = 86400_000

export async function seedHonours(
  client: PoolClient,
  opts: {
    districtId: string
    year: number
    postUnitId: string
    organiserId: string
    districtAdminId: string
    now: Date
  },
): Promise<void> {
  const { districtId, year, now } = opts
  const kind = async (name: string, quota: number | null, opens: number, closes: number) =>
    (
      await client.query<{ id: string }>(
        `insert into honour_kind (district_id, year, name, quota_per_unit, opens_at, closes_at, created_by, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
        [
          districtId,
          year,
          name,
          quota,
          new Date(now.getTime() + opens * DAY),
          new Date(now.getTime() + closes * DAY),
          opts.districtAdminId,
          new Date(now.getTime() + opens * DAY),
        ],
      )
    ).rows[0].id
  const volunteer = await kind('优秀青年志愿者', 3, -20, 25)
  await kind('优秀共青团员', null, -60, -30)
  const { rows: people } = await client.query<{ userId: string }>(
    `select r.user_id as "userId" from registration r join activity a on a.id = r.activity_id
     join app_user u on u.id = r.user_id
     where a.unit_id = $1 and r.state = 'attended' and u.real_name is not null
     group by r.user_id order by count(*) desc, r.user_id limit 3`,
    [opts.postUnitId],
  )
  const reasons = [
    '全年参加植树护绿等志愿服务，带动同事参与',
    '长期参加社区关爱活动，服务时长单位第一',
    '积极参加青年读书会，组织分享 3 次',
  ]
  for (const [i, p] of people.entries()) {
    const record = await recordOf(client, p.userId, year)
    const decided = i < 2
    await client.query(
      `insert into honour_nomination (district_id, kind_id, unit_id, user_id, nominated_by, reason, record, state,
         decided_by, decided_at, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        districtId,
        volunteer,
        opts.postUnitId,
        p.userId,
        opts.organiserId,
        reasons[i],
        JSON.stringify(record),
        decided ? 'approved' : 'pending',
        decided ? opts.districtAdminId : null,
        decided ? new Date(now.getTime() - 2 * DAY) : null,
        new Date(now.getTime() - 10 * DAY),
      ],
    )
  }
}
