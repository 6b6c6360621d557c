/**
 * Everything held about one person (my data), and the one place that wipes it (account deletion).
 * SQL and camelCase row mapping only: what is shown, kept or refused is decided in server/app/session.
 */
import type { EntryKind, EntryStatus } from '@contract/hours'
import type { UnitStatus } from '@contract/org'
import type { SurveyState } from '@contract/survey'
import type { WishState } from '@contract/wish'
import type { AnswerValue, SurveyQuestion } from '@api/survey'
import type { RegistrationState } from '@contract/signup'
import type { YouthGroupKind, YouthGroupState } from '@contract/youth-group'
import type { UnitRole } from '../domain/policy'
import { parseSettings } from './signups'
import type { Db } from './tx'

export interface PersonalRecord {
  profile: {
    nickname: string
    realName: string | null
    phone: string | null
    birthDate: string | null
    gender: string | null
    leagueMember: boolean
    idType: string | null
    createdAt: Date
    privacyVersion: string | null
    privacyAgreedAt: Date | null
    phoneVerifiedAt: Date | null
    guardian: { name: string | null; phone: string | null; consentAt: Date | null }
  }
  units: { id: string; name: string; role: UnitRole }[]
  districtAdmin: boolean
  applications: { unitName: string; status: UnitStatus; contactName: string; contactPhone: string; createdAt: Date }[]
  signups: {
    activityId: string
    title: string
    startAt: Date
    state: RegistrationState
    createdAt: Date
    answers: Record<string, string | string[]>
    /** The event's form questions, which label the answers. */
    questions: { id: string; label: string }[]
  }[]
  scans: {
    activityTitle: string
    direction: 'in' | 'out'
    method: 'site_code' | 'ticket' | 'walk_in'
    scannedAt: Date
    latitude: number | null
    longitude: number | null
  }[]
  hours: { activityTitle: string; day: string; kind: EntryKind; hours: number; status: EntryStatus }[]
  certificates: { code: string; from: string; to: string; totalHours: number; issuedAt: Date }[]
  /** Youth groups they lead (registered with the district). */
  youthGroups: { name: string; kind: YouthGroupKind; state: YouthGroupState; size: number; createdAt: Date }[]
  /** Ratings they gave after events (tags as codes). */
  ratings: {
    activityId: string
    title: string
    stars: number
    tags: string[]
    comment: string | null
    createdAt: Date
    updatedAt: Date
  }[]
  /** Their survey responses, with the survey's questions that label the answers. */
  surveyResponses: {
    surveyId: string
    title: string
    ownerUnitName: string | null
    status: SurveyState
    questions: SurveyQuestion[]
    answers: Record<string, AnswerValue>
    createdAt: Date
    updatedAt: Date
  }[]
  /** Wishes they proposed. */
  wishes: {
    id: string
    title: string
    categoryName: string
    body: string
    months: number[]
    state: WishState
    supporters: number
    createdAt: Date
  }[]
  /** Wishes they added 想参加 to. */
  wishSupports: { wishId: string; title: string; state: WishState; createdAt: Date }[]
}

/** The privacy consent a person last gave. */
export async function privacyConsentOf(
  db: Db,
  userId: string,
): Promise<{ version: string | null; agreedAt: Date | null }> {
  const { rows } = await db.query<{ privacy_version: string | null; privacy_agreed_at: Date | null }>(
    'select privacy_version, privacy_agreed_at from app_user where id = $1',
    [userId],
  )
  return { version: rows[0]?.privacy_version ?? null, agreedAt: rows[0]?.privacy_agreed_at ?? null }
}

export async function recordPrivacyConsent(db: Db, userId: string, version: string, at: Date): Promise<void> {
  await db.query('update app_user set privacy_version = $2, privacy_agreed_at = $3 where id = $1', [
    userId,
    version,
    at,
  ])
}

/** Every row that is about this person, grouped. Rate-limit counters are not personal data and are left out. */
export async function personalRecord(db: Db, userId: string): Promise<PersonalRecord> {
  const [
    user,
    units,
    admin,
    applications,
    signups,
    scans,
    hours,
    certificates,
    groups,
    ratings,
    responses,
    wishes,
    supports,
  ] = await Promise.all([
    db.query<{
      nickname: string
      real_name: string | null
      phone: string | null
      birth_date: string | null
      gender: string | null
      league_member: boolean
      id_type: string | null
      created_at: Date
      privacy_version: string | null
      privacy_agreed_at: Date | null
      phone_verified_at: Date | null
      guardian_name: string | null
      guardian_phone: string | null
      guardian_consent_at: Date | null
    }>(
      `select nickname, real_name, phone, to_char(birth_date, 'YYYY-MM-DD') as birth_date, gender, league_member,
         id_type, created_at, privacy_version, privacy_agreed_at, phone_verified_at,
         guardian_name, guardian_phone, guardian_consent_at
       from app_user where id = $1`,
      [userId],
    ),
    db.query<{ id: string; name: string; role: UnitRole }>(
      `select u.id, u.name, m.role from unit_member m join org_unit u on u.id = m.unit_id
       where m.user_id = $1 order by u.name`,
      [userId],
    ),
    db.query('select 1 from district_admin where user_id = $1 limit 1', [userId]),
    db.query<{ name: string; status: UnitStatus; contact_name: string; contact_phone: string; created_at: Date }>(
      `select name, status, contact_name, contact_phone, created_at from org_unit
       where applicant_id = $1 order by created_at`,
      [userId],
    ),
    db.query<{
      activity_id: string
      title: string
      start_at: Date
      state: RegistrationState
      created_at: Date
      answers: Record<string, string | string[]>
      signup_settings: unknown
    }>(
      `select r.activity_id, a.title, a.start_at, r.state, r.created_at, r.answers, a.signup_settings
       from registration r join activity a on a.id = r.activity_id
       where r.user_id = $1 order by r.created_at`,
      [userId],
    ),
    db.query<{
      title: string
      direction: 'in' | 'out'
      method: 'site_code' | 'ticket' | 'walk_in'
      scanned_at: Date
      latitude: number | null
      longitude: number | null
    }>(
      `select a.title, s.direction, s.method, s.scanned_at, s.latitude, s.longitude
       from checkin_scan s join activity a on a.id = s.activity_id
       where s.user_id = $1 order by s.scanned_at`,
      [userId],
    ),
    db.query<{ title: string; day: string; kind: EntryKind; hours: string; status: EntryStatus }>(
      `select a.title, to_char(h.day, 'YYYY-MM-DD') as day, h.kind, h.hours, h.status
       from service_hours h join activity a on a.id = h.activity_id
       where h.user_id = $1 order by h.day, h.id`,
      [userId],
    ),
    db.query<{ code: string; period_from: string; period_to: string; total_hours: string; issued_at: Date }>(
      `select code, to_char(period_from, 'YYYY-MM-DD') as period_from, to_char(period_to, 'YYYY-MM-DD') as period_to,
         total_hours, issued_at
       from hours_certificate where user_id = $1 order by issued_at`,
      [userId],
    ),
    db.query<{ name: string; kind: YouthGroupKind; state: YouthGroupState; size: number; created_at: Date }>(
      'select name, kind, state, size, created_at from youth_group where leader_id = $1 order by created_at',
      [userId],
    ),
    db.query<{
      activity_id: string
      title: string
      stars: number
      tags: string[]
      comment: string | null
      created_at: Date
      updated_at: Date
    }>(
      `select r.activity_id, a.title, r.stars, r.tags, r.comment, r.created_at, r.updated_at
       from activity_rating r join activity a on a.id = r.activity_id
       where r.user_id = $1 order by r.created_at, r.activity_id`,
      [userId],
    ),
    db.query<{
      survey_id: string
      title: string
      unit_name: string | null
      status: SurveyState
      questions: SurveyQuestion[]
      answers: Record<string, AnswerValue>
      created_at: Date
      updated_at: Date
    }>(
      `select r.survey_id, s.title, u.name as unit_name, s.status, s.questions, r.answers, r.created_at, r.updated_at
       from survey_response r
       join survey s on s.district_id = r.district_id and s.id = r.survey_id
       left join org_unit u on u.id = s.owner_unit_id
       where r.user_id = $1 order by r.created_at, r.survey_id`,
      [userId],
    ),
    db.query<{
      id: string
      title: string
      category_name: string
      body: string
      months: number[]
      state: WishState
      supporters: number
      created_at: Date
    }>(
      `select w.id, w.title, c.name as category_name, w.body, w.months, w.state, w.supporters, w.created_at
       from wish w join activity_category c on c.code = w.category
       where w.proposer_id = $1 order by w.created_at, w.id`,
      [userId],
    ),
    db.query<{ wish_id: string; title: string; state: WishState; created_at: Date }>(
      `select s.wish_id, w.title, w.state, s.created_at
       from wish_support s join wish w on w.district_id = s.district_id and w.id = s.wish_id
       where s.user_id = $1 order by s.created_at, s.wish_id`,
      [userId],
    ),
  ])
  const u = user.rows[0]
  return {
    profile: {
      nickname: u.nickname,
      realName: u.real_name,
      phone: u.phone,
      birthDate: u.birth_date,
      gender: u.gender,
      leagueMember: u.league_member,
      idType: u.id_type,
      createdAt: u.created_at,
      privacyVersion: u.privacy_version,
      privacyAgreedAt: u.privacy_agreed_at,
      phoneVerifiedAt: u.phone_verified_at,
      guardian: { name: u.guardian_name, phone: u.guardian_phone, consentAt: u.guardian_consent_at },
    },
    units: units.rows,
    districtAdmin: admin.rows.length > 0,
    applications: applications.rows.map((r) => ({
      unitName: r.name,
      status: r.status,
      contactName: r.contact_name,
      contactPhone: r.contact_phone,
      createdAt: r.created_at,
    })),
    signups: signups.rows.map((r) => ({
      activityId: r.activity_id,
      title: r.title,
      startAt: r.start_at,
      state: r.state,
      createdAt: r.created_at,
      answers: r.answers,
      questions: parseSettings(r.signup_settings).questions.map((q) => ({ id: q.id, label: q.label })),
    })),
    scans: scans.rows.map((r) => ({
      activityTitle: r.title,
      direction: r.direction,
      method: r.method,
      scannedAt: r.scanned_at,
      latitude: r.latitude,
      longitude: r.longitude,
    })),
    hours: hours.rows.map((r) => ({
      activityTitle: r.title,
      day: r.day,
      kind: r.kind,
      hours: Number(r.hours),
      status: r.status,
    })),
    certificates: certificates.rows.map((r) => ({
      code: r.code,
      from: r.period_from,
      to: r.period_to,
      totalHours: Number(r.total_hours),
      issuedAt: r.issued_at,
    })),
    youthGroups: groups.rows.map((r) => ({
      name: r.name,
      kind: r.kind,
      state: r.state,
      size: r.size,
      createdAt: r.created_at,
    })),
    ratings: ratings.rows.map((r) => ({
      activityId: r.activity_id,
      title: r.title,
      stars: r.stars,
      tags: r.tags,
      comment: r.comment,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    })),
    surveyResponses: responses.rows.map((r) => ({
      surveyId: r.survey_id,
      title: r.title,
      ownerUnitName: r.unit_name,
      status: r.status,
      questions: r.questions,
      answers: r.answers,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    })),
    wishes: wishes.rows.map((r) => ({
      id: r.id,
      title: r.title,
      categoryName: r.category_name,
      body: r.body,
      months: r.months.map(Number),
      state: r.state,
      supporters: r.supporters,
      createdAt: r.created_at,
    })),
    wishSupports: supports.rows.map((r) => ({
      wishId: r.wish_id,
      title: r.title,
      state: r.state,
      createdAt: r.created_at,
    })),
  }
}

/** The units a person administers, with every member row of each locked (the order setRole locks in). */
export async function lockAdministeredUnits(db: Db, userId: string): Promise<{ unitId: string; unitName: string }[]> {
  const { rows } = await db.query<{ unit_id: string; name: string }>(
    `select m.unit_id, u.name from unit_member m join org_unit u on u.id = m.unit_id
     where m.user_id = $1 and m.role = 'admin' order by m.unit_id`,
    [userId],
  )
  for (const r of rows) await db.query('select 1 from unit_member where unit_id = $1 for update', [r.unit_id])
  return rows.map((r) => ({ unitId: r.unit_id, unitName: r.name }))
}

/** The districts a person administers, with every admin row of each locked. */
export async function lockAdministeredDistricts(db: Db, userId: string): Promise<string[]> {
  const { rows } = await db.query<{ district_id: string }>(
    'select district_id from district_admin where user_id = $1 order by district_id',
    [userId],
  )
  for (const r of rows)
    await db.query('select 1 from district_admin where district_id = $1 for update', [r.district_id])
  return rows.map((r) => r.district_id)
}

/** How many admins other than `userId` a unit has. */
export async function otherUnitAdmins(db: Db, unitId: string, userId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "select count(*)::int as n from unit_member where unit_id = $1 and role = 'admin' and user_id <> $2",
    [unitId, userId],
  )
  return rows[0].n
}

/** How many admins other than `userId` a district has. */
export async function otherDistrictAdmins(db: Db, districtId: string, userId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'select count(*)::int as n from district_admin where district_id = $1 and user_id <> $2',
    [districtId, userId],
  )
  return rows[0].n
}

/**
 * Closes a person's unit applications still waiting for review (nobody could become the unit's admin
 * on admission), with the reason given; the contact they typed goes with them.
 */
export async function withdrawPendingApplications(db: Db, userId: string, reason: string, at: Date): Promise<void> {
  await db.query(
    `update org_unit set status = 'rejected', review_reason = $2, reviewed_at = $3, contact_name = '', contact_phone = ''
     where applicant_id = $1 and status = 'pending'`,
    [userId, reason, at],
  )
}

/**
 * Closes the youth groups a person leads (a group answers to its leader): a pending application is
 * declined, an approved group suspended, both with the reason given; the district admin reads it.
 */
export async function closeLedYouthGroups(db: Db, userId: string, reason: string, at: Date): Promise<void> {
  await db.query(
    `update youth_group set state = case state when 'pending' then 'declined' else 'suspended' end,
       reason = $2, decided_by = null, decided_at = $3
     where leader_id = $1 and state in ('pending', 'approved')`,
    [userId, reason, at],
  )
}

/** Removes every unit membership and district admin role of a person. */
export async function removeAllMemberships(db: Db, userId: string): Promise<void> {
  await db.query('delete from unit_member where user_id = $1', [userId])
  await db.query('delete from district_admin where user_id = $1', [userId])
}

/** The person's active registrations for events that have not started yet, in activity order (the lock order). */
export async function upcomingRegistrationIds(
  db: Db,
  userId: string,
  activeStates: readonly string[],
  now: Date,
): Promise<{ id: string; activityId: string }[]> {
  const { rows } = await db.query<{ id: string; activity_id: string }>(
    `select r.id, r.activity_id from registration r join activity a on a.id = r.activity_id
     where r.user_id = $1 and r.state = any($2::text[]) and a.start_at > $3
     order by r.activity_id, r.id`,
    [userId, activeStates, now],
  )
  return rows.map((r) => ({ id: r.id, activityId: r.activity_id }))
}

/**
 * Wipes everything personal about a person, in one place; every personal column is named here
 * (add new ones here). The row stays, so approved hours and issued certificates keep an owner:
 * it keeps only `placeholderNickname` and a replaced openid, so the same WeChat user signing in
 * again is a new person. Sign-up answers, check-in locations and certificate holder names go too.
 */
export async function pseudonymiseUser(
  db: Db,
  userId: string,
  p: { newOpenid: string; placeholderNickname: string; at: Date },
): Promise<void> {
  await db.query(
    `update app_user set
       openid = $2,
       nickname = $3,
       real_name = null,
       phone = null,
       phone_verified_at = null,
       guardian_name = null,
       guardian_phone = null,
       guardian_consent_at = null,
       birth_date = null,
       gender = null,
       league_member = false,
       id_type = null,
       avatar = null,
       privacy_version = null,
       privacy_agreed_at = null,
       deleted_at = $4
     where id = $1`,
    [userId, p.newOpenid, p.placeholderNickname, p.at],
  )
  await db.query(`update registration set answers = '{}'::jsonb where user_id = $1 and answers <> '{}'::jsonb`, [
    userId,
  ])
  await db.query(
    'update checkin_scan set latitude = null, longitude = null where user_id = $1 and latitude is not null',
    [userId],
  )
  await db.query("update hours_certificate set holder_name = '' where user_id = $1", [userId])
  // Ratings stay in the anonymous counts; the words the person wrote go.
  await db.query('update activity_rating set comment = null where user_id = $1 and comment is not null', [userId])
}

/** Locks a person's row (two deletions of one account run one after the other); answers whether it was deleted. */
export async function lockUser(db: Db, userId: string): Promise<{ deleted: boolean }> {
  const { rows } = await db.query<{ deleted_at: Date | null }>(
    'select deleted_at from app_user where id = $1 for update',
    [userId],
  )
  return { deleted: rows[0]?.deleted_at != null }
}

/** The surveys a person answered, in key order (the order deletion locks them in). */
export async function responsesOf(db: Db, userId: string): Promise<{ districtId: string; surveyId: string }[]> {
  const { rows } = await db.query<{ district_id: string; survey_id: string }>(
    'select district_id, survey_id from survey_response where user_id = $1 order by district_id, survey_id',
    [userId],
  )
  return rows.map((r) => ({ districtId: r.district_id, surveyId: r.survey_id }))
}

/**
 * The person's wishes nobody else wants and no unit claimed: an open one leaves the wall (withdrawn),
 * and the words of every such wish are replaced (`placeholderTitle`, an empty description). A wish
 * someone else wants or a unit claimed stays as it is. Answers how many were retired.
 */
export async function retireUnsupportedWishes(db: Db, userId: string, placeholderTitle: string): Promise<number> {
  const { rowCount } = await db.query(
    `update wish w set state = case when w.state = 'open' then 'withdrawn' else w.state end, title = $2, body = ''
     where w.proposer_id = $1 and w.plan_line_id is null
       and not exists (select 1 from wish_support s
                       where s.district_id = w.district_id and s.wish_id = w.id and s.user_id <> w.proposer_id)`,
    [userId, placeholderTitle],
  )
  return rowCount ?? 0
}
