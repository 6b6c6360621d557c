/**
 * Demo youth groups and booking outcomes (after seedVenues, in the same transaction): 移动公司's
 * badminton courts open to registered youth groups; 润州青年羽毛球社 (approved, led by a demo young
 * person with a verified phone and a real name) with a court booked this week; and the week's past
 * bookings marked by the owner as used, two of them as no-shows, so 阵地使用率 shows outcomes and a
 * youth group among the borrowers.
 */
import type { PoolClient } from 'pg'
import { shanghaiDay } from '../server/domain/shanghai-time'
import { MINUTE_MS, addDays, dayStart, isoWeekday } from '../server/domain/venue/calendar'

export const DEMO_GROUP_NAME = '润州青年羽毛球社'

export async function seedYouthGroups(
  client: PoolClient,
  seed: { districtId: string; leaderId: string; districtAdminId: string; now: Date },
): Promise<void> {
  const { districtId, leaderId, districtAdminId, now } = seed
  const courts = await client.query<{ id: string; name: string }>(
    `update facility f set bookers = 'units_and_groups'
     from venue v
     where v.district_id = f.district_id and v.id = f.venue_id and f.district_id = $1
       and v.name = '移动公司职工活动中心' and f.kind = 'badminton_court'
     returning f.id, f.name`,
    [districtId],
  )
  const court3 = courts.rows.find((c) => c.name === '羽毛球场 3 号')
  const group = await client.query<{ id: string }>(
    `insert into youth_group (district_id, name, kind, intro, size, leader_id, state, decided_by, decided_at, created_at)
     values ($1, $2, 'interest', '润州区青年羽毛球爱好者自发组织，每周末活动，欢迎新朋友。', 36, $3, 'approved', $4, $5, $5)
     returning id`,
    [districtId, DEMO_GROUP_NAME, leaderId, districtAdminId, new Date(now.getTime() - 7 * 24 * 3600_000)],
  )
  if (court3) {
    // Saturday of this Shanghai week, 09:00–11:00 (court 3 has no other demo booking): held, or used once past.
    const today = shanghaiDay(now)
    const saturday = addDays(today, 6 - isoWeekday(today))
    const start = new Date(dayStart(saturday).getTime() + 9 * 60 * MINUTE_MS)
    const end = new Date(start.getTime() + 120 * MINUTE_MS)
    await client.query(
      `insert into booking (district_id, facility_id, booker_group_id, booked_by, during, purpose, state, decided_by,
         decided_at)
       values ($1, $2, $3, $4, tstzrange($5, $6, '[)'), '周末羽毛球训练', $7, $8, $5)`,
      [
        districtId,
        court3.id,
        group.rows[0].id,
        leaderId,
        start,
        end,
        end <= now ? 'used' : 'approved',
        districtAdminId,
      ],
    )
  }
  // The owner records what happened: the earliest two finished bookings were no-shows, the rest used.
  await client.query(
    `update booking set state = 'no_show'
     where id in (select id from booking where district_id = $1 and kind = 'booking' and state = 'used'
                  order by lower(during), id limit 2)`,
    [districtId],
  )
  await client.query(
    `update booking set marked_by = $2, marked_at = upper(during)
     where district_id = $1 and kind = 'booking' and state in ('used', 'no_show')`,
    [districtId, districtAdminId],
  )
}
