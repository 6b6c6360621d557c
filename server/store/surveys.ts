/** Surveys, their responses, running counts and text answers: SQL and row mapping only. */
import type { AnswerValue, SurveyAudience, SurveyQuestion, SurveyState } from '@api/survey'
import type { Db } from './tx'

export interface SurveyRecord {
  districtId: string
  id: string
  ownerUnitId: string | null
  /** The unit's name; null for the district's own survey. */
  ownerUnitName: string | null
  title: string
  intro: string
  questions: SurveyQuestion[]
  audience: SurveyAudience
  audienceUnitId: string | null
  audienceActivityId: string | null
  audienceName: string | null
  planYear: number | null
  status: SurveyState
  responses: number
  openedAt: Date | null
  closedAt: Date | null
  createdAt: Date
}

export interface SurveyWrite {
  title: string
  intro: string
  questions: SurveyQuestion[]
  audience: SurveyAudience
  audienceUnitId: string | null
  audienceActivityId: string | null
  planYear: number | null
}

interface SurveyRow {
  district_id: string
  id: string
  owner_unit_id: string | null
  owner_unit_name: string | null
  title: string
  intro: string
  questions: SurveyQuestion[]
  audience: SurveyAudience
  audience_unit_id: string | null
  audience_activity_id: string | null
  audience_name: string | null
  plan_year: number | null
  status: SurveyState
  responses: number
  opened_at: Date | null
  closed_at: Date | null
  created_at: Date
}

const toSurvey = (r: SurveyRow): SurveyRecord => ({
  districtId: r.district_id,
  id: r.id,
  ownerUnitId: r.owner_unit_id,
  ownerUnitName: r.owner_unit_name,
  title: r.title,
  intro: r.intro,
  questions: r.questions,
  audience: r.audience,
  audienceUnitId: r.audience_unit_id,
  audienceActivityId: r.audience_activity_id,
  audienceName: r.audience_name,
  planYear: r.plan_year,
  status: r.status,
  responses: r.responses,
  openedAt: r.opened_at,
  closedAt: r.closed_at,
  createdAt: r.created_at,
})

const SELECT = `select s.district_id, s.id, s.owner_unit_id, ou.name as owner_unit_name, s.title, s.intro, s.questions,
    s.audience, s.audience_unit_id, s.audience_activity_id, coalesce(au.name, aa.title) as audience_name,
    s.plan_year, s.status, s.opened_at, s.closed_at, s.created_at,
    coalesce((select t.count from survey_tally t where t.district_id = s.district_id and t.survey_id = s.id
              and t.question_id = '' and t.choice = ''), 0) as responses
  from survey s
  left join org_unit ou on ou.id = s.owner_unit_id
  left join org_unit au on au.id = s.audience_unit_id
  left join activity aa on aa.id = s.audience_activity_id`

export async function insertSurvey(
  db: Db,
  districtId: string,
  ownerUnitId: string | null,
  w: SurveyWrite,
  createdBy: string,
  now: Date,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into survey (district_id, owner_unit_id, title, intro, questions, audience, audience_unit_id,
       audience_activity_id, plan_year, created_by, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) returning id`,
    [
      districtId,
      ownerUnitId,
      w.title,
      w.intro,
      JSON.stringify(w.questions),
      w.audience,
      w.audienceUnitId,
      w.audienceActivityId,
      w.planYear,
      createdBy,
      now,
    ],
  )
  return rows[0].id
}

export async function updateSurvey(db: Db, districtId: string, id: string, w: SurveyWrite, now: Date): Promise<void> {
  await db.query(
    `update survey set title = $3, intro = $4, questions = $5, audience = $6, audience_unit_id = $7,
       audience_activity_id = $8, plan_year = $9, updated_at = $10
     where district_id = $1 and id = $2`,
    [
      districtId,
      id,
      w.title,
      w.intro,
      JSON.stringify(w.questions),
      w.audience,
      w.audienceUnitId,
      w.audienceActivityId,
      w.planYear,
      now,
    ],
  )
}

export async function setSurveyStatus(
  db: Db,
  districtId: string,
  id: string,
  status: 'open' | 'closed',
  now: Date,
): Promise<void> {
  await db.query(
    `update survey set status = $3, updated_at = $4,
       opened_at = case when $3 = 'open' then $4 else opened_at end,
       closed_at = case when $3 = 'closed' then $4 else closed_at end
     where district_id = $1 and id = $2`,
    [districtId, id, status, now],
  )
}

/** The survey, its names and its count of responses; `lock` takes its row (share: answering; update: changing it). */
export async function findSurvey(
  db: Db,
  districtId: string,
  id: string,
  lock: 'share' | 'update' | null = null,
): Promise<SurveyRecord | null> {
  if (lock) {
    const locked = await db.query(
      `select 1 from survey where district_id = $1 and id = $2 for ${lock === 'share' ? 'share' : 'update'}`,
      [districtId, id],
    )
    if (locked.rows.length === 0) return null
  }
  const { rows } = await db.query<SurveyRow>(`${SELECT} where s.district_id = $1 and s.id = $2`, [districtId, id])
  return rows[0] ? toSurvey(rows[0]) : null
}

/** Whether a person is in a survey's audience (district: everyone; unit: members and attendees of its events; event: its attendees). */
const IN_AUDIENCE = `(s.audience = 'district'
   or (s.audience = 'unit' and (
         exists (select 1 from unit_member m where m.unit_id = s.audience_unit_id and m.user_id = $2)
      or exists (select 1 from registration r join activity a on a.id = r.activity_id
                 where a.unit_id = s.audience_unit_id and r.user_id = $2 and r.state = 'attended')))
   or (s.audience = 'event' and exists (select 1 from registration r
                 where r.activity_id = s.audience_activity_id and r.user_id = $2 and r.state = 'attended')))`

export async function inAudience(db: Db, districtId: string, surveyId: string, userId: string): Promise<boolean> {
  const { rows } = await db.query(`select 1 from survey s where s.district_id = $1 and s.id = $3 and ${IN_AUDIENCE}`, [
    districtId,
    userId,
    surveyId,
  ])
  return rows.length > 0
}

export interface ListedSurvey extends SurveyRecord {
  answered: boolean
}

/**
 * Surveys for one of three lists: `answer` (open ones whose audience I am in, and any I answered),
 * `manage` (the district's, or those of `ownerUnitIds`), `plan` (a year's list's, not drafts).
 */
export async function listSurveys(
  db: Db,
  districtId: string,
  userId: string,
  scope:
    | { kind: 'answer' }
    | { kind: 'manage'; ownerUnitIds: string[] | null }
    | { kind: 'plan'; year: number; includeDrafts: boolean },
): Promise<ListedSurvey[]> {
  const answered = `exists (select 1 from survey_response sr where sr.district_id = s.district_id
                             and sr.survey_id = s.id and sr.user_id = $2)`
  const params: unknown[] = [districtId, userId]
  let where: string
  if (scope.kind === 'answer') where = `((s.status = 'open' and ${IN_AUDIENCE}) or ${answered})`
  else if (scope.kind === 'manage') {
    params.push(scope.ownerUnitIds)
    where = '($3::uuid[] is null or s.owner_unit_id = any($3::uuid[]))'
  } else {
    params.push(scope.year, scope.includeDrafts)
    where = "s.plan_year = $3 and ($4 or s.status <> 'draft')"
  }
  const { rows } = await db.query<SurveyRow & { answered: boolean }>(
    `${SELECT.replace('select ', `select ${answered} as answered, `)}
     where s.district_id = $1 and ${where}
     order by (s.status = 'open') desc, s.created_at desc, s.id limit 200`,
    params,
  )
  return rows.map((r) => ({ ...toSurvey(r), answered: r.answered }))
}

/** The unit an event belongs to (and its district), for an event audience. */
export async function activityOwner(
  db: Db,
  activityId: string,
): Promise<{ unitId: string; districtId: string } | null> {
  const { rows } = await db.query<{ unit_id: string; district_id: string }>(
    'select unit_id, district_id from activity where id = $1',
    [activityId],
  )
  return rows[0] ? { unitId: rows[0].unit_id, districtId: rows[0].district_id } : null
}

export async function unitInDistrict(db: Db, districtId: string, unitId: string): Promise<boolean> {
  const { rows } = await db.query('select 1 from org_unit where id = $1 and district_id = $2', [unitId, districtId])
  return rows.length > 0
}

export async function planExists(db: Db, districtId: string, year: number): Promise<boolean> {
  const { rows } = await db.query('select 1 from annual_plan where district_id = $1 and year = $2', [districtId, year])
  return rows.length > 0
}

/** My response's answers, locked for the change (null: none yet). */
export async function findResponse(
  db: Db,
  districtId: string,
  surveyId: string,
  userId: string,
  forUpdate = false,
): Promise<Record<string, AnswerValue> | null> {
  const { rows } = await db.query<{ answers: Record<string, AnswerValue> }>(
    `select answers from survey_response where district_id = $1 and survey_id = $2 and user_id = $3${forUpdate ? ' for update' : ''}`,
    [districtId, surveyId, userId],
  )
  return rows[0]?.answers ?? null
}

/** Inserts my first response; false when one already exists (a concurrent first answer won). */
export async function insertResponse(
  db: Db,
  districtId: string,
  surveyId: string,
  userId: string,
  answers: Record<string, AnswerValue>,
  now: Date,
): Promise<boolean> {
  const { rows } = await db.query(
    `insert into survey_response (district_id, survey_id, user_id, answers, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $5) on conflict do nothing returning 1`,
    [districtId, surveyId, userId, JSON.stringify(answers), now],
  )
  return rows.length > 0
}

export async function updateResponse(
  db: Db,
  districtId: string,
  surveyId: string,
  userId: string,
  answers: Record<string, AnswerValue>,
  now: Date,
): Promise<void> {
  await db.query(
    `update survey_response set answers = $4, updated_at = $5 where district_id = $1 and survey_id = $2 and user_id = $3`,
    [districtId, surveyId, userId, JSON.stringify(answers), now],
  )
}

/**
 * Creates the zero counts of an opened survey: one row per (question, option | scale value), the
 * question's "answered" row and the responses row. Answers then only update rows that exist.
 */
export async function createTallyRows(
  db: Db,
  districtId: string,
  surveyId: string,
  keys: readonly { questionId: string; choice: string }[],
): Promise<void> {
  await db.query(
    `insert into survey_tally (district_id, survey_id, question_id, choice, count)
     select $1, $2, k.q, k.c, 0 from unnest($3::text[], $4::text[]) as k(q, c)
     on conflict do nothing`,
    [districtId, surveyId, keys.map((k) => k.questionId), keys.map((k) => k.choice)],
  )
}

/**
 * Adds the differences to the running counts: the rows are locked in key order first (so two
 * people changing the same options never wait on each other in a circle), then updated.
 */
export async function applyTally(
  db: Db,
  districtId: string,
  surveyId: string,
  deltas: readonly { questionId: string; choice: string; delta: number }[],
): Promise<void> {
  if (deltas.length === 0) return
  const params = [
    districtId,
    surveyId,
    deltas.map((d) => d.questionId),
    deltas.map((d) => d.choice),
    deltas.map((d) => d.delta),
  ]
  await db.query(
    `select 1 from survey_tally t
     where t.district_id = $1 and t.survey_id = $2
       and (t.question_id, t.choice) in (select q, c from unnest($3::text[], $4::text[]) as d(q, c))
     order by t.question_id, t.choice for update`,
    params.slice(0, 4),
  )
  await db.query(
    `update survey_tally t set count = t.count + d.n
     from unnest($3::text[], $4::text[], $5::int[]) as d(q, c, n)
     where t.district_id = $1 and t.survey_id = $2 and t.question_id = d.q and t.choice = d.c`,
    params,
  )
}

/** Replaces my text answers with `texts` (a text kept in place keeps its place in the list). */
export async function replaceTextAnswers(
  db: Db,
  districtId: string,
  surveyId: string,
  userId: string,
  texts: readonly { questionId: string; body: string }[],
): Promise<void> {
  await db.query(
    `delete from survey_text_answer where district_id = $1 and survey_id = $2 and user_id = $3
       and not (question_id = any($4::text[]))`,
    [districtId, surveyId, userId, texts.map((t) => t.questionId)],
  )
  if (texts.length === 0) return
  await db.query(
    `insert into survey_text_answer (district_id, survey_id, question_id, user_id, body)
     select $1, $2, t.q, $3, t.b from unnest($4::text[], $5::text[]) as t(q, b)
     on conflict (district_id, survey_id, question_id, user_id) do update set body = excluded.body`,
    [districtId, surveyId, userId, texts.map((t) => t.questionId), texts.map((t) => t.body)],
  )
}

export async function tallyRows(
  db: Db,
  districtId: string,
  surveyId: string,
): Promise<{ questionId: string; choice: string; count: number }[]> {
  const { rows } = await db.query<{ question_id: string; choice: string; count: number }>(
    'select question_id, choice, count from survey_tally where district_id = $1 and survey_id = $2',
    [districtId, surveyId],
  )
  return rows.map((r) => ({ questionId: r.question_id, choice: r.choice, count: r.count }))
}

/** One page of a question's text answers after `after` (a sort key), without authors. */
export async function textAnswerPage(
  db: Db,
  districtId: string,
  surveyId: string,
  questionId: string,
  after: string | null,
  limit: number,
): Promise<{ body: string; sortKey: string }[]> {
  const { rows } = await db.query<{ body: string; sort_key: string }>(
    `select body, sort_key from survey_text_answer
     where district_id = $1 and survey_id = $2 and question_id = $3 and ($4::uuid is null or sort_key > $4::uuid)
     order by sort_key limit $5`,
    [districtId, surveyId, questionId, after, limit],
  )
  return rows.map((r) => ({ body: r.body, sortKey: r.sort_key }))
}

/** Every response's answers in a random order (no authors, no times), for the export. */
export async function responseAnswers(
  db: Db,
  districtId: string,
  surveyId: string,
): Promise<Record<string, AnswerValue>[]> {
  const { rows } = await db.query<{ answers: Record<string, AnswerValue> }>(
    'select answers from survey_response where district_id = $1 and survey_id = $2 order by sort_key',
    [districtId, surveyId],
  )
  return rows.map((r) => r.answers)
}
