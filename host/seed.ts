/**
 * Demo data from the seeds (seed 003, Runzhou youth work committee): the district, six member
 * units, the activity categories, three demo people, and a year of activities — the annual
 * plan spread over the current year in Asia/Shanghai, plus a few placed around "now" so the
 * home list always shows something open, upcoming and ongoing. Runs once, on an empty database.
 */
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'
import type { Pool } from 'pg'
import { seedRatings } from './seed-ratings'
import { seedVenues } from './seed-venues'
import { seedSurveys } from './seed-surveys'
import { seedWishes } from './seed-wishes'
import { seedHonours } from './seed-honours'
import { seedScores } from './seed-scores'
import { seedStars } from './seed-stars'
import { seedYouthGroups } from './seed-youth-groups'

dayjs.extend(utc)
dayjs.extend(timezone)
const TZ = 'Asia/Shanghai'

export const DEMO_DISTRICT = { id: 'runzhou', name: '润州区青年工作委员会' }

export const DEMO_PEOPLE = {
  youth: { openid: 'dev:youth', nickname: '李青（青年）' },
  organiser: { openid: 'dev:organiser', nickname: '陆斌（邮政团委）' },
  district_admin: { openid: 'dev:district_admin', nickname: '杨帆（团区委）' },
} as const

export const DEMO_CATEGORIES = [
  { code: 'tree_planting', name: '植树/公益林', hours: true },
  { code: 'social_mixer', name: '交友联谊', hours: false },
  { code: 'reading_club', name: '读书会', hours: false },
  { code: 'job_shadowing', name: '岗位见习', hours: false },
  { code: 'startup_salon', name: '创业沙龙', hours: false },
  { code: 'sports_culture', name: '文体活动', hours: false },
  { code: 'volunteer_service', name: '志愿服务', hours: true },
  { code: 'study_exchange', name: '学习交流', hours: false },
] as const

type CategoryCode = (typeof DEMO_CATEGORIES)[number]['code']

export const DEMO_UNITS = [
  {
    key: 'post',
    name: '中国邮政镇江分公司团委',
    kind: 'state_owned',
    contact: '陆斌',
    place: '邮政大楼三楼青年之家',
    address: '镇江市润州区中山西路',
    lat: 32.2043,
    lng: 119.4312,
  },
  {
    key: 'mobile',
    name: '中国移动镇江分公司团委',
    kind: 'state_owned',
    contact: '刘爱浩',
    place: '移动公司职工活动中心',
    address: '镇江市润州区南徐大道',
    lat: 32.1865,
    lng: 119.4129,
  },
  {
    key: 'ruixiang',
    name: '瑞祥科技集团团委',
    kind: 'new_economy',
    contact: '陈烨桦',
    place: '瑞祥科技园报告厅',
    address: '镇江市润州区官塘桥路',
    lat: 32.1952,
    lng: 119.3987,
  },
  {
    key: 'lawfirm',
    name: '江苏南昆仑律师事务所团支部',
    kind: 'new_economy',
    contact: '李敏',
    place: '南昆仑律所会议室',
    address: '镇江市润州区黄山南路',
    lat: 32.1921,
    lng: 119.4356,
  },
  {
    key: 'chaoyang',
    name: '南山街道朝阳社区团支部',
    kind: 'community',
    contact: '张傲雍',
    place: '朝阳社区党群服务中心',
    address: '镇江市润州区南山街道',
    lat: 32.1718,
    lng: 119.4425,
  },
  {
    key: 'huadian',
    name: '华电句容发电公司团委',
    kind: 'state_owned',
    contact: '汪明灿',
    place: '华电青年创新工作室',
    address: '镇江市句容市下蜀镇',
    lat: 32.2261,
    lng: 119.2553,
  },
] as const

type UnitKey = (typeof DEMO_UNITS)[number]['key']

interface PlannedActivity {
  unit: UnitKey
  category: CategoryCode
  title: string
  month: number
  day: number
  hour: number
  hours: number
  capacity: number
  place?: string
  description: string
}

// The year's list: every unit leads several activities; months rotate between units.
const ANNUAL_PLAN: PlannedActivity[] = [
  {
    unit: 'post',
    category: 'reading_club',
    title: '新春读书分享会',
    month: 1,
    day: 18,
    hour: 14,
    hours: 2,
    capacity: 40,
    description: '围绕年度好书分享读书心得，现场交换图书。',
  },
  {
    unit: 'mobile',
    category: 'sports_culture',
    title: '青年羽毛球友谊赛',
    month: 2,
    day: 25,
    hour: 14,
    hours: 3,
    capacity: 48,
    description: '移动公司开放 3 片羽毛球场地，各成员单位组队参赛，以球会友。',
  },
  {
    unit: 'post',
    category: 'tree_planting',
    title: '润州青年公益林植树',
    month: 3,
    day: 10,
    hour: 9,
    hours: 3,
    capacity: 120,
    place: '南山街道朝阳社区青年公益林',
    description: '在小区周边 2000 多平方米的空地种下桂花树和樱花树苗。请穿运动鞋，工具由社区提供。',
  },
  {
    unit: 'chaoyang',
    category: 'volunteer_service',
    title: '社区环境清洁志愿行动',
    month: 3,
    day: 28,
    hour: 9,
    hours: 2.5,
    capacity: 60,
    description: '清理公益林周边绿地，补种补栽，记录志愿服务时长。',
  },
  {
    unit: 'huadian',
    category: 'social_mixer',
    title: '“青春有约”单身青年交友联谊',
    month: 4,
    day: 19,
    hour: 14,
    hours: 4,
    capacity: 80,
    place: '南山风景区游客中心',
    description: '面向成员单位单身青年的户外联谊活动，男女比例均衡，需报名审核。',
  },
  {
    unit: 'ruixiang',
    category: 'startup_salon',
    title: '青年创业沙龙：数字化转型',
    month: 5,
    day: 16,
    hour: 14,
    hours: 2.5,
    capacity: 50,
    description: '邀请创业导师分享企业数字化实践，现场答疑与项目路演。',
  },
  {
    unit: 'lawfirm',
    category: 'study_exchange',
    title: '青年普法讲堂：劳动合同那些事',
    month: 5,
    day: 30,
    hour: 15,
    hours: 2,
    capacity: 60,
    description: '律师讲解青年求职就业中常见的劳动法律问题。',
  },
  {
    unit: 'ruixiang',
    category: 'job_shadowing',
    title: '暑期大学生岗位见习开营',
    month: 7,
    day: 6,
    hour: 9,
    hours: 6,
    capacity: 30,
    description: '面向在镇大学生的岗位见习，体验研发、运营、市场等岗位。',
  },
  {
    unit: 'mobile',
    category: 'volunteer_service',
    title: '“数字助老”志愿服务',
    month: 8,
    day: 15,
    hour: 9,
    hours: 3,
    capacity: 30,
    place: '朝阳社区党群服务中心',
    description: '教社区老人使用智能手机、防范电信诈骗。',
  },
  {
    unit: 'post',
    category: 'social_mixer',
    title: '七夕青年交友联谊',
    month: 8,
    day: 22,
    hour: 18,
    hours: 3,
    capacity: 100,
    description: '七夕主题联谊，破冰游戏与手工体验。',
  },
  {
    unit: 'lawfirm',
    category: 'reading_club',
    title: '法治读书会：《法治的细节》',
    month: 9,
    day: 20,
    hour: 14,
    hours: 2,
    capacity: 30,
    description: '共读一本书，聊聊身边的法治故事。',
  },
  {
    unit: 'chaoyang',
    category: 'sports_culture',
    title: '社区青年中秋游园会',
    month: 10,
    day: 3,
    hour: 18,
    hours: 3,
    capacity: 150,
    description: '猜灯谜、做月饼，邀请社区青年和成员单位青年共度中秋。',
  },
  {
    unit: 'huadian',
    category: 'study_exchange',
    title: '青年创新工作室开放日',
    month: 10,
    day: 25,
    hour: 9,
    hours: 3,
    capacity: 40,
    description: '参观青年创新工作室，交流技术创新成果。',
  },
  {
    unit: 'ruixiang',
    category: 'reading_club',
    title: '冬日读书会：科技与人文',
    month: 12,
    day: 13,
    hour: 14,
    hours: 2,
    capacity: 40,
    description: '年度最后一期读书会，分享科技与人文主题好书。',
  },
  {
    unit: 'huadian',
    category: 'tree_planting',
    title: '青年公益林冬季养护',
    month: 12,
    day: 20,
    hour: 9,
    hours: 3,
    capacity: 60,
    place: '南山街道朝阳社区青年公益林',
    description: '为公益林树苗培土、防寒包扎，记录志愿服务时长。',
  },
  {
    unit: 'mobile',
    category: 'startup_salon',
    title: '青年创业沙龙：5G 与新消费',
    month: 12,
    day: 27,
    hour: 14,
    hours: 2.5,
    capacity: 50,
    description: '探讨 5G 应用与新消费场景下的青年创业机会。',
  },
]

// Lines of the annual list with no event yet: some will show as overdue, some as planned.
const PLAN_ONLY_LINES: {
  unit: UnitKey
  category: CategoryCode
  title: string
  month: number
  targetCommunity: string | null
}[] = [
  { unit: 'huadian', category: 'reading_club', title: '青年读书会：能源与未来', month: 6, targetCommunity: null },
  {
    unit: 'lawfirm',
    category: 'volunteer_service',
    title: '社区法律咨询志愿服务',
    month: 11,
    targetCommunity: '南山街道朝阳社区',
  },
  {
    unit: 'chaoyang',
    category: 'social_mixer',
    title: '社区青年新春联谊会',
    month: 12,
    targetCommunity: '南山街道朝阳社区',
  },
]

// Placed relative to "now", so the home list always shows each phase whatever the date.
interface RelativeActivity extends Omit<PlannedActivity, 'month' | 'day' | 'hour'> {
  startInHours: number
  /** Future events start at this Shanghai hour on the day `startInHours` falls on (a card reads "周六 19:00–21:00", never across midnight). */
  atHour?: number
  signupOpensInHours: number
  signupClosesInHours: number
  /** Whether it fulfils a line of this year's list (one is added for it). */
  onPlan?: boolean
  /** The demo young person (李青) holds a confirmed place: something to check in to right away. */
  withDemoYouth?: boolean
}

const AROUND_NOW: RelativeActivity[] = [
  {
    unit: 'post',
    category: 'tree_planting',
    title: '邮政青年志愿林补植',
    startInHours: 0,
    hours: 3,
    signupOpensInHours: -24 * 7,
    signupClosesInHours: -2,
    capacity: 40,
    withDemoYouth: true,
    place: '南山街道朝阳社区青年公益林',
    description: '为青年公益林补植树苗、浇水培土。现场扫码签到签退，记录志愿服务时长。',
  },
  {
    unit: 'chaoyang',
    category: 'volunteer_service',
    title: '社区图书角整理',
    startInHours: -1,
    hours: 3,
    signupOpensInHours: -24 * 10,
    signupClosesInHours: -24,
    capacity: 20,
    description: '整理社区图书角，登记新捐赠的图书。',
  },
  {
    unit: 'post',
    category: 'reading_club',
    title: '青年读书会：《平凡的世界》',
    onPlan: true,
    atHour: 19,
    startInHours: 24 * 5 + 6,
    hours: 2,
    signupOpensInHours: -24 * 3,
    signupClosesInHours: 24 * 4,
    capacity: 30,
    description: '共读路遥的《平凡的世界》，每人准备一段最打动自己的文字。',
  },
  {
    unit: 'mobile',
    category: 'social_mixer',
    title: '“遇见”青年交友联谊·冬季专场',
    onPlan: true,
    atHour: 14,
    startInHours: 24 * 9 + 8,
    hours: 3,
    signupOpensInHours: -24,
    signupClosesInHours: 24 * 7,
    capacity: 100,
    description: '成员单位单身青年冬季联谊，手作体验与团队游戏。',
  },
  {
    unit: 'ruixiang',
    category: 'job_shadowing',
    title: '寒假岗位见习招募',
    atHour: 9,
    startInHours: 24 * 30,
    hours: 6,
    signupOpensInHours: 24 * 7,
    signupClosesInHours: 24 * 25,
    capacity: 25,
    description: '寒假期间面向大学生的岗位见习，报名将于下周开放。',
  },
  {
    unit: 'lawfirm',
    category: 'startup_salon',
    title: '青年创业者法律沙龙',
    atHour: 19,
    startInHours: 24 * 3 + 7,
    hours: 2,
    signupOpensInHours: -24 * 7,
    signupClosesInHours: 24 * 2,
    capacity: 12,
    description: '股权设计、合同风险与知识产权保护，小班讨论。',
  },
]

export async function seedIfEmpty(pool: Pool, now = new Date()): Promise<boolean> {
  const client = await pool.connect()
  try {
    await client.query('begin')
    // Serialise concurrent first starts; the district row doubles as the "seeded" marker.
    await client.query('lock table district in exclusive mode')
    const existing = await client.query('select 1 from district limit 1')
    if (existing.rowCount) {
      await client.query('rollback')
      return false
    }
    await client.query('insert into district (id, name) values ($1, $2)', [DEMO_DISTRICT.id, DEMO_DISTRICT.name])
    for (const [i, c] of DEMO_CATEGORIES.entries()) {
      await client.query(
        'insert into activity_category (code, name, sort_order, awards_service_hours) values ($1, $2, $3, $4) on conflict (code) do nothing',
        [c.code, c.name, i + 1, c.hours],
      )
    }
    const userIds: Record<string, string> = {}
    for (const [persona, p] of Object.entries(DEMO_PEOPLE)) {
      const r = await client.query<{ id: string }>(
        'insert into app_user (openid, nickname) values ($1, $2) on conflict (openid) do update set nickname = excluded.nickname returning id',
        [p.openid, p.nickname],
      )
      userIds[persona] = r.rows[0].id
    }
    // The demo young person has bound a phone (sign-ups need one) but not given a real name, so
    // signing up for a mixer or a volunteer-hours event asks for it; a newcomer is asked for both.
    await client.query("update app_user set phone = '13805110001', phone_verified_at = now() where id = $1", [
      userIds.youth,
    ])
    await client.query('insert into district_admin (district_id, user_id) values ($1, $2)', [
      DEMO_DISTRICT.id,
      userIds.district_admin,
    ])
    // A pool of young people who have signed up for the demo events.
    const demoYouth: string[] = []
    for (let i = 0; i < 120; i++) {
      const name = SURNAMES[i % SURNAMES.length] + GIVEN_NAMES[(i * 7) % GIVEN_NAMES.length]
      const r = await client.query<{ id: string }>(
        `insert into app_user (openid, nickname, real_name, phone, phone_verified_at, gender, birth_date, league_member)
         values ($1, $2, $2, $3, now(), $4, $5, $6) returning id`,
        [
          `dev:demo-${String(i + 1).padStart(3, '0')}`,
          name,
          `1380511${String(2000 + i).padStart(4, '0')}`,
          i % 2 ? '女' : '男',
          `${1992 + (i % 12)}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`,
          i % 3 !== 0,
        ],
      )
      demoYouth.push(r.rows[0].id)
    }
    const unitIds = {} as Record<UnitKey, string>
    for (const [i, u] of DEMO_UNITS.entries()) {
      const r = await client.query<{ id: string }>(
        `insert into org_unit (district_id, name, kind, intro, contact_name, contact_phone, status, reviewed_by, reviewed_at)
         values ($1, $2, $3, $4, $5, $6, 'admitted', $7, $8) returning id`,
        [
          DEMO_DISTRICT.id,
          u.name,
          u.kind,
          `${u.name}是润州区青年工作委员会成员单位。`,
          u.contact,
          `1390511${String(1000 + i * 37).padStart(4, '0')}`,
          userIds.district_admin,
          now,
        ],
      )
      unitIds[u.key] = r.rows[0].id
    }
    await client.query("insert into unit_member (unit_id, user_id, role) values ($1, $2, 'admin')", [
      unitIds.post,
      userIds.organiser,
    ])
    // An application waiting for the district admin.
    const applicant = await client.query<{ id: string }>(
      "insert into app_user (openid, nickname) values ('dev:applicant', '王老师（一中团委）') on conflict (openid) do update set nickname = excluded.nickname returning id",
    )
    await client.query(
      `insert into org_unit (district_id, name, kind, intro, contact_name, contact_phone, applicant_id, status)
       values ($1, '镇江市第一中学团委', 'school', '高中团委，希望组织学生参与社区志愿服务和读书会。', '王老师', '13905112233', $2, 'pending')`,
      [DEMO_DISTRICT.id, applicant.rows[0].id],
    )

    // The year's annual list, published; each planned activity fulfils its line.
    const year = dayjs(now).tz(TZ).year()
    await client.query(
      "insert into annual_plan (district_id, year, status, published_at) values ($1, $2, 'published', $3)",
      [DEMO_DISTRICT.id, year, dayjs.tz(`${year}-02-21 10:00`, TZ).toDate()],
    )
    const addLine = async (
      unit: UnitKey,
      category: CategoryCode,
      title: string,
      month: number,
      targetCommunity: string | null = null,
    ) =>
      (
        await client.query<{ id: string }>(
          `insert into plan_line (district_id, year, unit_id, category, title, planned_month, target_community)
         values ($1, $2, $3, $4, $5, $6, $7) returning id`,
          [DEMO_DISTRICT.id, year, unitIds[unit], category, title, month, targetCommunity],
        )
      ).rows[0].id
    for (const extra of PLAN_ONLY_LINES)
      await addLine(extra.unit, extra.category, extra.title, extra.month, extra.targetCommunity)

    const rows = [
      ...ANNUAL_PLAN.map((a) => {
        const start = dayjs.tz(`${year}-${pad(a.month)}-${pad(a.day)} ${pad(a.hour)}:00`, TZ)
        return {
          ...a,
          start,
          opens: start.subtract(14, 'day'),
          closes: start.subtract(1, 'day'),
          onPlan: true,
          withDemoYouth: false,
        }
      }),
      ...AROUND_NOW.map((a) => {
        // Whole hours read naturally on a card.
        const hour = dayjs(now).startOf('hour')
        return {
          ...a,
          start:
            a.atHour === undefined
              ? hour.add(a.startInHours, 'hour')
              : hour.add(a.startInHours, 'hour').tz(TZ).startOf('day').hour(a.atHour),
          opens: hour.add(a.signupOpensInHours, 'hour'),
          closes: hour.add(a.signupClosesInHours, 'hour'),
          onPlan: a.onPlan ?? false,
          withDemoYouth: a.withDemoYouth ?? false,
        }
      }),
    ]
    let demoYouthServed = false
    for (const a of rows) {
      const unit = DEMO_UNITS.find((u) => u.key === a.unit)!
      const end = a.start.add(a.hours * 60, 'minute')
      const startYm = a.start.tz(TZ)
      const lineId =
        a.onPlan && startYm.year() === year ? await addLine(a.unit, a.category, a.title, startYm.month() + 1) : null
      const category = DEMO_CATEGORIES.find((c) => c.code === a.category)!
      const place = a.place ?? unit.place
      // A plausible fill level for the demo, held by real registrations of demo people.
      const ended = end.toDate() <= now
      // The first finished event that awards hours: the demo young person was there too.
      const youthWasThere = ended && category.hours && !demoYouthServed
      if (youthWasThere) demoYouthServed = true
      const withYouth = a.withDemoYouth || youthWasThere
      const taken = Math.floor(a.capacity * ((a.title.length % 5) / 5)) + (withYouth ? 1 : 0)
      const inserted = await client.query<{ id: string }>(
        `insert into activity (district_id, unit_id, category, title, description, place_name, place_address, contact,
           start_at, end_at, signup_opens_at, signup_closes_at, capacity, seats_taken, plan_line_id, records_service_hours,
           latitude, longitude, published_at, search_text, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) returning id`,
        [
          DEMO_DISTRICT.id,
          unitIds[a.unit],
          a.category,
          a.title,
          a.description,
          place,
          unit.address,
          `${unit.contact} 0511-8${String(a.capacity).padStart(3, '0')}1234`,
          a.start.toDate(),
          end.toDate(),
          a.opens.toDate(),
          a.closes.toDate(),
          a.capacity,
          taken,
          lineId,
          category.hours,
          unit.lat,
          unit.lng,
          a.opens.subtract(3, 'day').toDate(),
          `${a.title} ${place} ${unit.name}`,
          userIds.organiser,
        ],
      )
      const activityId = inserted.rows[0].id
      await client.query("insert into signup_quota (activity_id, key, capacity, taken) values ($1, '', $2, $3)", [
        activityId,
        a.capacity,
        taken,
      ])
      if (withYouth) {
        await client.query(
          "insert into registration (activity_id, user_id, quota_key, state, created_at, updated_at) values ($1, $2, '', $3, $4, $4)",
          [activityId, userIds.youth, ended ? 'attended' : 'confirmed', a.opens.toDate()],
        )
      }
      for (let i = 0; i < taken - (withYouth ? 1 : 0); i++) {
        // Past events: most came, a few did not (the attendance record the sign-up rules read).
        const state = ended ? (i % 9 === 4 ? 'no_show' : 'attended') : 'confirmed'
        await client.query(
          `insert into registration (activity_id, user_id, quota_key, state, created_at, updated_at)
           values ($1, $2, '', $3, $4, $4)`,
          [activityId, demoYouth[(i + a.title.length) % demoYouth.length], state, a.opens.add(i, 'minute').toDate()],
        )
      }
      if (ended && category.hours) {
        // Finished volunteer events: their hours were closed and confirmed, so 我的时长 and the
        // district's report have something to show.
        await client.query(
          `insert into service_hours (activity_id, registration_id, user_id, day, minutes, hours, status, decided_by, decided_at)
           select $1, r.id, r.user_id, ($2::timestamptz at time zone 'Asia/Shanghai')::date, $3, $4, 'approved', $5, $6
           from registration r where r.activity_id = $1 and r.state = 'attended'`,
          [activityId, a.start.toDate(), a.hours * 60, Math.floor(a.hours * 2) / 2, userIds.organiser, end.toDate()],
        )
        await client.query('update activity set hours_closed_at = $2 where id = $1', [activityId, end.toDate()])
      }
    }
    await seedVenues(client, {
      districtId: DEMO_DISTRICT.id,
      unitIds,
      organiserId: userIds.organiser,
      districtAdminId: userIds.district_admin,
      now,
    })
    await seedRatings(client, { districtId: DEMO_DISTRICT.id, demoYouthId: userIds.youth, now })
    await seedSurveys(client, {
      districtId: DEMO_DISTRICT.id,
      year,
      districtAdminId: userIds.district_admin,
      youthIds: demoYouth,
      now,
    })
    await seedWishes(client, {
      districtId: DEMO_DISTRICT.id,
      year,
      postUnitId: unitIds.post,
      youthId: userIds.youth,
      organiserId: userIds.organiser,
      demoYouth,
      now,
    })
    await seedYouthGroups(client, {
      districtId: DEMO_DISTRICT.id,
      leaderId: demoYouth[0],
      districtAdminId: userIds.district_admin,
      now,
    })
    await seedHonours(client, {
      districtId: DEMO_DISTRICT.id,
      year,
      postUnitId: unitIds.post,
      organiserId: userIds.organiser,
      districtAdminId: userIds.district_admin,
      now,
    })
    await seedStars(client, {
      districtId: DEMO_DISTRICT.id,
      year,
      postUnitId: unitIds.post,
      youthId: userIds.youth,
      organiserId: userIds.organiser,
      now,
    })
    await seedScores(client, { districtId: DEMO_DISTRICT.id, year, districtAdminId: userIds.district_admin, now })
    await client.query('commit')
    return true
  } catch (err) {
    await client.query('rollback').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '朱', '马', '胡']
const GIVEN_NAMES = [
  '晓东',
  '欣怡',
  '子涵',
  '浩然',
  '雨桐',
  '思远',
  '佳琪',
  '俊杰',
  '梓萱',
  '一鸣',
  '诗雨',
  '宇航',
  '若曦',
  '天佑',
  '可馨',
  '明轩',
]
