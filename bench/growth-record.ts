/**
 * Growth record benchmark (issue 14): one person with 200 attended activities, 50 approved hours
 * entries and 30 ratings given (plus a certificate, wishes and a youth group), then p50/p95 of
 * `record.mine` for the current year and for every year, end to end (HTTP POST /api/record through
 * the local host: dispatcher, validation, the caller's roles, six reads in parallel, the timeline,
 * JSON). Target: end to end p95 < 100 ms. Around the person, 2,000 others with the same history
 * shape in bulk, so the person's rows are a small part of each table.
 */
import { chmodSync, mkdtempSync, rmSync } from 'fs'
import { cpus, tmpdir, totalmem } from 'os'
import { join } from 'path'
import { Pool } from 'pg'
import type { GrowthRecord } from '@api/record'
import { startLocalHost } from '../host/local-host'
import { benchClient } from './http'
import { percentile, writeSection } from './report'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300)
const WARM_UP = 20
const ACTIVITIES = 200
const HOURS = 50
const RATINGS = 30
const OTHERS = Number(process.env.BENCH_RECORD_OTHERS ?? 2000)

/** 200 finished events this year and last, attended by the person and by every other bench person. */
async function load(pool: Pool, userId: string, now: Date): Promise<void> {
  const unit = (
    await pool.query<{ id: string; districtId: string }>(
      `select id, district_id as "districtId" from org_unit order by created_at limit 1`,
    )
  ).rows[0]
  const category = (
    await pool.query<{ code: string }>('select code from activity_category order by sort_order limit 1')
  ).rows[0].code
  await pool.query(
    `insert into app_user (openid, nickname) select 'bench:record-' || g, '基准青年' from generate_series(1, $1::int) g`,
    [OTHERS],
  )
  const events = await pool.query<{ id: string }>(
    `insert into activity (district_id, unit_id, category, title, place_name, start_at, end_at,
                           signup_opens_at, signup_closes_at, capacity, state)
     select $1, $2, $3, '基准成长活动 ' || g, '基准阵地',
            $4::timestamptz - g * interval '2 days' - interval '2 hours', $4::timestamptz - g * interval '2 days',
            $4::timestamptz - g * interval '2 days' - interval '10 days', $4::timestamptz - g * interval '2 days' - interval '3 days',
            100000, 'finished'
     from generate_series(1, $5::int) g returning id`,
    [unit.districtId, unit.id, category, now, ACTIVITIES],
  )
  const ids = events.rows.map((r) => r.id)
  await pool.query(`insert into signup_quota (activity_id, key, capacity) select unnest($1::uuid[]), '', 100000`, [ids])
  await pool.query(
    `insert into registration (activity_id, user_id, quota_key, state)
     select a, u.id, '', 'attended' from unnest($1::uuid[]) a
     cross join app_user u where u.id = $2 or (u.openid like 'bench:record-%' and abs(hashtext(u.id::text || a::text)) % 20 = 0)`,
    [ids, userId],
  )
  await pool.query(
    `insert into service_hours (activity_id, registration_id, user_id, day, kind, minutes, hours, status, decided_at)
     select r.activity_id, r.id, r.user_id, (a.end_at at time zone 'Asia/Shanghai')::date, 'scan', 120, 2, 'approved', a.end_at + interval '1 day'
     from registration r join activity a on a.id = r.activity_id
     where r.activity_id = any($1::uuid[]) and (r.user_id <> $2 or a.id = any($3::uuid[]))`,
    [ids, userId, ids.slice(0, HOURS)],
  )
  await pool.query(
    `insert into activity_rating (district_id, activity_id, user_id, stars, created_at, updated_at)
     select a.district_id, r.activity_id, r.user_id, 1 + abs(hashtext(r.id::text)) % 5, a.end_at + interval '1 hour', a.end_at + interval '1 hour'
     from registration r join activity a on a.id = r.activity_id
     where r.activity_id = any($1::uuid[]) and ((r.user_id <> $2 and abs(hashtext(r.id::text)) % 3 = 0) or (r.user_id = $2 and a.id = any($3::uuid[])))`,
    [ids, userId, ids.slice(0, RATINGS)],
  )
  await pool.query(
    `insert into hours_certificate (code, user_id, holder_name, period_from, period_to, total_hours, activities, issuer, issued_at)
     values ('BENCHREC1', $1, '基准青年', '2026-01-01', '2026-06-30', 40, '[]', '基准团区委', $2)`,
    [userId, now],
  )
  await pool.query(
    `insert into wish (district_id, proposer_id, category, title, created_at)
     select $1, $2, $3, '基准点单 ' || g, $4::timestamptz - g * interval '9 days' from generate_series(1, 5) g`,
    [unit.districtId, userId, category, now],
  )
  await pool.query(
    `insert into youth_group (district_id, name, kind, size, leader_id, state, decided_at)
     values ($1, '基准青年社团', 'interest', 20, $2, 'approved', $3)`,
    [unit.districtId, userId, now],
  )
  await pool.query(
    'analyze app_user; analyze activity; analyze registration; analyze service_hours; analyze activity_rating; analyze wish; analyze youth_group; analyze hours_certificate',
  )
}

async function main() {
  process.env.QINGJU_CALL_LIMIT = 'off'
  const dataDir = mkdtempSync(join(tmpdir(), 'qingju-bench-'))
  chmodSync(dataDir, 0o755)
  const host = await startLocalHost({ dataDir, port: 0, staticDir: null, log: () => {} })
  const pool = new Pool({ connectionString: host.databaseUrl, max: 4 })
  const client = benchClient(host.url, 4)
  try {
    const name = '基准成长'
    const token = ((await client.post('_dev/login', null, { persona: 'new', name })).data as { token: string }).token
    const userId = (await pool.query<{ id: string }>('select id from app_user where openid = $1', [`dev:new:${name}`]))
      .rows[0].id
    const now = new Date()
    const year = Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 4))
    const t0 = Date.now()
    await load(pool, userId, now)
    const loadMs = Date.now() - t0
    const all = await client.post('record', token, { action: 'mine', data: {} })
    if (!all.ok) throw new Error(`mine: ${JSON.stringify(all)}`)
    const summary = (all.data as GrowthRecord).summary
    if (summary.activities !== ACTIVITIES || summary.ratings !== RATINGS || summary.hours !== HOURS * 2)
      throw new Error(`unexpected record: ${JSON.stringify(summary)}`)
    const times = { year: [] as number[], all: [] as number[] }
    let items = { year: 0, all: 0 }
    for (let i = 0; i < ROUNDS + WARM_UP; i++) {
      for (const which of ['year', 'all'] as const) {
        const a = process.hrtime.bigint()
        const res = await client.post('record', token, { action: 'mine', data: which === 'year' ? { year } : {} })
        const ms = Number(process.hrtime.bigint() - a) / 1e6
        if (!res.ok) throw new Error(`mine: ${JSON.stringify(res)}`)
        items = { ...items, [which]: (res.data as GrowthRecord).items.length }
        if (i >= WARM_UP) times[which].push(ms)
      }
    }
    const cell = (xs: number[]) => [percentile(xs, 50), percentile(xs, 95)].map((v) => v.toFixed(2)).join(' | ')
    console.log(`load ${(loadMs / 1000).toFixed(1)} s · items: year ${items.year}, all ${items.all}`)
    console.log(`record.mine end to end: year ${cell(times.year)} · all years ${cell(times.all)} (p50 | p95 ms)`)
    const pg = (await pool.query<{ server_version: string }>('show server_version')).rows[0].server_version
    await writeSection('Growth record (record.mine)', [
      `Run ${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM · Node ${process.version} · PostgreSQL ${pg} (embedded, fsync on)`,
      `One person with ${ACTIVITIES} attended activities (one every two days back from today), ${HOURS} approved hours entries, ${RATINGS} ratings given, a certificate, 5 wishes and a youth group led, among ${OTHERS.toLocaleString('en')} others who attended about one event in twenty each with hours and ratings (generated in SQL in ${(loadMs / 1000).toFixed(1)} s).`,
      `${ROUNDS} sequential rounds after ${WARM_UP} warm-up rounds; “end to end” is HTTP POST /api/record \`mine\` through the local host (dispatcher, validation, the caller's roles, six reads in parallel, the timeline, JSON). Target: end to end p95 < 100 ms.`,
      '',
      '| query | items | end to end p50 ms | end to end p95 ms |',
      '|---|---|---|---|',
      `| record.mine, this year | ${items.year} | ${cell(times.year)} |`,
      `| record.mine, every year | ${items.all} | ${cell(times.all)} |`,
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
