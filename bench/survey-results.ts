/**
 * Survey results benchmark (issue 13): one district survey of 20 questions (8 single choice, 4
 * multiple choice, 6 scales, 2 short texts) with 100,000 responses, then p50/p95 of its results at
 * the database (the running counts, `tallyRows`, through pg) and end to end (HTTP POST /api/survey
 * `results` through the local host as the district admin: dispatcher, validation, the caller's
 * roles, the survey, its counts, percentages, JSON). Target: end to end p95 < 100 ms.
 *
 * The responses are generated in SQL (a response through the function costs a few milliseconds,
 * 100,000 of them minutes), and the counts recomputed from them in SQL, exactly as the answers
 * would have left them; a few answers and edits then go through the function on top, and the
 * results are checked against a recount before timing.
 */
import { chmodSync, mkdtempSync, rmSync } from 'fs'
import { cpus, tmpdir, totalmem } from 'os'
import { join } from 'path'
import { Pool } from 'pg'
import type { SurveyCreateRequest, SurveyDetail, SurveyResults } from '@api/survey'
import { startLocalHost } from '../host/local-host'
import { tallyRows } from '../server/store/surveys'
import { benchClient } from './http'
import { percentile, writeSection } from './report'

const RESPONSES = Number(process.env.BENCH_SURVEY_RESPONSES ?? 100_000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300)
const WARM_UP = 20

const options = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`)

function questionnaire(): NonNullable<SurveyCreateRequest['questions']> {
  const qs: NonNullable<SurveyCreateRequest['questions']> = []
  for (let i = 0; i < 20; i++) {
    const title = `基准题目 ${i + 1}`
    if (i < 8) qs.push({ kind: 'single', title, required: true, options: options(5, '选项') })
    else if (i < 12) qs.push({ kind: 'multi', title, required: false, options: options(6, '时段'), maxPicks: null })
    else if (i < 18) qs.push({ kind: 'scale', title, required: true })
    else qs.push({ kind: 'text', title, required: false })
  }
  return qs
}

/** 100,000 people and their responses, the text answers, and the counts recomputed from the responses. */
async function load(pool: Pool, surveyId: string): Promise<void> {
  await pool.query(
    `insert into app_user (openid, nickname) select 'bench:survey-' || g, '基准青年' from generate_series(1, $1::int) g`,
    [RESPONSES],
  )
  await pool.query(
    `insert into survey_response (district_id, survey_id, user_id, answers)
     select s.district_id, s.id, u.id,
       (select jsonb_object_agg(q->>'id', case q->>'kind'
          when 'single' then jsonb_build_array('o' || (1 + abs(hashtext(u.id::text || (q->>'id'))) % jsonb_array_length(q->'options')))
          when 'multi' then coalesce(
            (select jsonb_agg(o->>'id' order by ord) from jsonb_array_elements(q->'options') with ordinality as x(o, ord)
             where abs(hashtext(u.id::text || (q->>'id') || (o->>'id'))) % 3 = 0),
            '["o1"]'::jsonb)
          when 'scale' then to_jsonb(1 + abs(hashtext(u.id::text || (q->>'id'))) % 5)
          else to_jsonb('基准建议 ' || abs(hashtext(u.id::text || (q->>'id'))) % 1000) end)
        from jsonb_array_elements(s.questions) q
        where q->>'kind' in ('single', 'scale') or abs(hashtext(u.id::text || 'skip' || (q->>'id'))) % 4 <> 0)
     from survey s cross join app_user u
     where s.id = $1 and u.openid like 'bench:survey-%'`,
    [surveyId],
  )
  await pool.query(
    `insert into survey_text_answer (district_id, survey_id, question_id, user_id, body)
     select r.district_id, r.survey_id, e.key, r.user_id, e.value #>> '{}'
     from survey_response r cross join jsonb_each(r.answers) e
     where r.survey_id = $1 and jsonb_typeof(e.value) = 'string'`,
    [surveyId],
  )
  await pool.query(
    `insert into survey_tally (district_id, survey_id, question_id, choice, count)
     select 'runzhou', $1, q, c, n from (
       select '' as q, '' as c, count(*)::int as n from survey_response where survey_id = $1
       union all
       select e.key, '', count(*)::int from survey_response r cross join jsonb_each(r.answers) e
       where r.survey_id = $1 group by e.key
       union all
       select e.key, x, count(*)::int from survey_response r cross join jsonb_each(r.answers) e
         cross join jsonb_array_elements_text(case when jsonb_typeof(e.value) = 'array' then e.value else '[]' end) x
       where r.survey_id = $1 group by e.key, x
       union all
       select e.key, e.value::text, count(*)::int from survey_response r cross join jsonb_each(r.answers) e
       where r.survey_id = $1 and jsonb_typeof(e.value) = 'number' group by e.key, e.value::text
     ) t
     on conflict (district_id, survey_id, question_id, choice) do update set count = excluded.count`,
    [surveyId],
  )
  await pool.query(
    'analyze app_user; analyze survey; analyze survey_response; analyze survey_tally; analyze survey_text_answer',
  )
}

/** The counts recomputed from the stored responses, to check the running counts against. */
async function recount(pool: Pool, surveyId: string): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ q: string; c: string; n: number }>(
    `select e.key as q, coalesce(x, case when jsonb_typeof(e.value) = 'number' then e.value::text end) as c, count(*)::int as n
     from survey_response r cross join jsonb_each(r.answers) e
       left join lateral jsonb_array_elements_text(case when jsonb_typeof(e.value) = 'array' then e.value else '[]' end) x on true
     where r.survey_id = $1 group by 1, 2`,
    [surveyId],
  )
  return new Map(rows.filter((r) => r.c !== null).map((r) => [`${r.q}/${r.c}`, r.n]))
}

async function main() {
  // 340 calls of one district admin in a few seconds: past the per-person limit of 300 a minute,
  // which is not what is measured here (the signup benchmark measures the limiter's cost).
  process.env.QINGJU_CALL_LIMIT = 'off'
  const dataDir = mkdtempSync(join(tmpdir(), 'qingju-bench-'))
  chmodSync(dataDir, 0o755)
  const host = await startLocalHost({ dataDir, port: 0, staticDir: null, log: () => {} })
  const pool = new Pool({ connectionString: host.databaseUrl, max: 4 })
  const client = benchClient(host.url, 4)
  try {
    const login = async (persona: string, name?: string) =>
      ((await client.post('_dev/login', null, { persona, ...(name ? { name } : {}) })).data as { token: string }).token
    const admin = await login('district_admin')
    const created = await client.post('survey', admin, {
      action: 'create',
      data: { title: '基准调研问卷', intro: '基准测试', questions: questionnaire(), audience: 'district' },
    })
    if (!created.ok) throw new Error(`create: ${JSON.stringify(created)}`)
    const surveyId = (created.data as SurveyDetail).id
    const opened = await client.post('survey', admin, { action: 'open', data: { surveyId } })
    if (!opened.ok) throw new Error(`open: ${JSON.stringify(opened)}`)
    const t0 = Date.now()
    await load(pool, surveyId)
    const loadMs = Date.now() - t0
    // A few answers and edits through the function on top of the load.
    const answerTimes: number[] = []
    for (let i = 0; i < 20; i++) {
      const token = await login('new', `基准答卷人${i}`)
      for (const value of [2, 5]) {
        const answers = [
          ...Array.from({ length: 8 }, (_, q) => ({
            questionId: `q${q + 1}`,
            optionIds: [`o${1 + ((i + value) % 5)}`],
          })),
          { questionId: 'q9', optionIds: ['o1', 'o4'] },
          ...Array.from({ length: 6 }, (_, q) => ({ questionId: `q${q + 13}`, value })),
          { questionId: 'q19', text: `第 ${value} 分的理由` },
        ]
        const a = process.hrtime.bigint()
        const res = await client.post('survey', token, { action: 'answer', data: { surveyId, answers } })
        answerTimes.push(Number(process.hrtime.bigint() - a) / 1e6)
        if (!res.ok) throw new Error(`answer: ${JSON.stringify(res)}`)
      }
    }
    const first = await client.post('survey', admin, { action: 'results', data: { surveyId } })
    if (!first.ok) throw new Error(`results: ${JSON.stringify(first)}`)
    const results = first.data as SurveyResults
    const expected = await recount(pool, surveyId)
    const responses = (
      await pool.query<{ n: number }>('select count(*)::int as n from survey_response where survey_id = $1', [surveyId])
    ).rows[0].n
    if (results.responses !== responses) throw new Error(`results say ${results.responses} responses, not ${responses}`)
    for (const q of results.questions)
      for (const c of q.choices)
        if (c.count !== (expected.get(`${q.questionId}/${c.key}`) ?? 0))
          throw new Error(
            `${q.questionId}/${c.key}: ${c.count} counted, ${expected.get(`${q.questionId}/${c.key}`)} stored`,
          )
    const tallies = (await tallyRows(pool, 'runzhou', surveyId)).length
    const db: number[] = []
    const http: number[] = []
    for (let i = 0; i < ROUNDS + WARM_UP; i++) {
      const a = process.hrtime.bigint()
      await tallyRows(pool, 'runzhou', surveyId)
      const b = process.hrtime.bigint()
      const res = await client.post('survey', admin, { action: 'results', data: { surveyId } })
      const c = process.hrtime.bigint()
      if (!res.ok) throw new Error(`results: ${JSON.stringify(res)}`)
      if (i >= WARM_UP) {
        db.push(Number(b - a) / 1e6)
        http.push(Number(c - b) / 1e6)
      }
    }
    const text: number[] = []
    let cursor: string | null = null
    for (let i = 0; i < 50; i++) {
      const a = process.hrtime.bigint()
      const res = await client.post('survey', admin, {
        action: 'textAnswers',
        data: { surveyId, questionId: 'q19', limit: 20, ...(cursor ? { cursor } : {}) },
      })
      text.push(Number(process.hrtime.bigint() - a) / 1e6)
      if (!res.ok) throw new Error(`textAnswers: ${JSON.stringify(res)}`)
      cursor = (res.data as { nextCursor: string | null }).nextCursor
    }
    const row = [db, http].flatMap((xs) => [percentile(xs, 50), percentile(xs, 95)].map((v) => v.toFixed(2)))
    const fmt = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(2)} p95 ${percentile(xs, 95).toFixed(2)}`
    console.log(`responses ${responses} · tally rows ${tallies} · load ${(loadMs / 1000).toFixed(1)} s`)
    console.log(`results: DB p50 ${row[0]} p95 ${row[1]} · end to end p50 ${row[2]} p95 ${row[3]}`)
    console.log(`answer (40 through HTTP) ${fmt(answerTimes)} · textAnswers page of 20 ${fmt(text)}`)
    const pg = (await pool.query<{ server_version: string }>('show server_version')).rows[0].server_version
    await writeSection('Survey results (survey.results)', [
      `Run ${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM · Node ${process.version} · PostgreSQL ${pg} (embedded, fsync on)`,
      `One district survey of 20 questions (8 single choice of 5, 4 multiple choice of 6, 6 scales, 2 short texts) with ${responses.toLocaleString('en')} responses (${RESPONSES.toLocaleString('en')} generated in SQL in ${(loadMs / 1000).toFixed(1)} s with their counts recomputed from them, then 20 people answering and editing through the function); the results were checked against a recount of the stored responses before timing. ${tallies} count rows.`,
      `${ROUNDS} sequential rounds after ${WARM_UP} warm-up rounds. “DB” is the running counts' read alone (\`tallyRows\` in server/store/surveys.ts) through a pg pool; “end to end” is HTTP POST /api/survey \`results\` through the local host as the district admin (dispatcher, validation, the caller's roles, the survey, its counts, percentages, JSON; the per-person call limit off, as 340 calls of one person in seconds would pass it). Target: end to end p95 < 100 ms.`,
      '',
      '| query | DB p50 ms | DB p95 ms | end to end p50 ms | end to end p95 ms |',
      '|---|---|---|---|---|',
      `| results, ${responses.toLocaleString('en')} responses × 20 questions | ${row.join(' | ')} |`,
      '',
      `Not targets, for scale: an answer or edit through HTTP (${answerTimes.length}: ${fmt(answerTimes)} ms); a page of 20 text answers (50 pages: ${fmt(text)} ms).`,
    ])
  } finally {
    client.close()
    await pool.end()
    await host.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
