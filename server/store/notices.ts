/** Notices to everyone confirmed for an event, and people's subscriptions to them. SQL and row mapping only. */
import type { NoticeKind } from '@api/signup'
import type { Db } from './tx'

export interface StoredNotice {
  id: string
  kind: NoticeKind
  body: string
  sentAt: Date
  sentBy: string
  sentByNickname: string
  recipients: number
  unreachable: number
}

/**
 * Serialises the senders of one event's notices until the transaction ends (a transaction-level
 * advisory lock: the event row itself is left to sign-ups), so counting today's notices and adding
 * one is atomic across function instances.
 */
export async function lockEventNotices(db: Db, activityId: string): Promise<void> {
  await db.query("select pg_advisory_xact_lock(hashtextextended('activity_notice:' || $1::text, 0))", [activityId])
}

/** How many notices an event has had since `since`. */
export async function noticesSince(db: Db, districtId: string, activityId: string, since: Date): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'select count(*)::int as n from activity_notice where district_id = $1 and activity_id = $2 and sent_at >= $3',
    [districtId, activityId, since],
  )
  return rows[0].n
}

/** How many people are confirmed for an event. */
export async function confirmedCount(db: Db, activityId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "select count(*)::int as n from registration where activity_id = $1 and state = 'confirmed'",
    [activityId],
  )
  return rows[0].n
}

/**
 * Uses one notice grant of every confirmed person who has one: one statement. Answers their openids
 * (the people a message can reach).
 */
export async function takeNoticeGrants(db: Db, districtId: string, activityId: string, at: Date): Promise<string[]> {
  const { rows } = await db.query<{ openid: string }>(
    `with used as (
       update notice_subscription s set grants = s.grants - 1, updated_at = $3
        where s.district_id = $1 and s.activity_id = $2 and s.grants > 0
          and exists (select 1 from registration r
                       where r.activity_id = $2 and r.user_id = s.user_id and r.state = 'confirmed')
        returning s.user_id)
     select u.openid from used join app_user u on u.id = used.user_id order by u.openid`,
    [districtId, activityId, at],
  )
  return rows.map((r) => r.openid)
}

export async function insertNotice(
  db: Db,
  n: {
    districtId: string
    activityId: string
    sentBy: string
    sentAt: Date
    kind: NoticeKind
    body: string
    recipients: number
    unreachable: number
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into activity_notice (district_id, activity_id, sent_by, sent_at, kind, body, recipients, unreachable)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [n.districtId, n.activityId, n.sentBy, n.sentAt, n.kind, n.body, n.recipients, n.unreachable],
  )
  return rows[0].id
}

/** An event's notices, newest first (a handful a day at most). */
export async function noticesOf(db: Db, districtId: string, activityId: string, take = 100): Promise<StoredNotice[]> {
  const { rows } = await db.query<{
    id: string
    kind: NoticeKind
    body: string
    sent_at: Date
    sent_by: string
    nickname: string
    recipients: number
    unreachable: number
  }>(
    `select n.id, n.kind, n.body, n.sent_at, n.sent_by, u.nickname, n.recipients, n.unreachable
       from activity_notice n join app_user u on u.id = n.sent_by
      where n.district_id = $1 and n.activity_id = $2
      order by n.sent_at desc, n.id desc limit $3`,
    [districtId, activityId, take],
  )
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    body: r.body,
    sentAt: r.sent_at,
    sentBy: r.sent_by,
    sentByNickname: r.nickname,
    recipients: r.recipients,
    unreachable: r.unreachable,
  }))
}

/** Adds one notice grant for a person and an event (at most 10 kept). */
export async function addNoticeGrant(
  db: Db,
  districtId: string,
  activityId: string,
  userId: string,
  at: Date,
): Promise<void> {
  await db.query(
    `insert into notice_subscription (district_id, activity_id, user_id, grants, updated_at)
     values ($1, $2, $3, 1, $4)
     on conflict (district_id, activity_id, user_id)
     do update set grants = least(notice_subscription.grants + 1, 10), updated_at = excluded.updated_at`,
    [districtId, activityId, userId, at],
  )
}

/** Whether a person holds a place or waits for one in an event. */
export async function hasActiveRegistration(db: Db, activityId: string, userId: string): Promise<boolean> {
  const { rows } = await db.query(
    "select 1 from registration where activity_id = $1 and user_id = $2 and state in ('applied', 'pending', 'offered', 'confirmed', 'waitlisted')",
    [activityId, userId],
  )
  return rows.length > 0
}
