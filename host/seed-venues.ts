/**
 * Demo venues from the seeds: 中国移动's courts, tables, gym and yoga room (seed 003, 一卷地图), the
 * 邮政大楼三楼青年之家, 朝阳社区党群服务中心, the 律所 meeting room, and a 共营店 café run with a partner
 * (seed 004's tiers), with a week of bookings around `now`: held, used, waiting for approval, and a
 * block. Called once by seedIfEmpty inside its transaction.
 */
import type { PoolClient } from 'pg'
import { shanghaiDay } from '../server/domain/shanghai-time'
import { MINUTE_MS, addDays, dayStart, isoWeekday } from '../server/domain/venue/calendar'

type Key = 'post' | 'mobile' | 'ruixiang' | 'lawfirm' | 'chaoyang' | 'huadian'

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7]
const WEEKDAYS = [1, 2, 3, 4, 5]

interface DemoFacility {
  key: string
  kind: string
  name: string
  seats?: number
  needsApproval?: boolean
  slot?: number
  min?: number
  max?: number
}

interface DemoVenue {
  key: string
  owner: Key | null
  name: string
  tier: 'flagship' | 'functional' | 'partner' | 'unit'
  address: string
  lat: number
  lng: number
  intro: string
  contact: string
  phone: string
  hours: { days: number[]; opens: number; closes: number }[]
  facilities: DemoFacility[]
}

const h = (hour: number, minute = 0) => hour * 60 + minute

const VENUES: DemoVenue[] = [
  {
    key: 'mobile',
    owner: 'mobile',
    name: '移动公司职工活动中心',
    tier: 'unit',
    address: '镇江市润州区南徐大道',
    lat: 32.1865,
    lng: 119.4129,
    intro: '3 个羽毛球场地、2 个乒乓球台，还有健身房、瑜伽室，期待和大家以运动会友。',
    contact: '刘爱浩',
    phone: '13905111037',
    hours: [
      { days: WEEKDAYS, opens: h(18), closes: h(22) },
      { days: [6, 7], opens: h(9), closes: h(22) },
    ],
    facilities: [
      { key: 'court1', kind: 'badminton_court', name: '羽毛球场 1 号', slot: 60, min: 60, max: 180 },
      { key: 'court2', kind: 'badminton_court', name: '羽毛球场 2 号', slot: 60, min: 60, max: 180 },
      { key: 'court3', kind: 'badminton_court', name: '羽毛球场 3 号', slot: 60, min: 60, max: 180 },
      { key: 'tt1', kind: 'table_tennis', name: '乒乓球台 1 号' },
      { key: 'tt2', kind: 'table_tennis', name: '乒乓球台 2 号' },
      { key: 'gym', kind: 'gym', name: '健身房', seats: 15, slot: 60, min: 60, max: 120 },
      { key: 'yoga', kind: 'yoga_room', name: '瑜伽室', seats: 20, needsApproval: true, slot: 60, min: 60, max: 120 },
    ],
  },
  {
    key: 'post',
    owner: 'post',
    name: '邮政大楼三楼青年之家',
    tier: 'functional',
    address: '镇江市润州区中山西路 邮政大楼三楼',
    lat: 32.2043,
    lng: 119.4312,
    intro: '青年之家功能店：多功能活动室和阅览区，读书会、团课、交友联谊都在这里。',
    contact: '陆斌',
    phone: '13905111000',
    hours: [{ days: EVERY_DAY, opens: h(9), closes: h(21) }],
    facilities: [
      { key: 'room', kind: 'activity_room', name: '多功能活动室', seats: 60, needsApproval: true },
      { key: 'reading', kind: 'reading_area', name: '阅览区', seats: 20 },
    ],
  },
  {
    key: 'chaoyang',
    owner: 'chaoyang',
    name: '朝阳社区党群服务中心',
    tier: 'unit',
    address: '镇江市润州区南山街道朝阳社区',
    lat: 32.1788,
    lng: 119.4256,
    intro: '社区党群服务中心的会议室和活动室，向青工委成员单位开放。',
    contact: '周书记',
    phone: '13905111148',
    hours: [{ days: EVERY_DAY, opens: h(8, 30), closes: h(20, 30) }],
    facilities: [
      { key: 'meeting', kind: 'meeting_room', name: '会议室', seats: 30 },
      { key: 'activity', kind: 'activity_room', name: '活动室', seats: 40, needsApproval: true },
    ],
  },
  {
    key: 'lawfirm',
    owner: 'lawfirm',
    name: '南昆仑律所会议室',
    tier: 'unit',
    address: '镇江市润州区黄山南路',
    lat: 32.1921,
    lng: 119.4356,
    intro: '律所的大会议室，工作日开放，适合青年法律沙龙和小型座谈。',
    contact: '李敏',
    phone: '13905111111',
    hours: [{ days: WEEKDAYS, opens: h(9), closes: h(18) }],
    facilities: [{ key: 'meeting', kind: 'meeting_room', name: '大会议室', seats: 12, needsApproval: true }],
  },
  {
    key: 'cafe',
    owner: null,
    name: '青年之家共营店·半日闲咖啡',
    tier: 'partner',
    address: '镇江市润州区西津渡街',
    lat: 32.2163,
    lng: 119.4201,
    intro: '“不求所有、但求所用”：与咖啡馆合作的青年之家共营店，适合读书会和交友联谊。',
    contact: '杨帆',
    phone: '13905112000',
    hours: [{ days: EVERY_DAY, opens: h(10), closes: h(22) }],
    facilities: [{ key: 'space', kind: 'cafe_space', name: '二楼活动区', seats: 16, needsApproval: true, min: 60 }],
  },
]

export async function seedVenues(
  client: PoolClient,
  seed: {
    districtId: string
    unitIds: Record<Key, string>
    organiserId: string
    districtAdminId: string
    now: Date
  },
): Promise<void> {
  const { districtId, unitIds, now } = seed
  const facilityIds: Record<string, string> = {}
  for (const v of VENUES) {
    const venue = await client.query<{ id: string }>(
      `insert into venue (district_id, owner_unit_id, name, tier, address, latitude, longitude, intro, contact_name,
         contact_phone, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
      [
        districtId,
        v.owner ? unitIds[v.owner] : null,
        v.name,
        v.tier,
        v.address,
        v.lat,
        v.lng,
        v.intro,
        v.contact,
        v.phone,
        seed.districtAdminId,
      ],
    )
    const venueId = venue.rows[0].id
    for (const r of v.hours) {
      for (const weekday of r.days) {
        await client.query(
          'insert into venue_hours (district_id, venue_id, weekday, opens_min, closes_min) values ($1, $2, $3, $4, $5)',
          [districtId, venueId, weekday, r.opens, r.closes],
        )
      }
    }
    for (const f of v.facilities) {
      const slot = f.slot ?? 30
      const row = await client.query<{ id: string }>(
        `insert into facility (district_id, venue_id, kind, name, seats, needs_approval, slot_minutes, min_minutes,
           max_minutes, max_days_ahead, lead_minutes, cancel_hours)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 14, 60, 24) returning id`,
        [
          districtId,
          venueId,
          f.kind,
          f.name,
          f.seats ?? null,
          f.needsApproval ?? false,
          slot,
          f.min ?? slot,
          f.max ?? 240,
        ],
      )
      facilityIds[`${v.key}.${f.key}`] = row.rows[0].id
    }
  }

  // A week of bookings from the Monday of this Shanghai week. Units other than 邮政 have no demo
  // organiser account, so the district admin is recorded as having entered theirs.
  const today = shanghaiDay(now)
  const monday = addDays(today, 1 - isoWeekday(today))
  const at = (day: string, minutes: number) => new Date(dayStart(day).getTime() + minutes * MINUTE_MS)
  const book = async (
    facility: string,
    unit: Key,
    day: string,
    from: number,
    to: number,
    purpose: string,
    pending = false,
  ) => {
    const start = at(day, from)
    const end = at(day, to)
    if (pending && start <= now) return // a request for a past time would have lapsed
    const state = pending ? 'pending' : end <= now ? 'used' : 'approved'
    await client.query(
      `insert into booking (district_id, facility_id, unit_id, booked_by, during, purpose, state, decided_by, decided_at)
       values ($1, $2, $3, $4, tstzrange($5, $6, '[)'), $7, $8, $9, $10)`,
      [
        districtId,
        facilityIds[facility],
        unitIds[unit],
        unit === 'post' ? seed.organiserId : seed.districtAdminId,
        start,
        end,
        purpose,
        state,
        pending ? null : seed.districtAdminId,
        pending ? null : start,
      ],
    )
  }
  for (let i = 0; i < 7; i++) {
    const day = addDays(monday, i)
    const weekend = isoWeekday(day) >= 6
    await book('mobile.court1', 'ruixiang', day, h(19), h(21), '瑞祥职工羽毛球比赛训练')
    if (i % 2 === 1) await book('mobile.court2', 'post', day, h(20), h(22), '邮政青年羽毛球交流赛')
    if (weekend) await book('mobile.tt1', 'huadian', day, h(10), h(12), '华电青年乒乓球友谊赛')
    await book('post.reading', 'chaoyang', day, h(14), h(16), '社区青年读书会')
    if (isoWeekday(day) <= 5) await book('lawfirm.meeting', 'post', day, h(14), h(16), '青年创业者法律沙龙筹备会')
  }
  // Next days: requests waiting for the owners (邮政's own room for the demo organiser to approve).
  const tomorrow = addDays(today, 1)
  const inTwoDays = addDays(today, 2)
  await book('post.room', 'chaoyang', tomorrow, h(14), h(17), '社区青年交友联谊', true)
  await book('post.room', 'huadian', inTwoDays, h(9), h(11), '青年理论学习小组', true)
  await book('mobile.yoga', 'lawfirm', inTwoDays, h(19), h(20), '律所青年瑜伽体验课', true)
  await book('cafe.space', 'mobile', addDays(today, 3), h(14), h(17), '青年交友联谊下午茶', true)
  await book('chaoyang.meeting', 'post', addDays(today, 4), h(9), h(11), '邮政青年志愿服务对接会')
  // The gym closes for upkeep on Sunday evening.
  const sunday = addDays(monday, 6)
  await client.query(
    `insert into booking (district_id, facility_id, kind, unit_id, booked_by, during, purpose, state, reason)
     values ($1, $2, 'block', $3, $4, tstzrange($5, $6, '[)'), '设备保养', 'approved', '设备保养')`,
    [districtId, facilityIds['mobile.gym'], unitIds.mobile, seed.districtAdminId, at(sunday, h(18)), at(sunday, h(22))],
  )
}
