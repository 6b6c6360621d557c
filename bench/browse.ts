/**
 * Browse benchmark (issue 3): 100,000 events in one district, then p50/p95 of the filtered list
 * query at the database (the store's own SQL through pg) and of the first page end to end
 * (HTTP POST /api/activity through the local host). Results are appended to BENCHMARKS.md.
 */
import { cpus, freemem, totalmem, tmpdir } from 'os'
import { mkdtempSync, chmodSync, rmSync } from 'fs'
import { join } from 'path'
import { Pool } from 'pg'
import { startLocalHost } from '../host/local-host'
import { encodeCursor } from '../server/domain/cursor'
import { shanghaiMonthRange } from '../server/domain/shanghai-time'
import { listActivities, type ListQuery } from '../server/store/activities'
import { percentile, writeSection } from './report'

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300)

async function bulkInsert(pool: Pool, count: number) {
  // Spread over three years around now, all units and categories, mostly published.
  await pool.query(
    `
    insert into activity (district_id, unit_id, category, title, description, place_name, start_at, end_at,
      signup_opens_at, signup_closes_at, capacity, seats_taken, state, search_text)
    select 'runzhou', u.id, c.code, t.title, '基准测试活动', '青年之家' || (g % 50),
      s.start_at, s.start_at + interval '2 hours', s.start_at - interval '14 days', s.start_at - interval '1 day',
      50, g % 50, case when g % 20 = 0 then 'draft' when g % 33 = 0 then 'cancelled' else 'published' end,
      t.title || ' 青年之家' || (g % 50) || ' ' || u.name
    from generate_series(1, $1) g
    cross join lateral (select now() - interval '540 days' + (g * interval '1 day' * 1080 / $1) + (g % 24) * interval '1 hour' as start_at) s
    cross join lateral (select id, name from org_unit order by id offset (g % (select count(*) from org_unit)) limit 1) u
    cross join lateral (select code from activity_category order by code offset (g % 8) limit 1) c
    cross join lateral (select (array['读书会','植树','交友联谊','创业沙龙','岗位见习','志愿服务','羽毛球赛','学习交流'])[1 + g % 8] || ' 第' || g || '期' as title) t`,
    [count],
  )
  await pool.query('analyze activity')
}

interface Shape {
  name: string
  query: (now: Date, unitId: string) => Omit<ListQuery, 'districtId' | 'limit' | 'now'>
  http: (now: Date, unitId: string) => Record<string, unknown>
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'qingju-bench-'))
  chmodSync(dataDir, 0o755)
  const host = await startLocalHost({ dataDir, port: 0, staticDir: null, log: () => {} })
  const pool = new Pool({ connectionString: host.databaseUrl, max: 4 })
  try {
    const t0 = Date.now()
    await bulkInsert(pool, EVENTS)
    const loadMs = Date.now() - t0
    const total = (await pool.query<{ n: number }>('select count(*)::int as n from activity')).rows[0].n
    const unitId = (
      await pool.query<{ id: string }>("select id from org_unit where status = 'admitted' order by name limit 1")
    ).rows[0].id
    const now = new Date()
    const month = new Date(now.getTime() + 40 * 86_400_000)
    const ym = { year: month.getUTCFullYear(), month: month.getUTCMonth() + 1 }
    const range = shanghaiMonthRange(ym.year, ym.month)
    // A cursor deep into the active list, as after a few pages of scrolling.
    const deep = (
      await pool.query<{ start_at: Date; id: string }>(
        "select start_at, id from activity where district_id = 'runzhou' and state = 'published' and end_at > now() order by start_at, id offset 200 limit 1",
      )
    ).rows[0]
    const shapes: Shape[] = [
      { name: 'home: active, page 1', query: () => ({ status: 'active' }), http: () => ({ status: 'active' }) },
      {
        name: 'category + open',
        query: () => ({ status: 'open', category: 'reading_club' }),
        http: () => ({ status: 'open', category: 'reading_club' }),
      },
      {
        name: 'month + category',
        query: () => ({
          status: 'active',
          category: 'tree_planting',
          startsWithin: { from: range.start, to: range.end },
        }),
        http: () => ({ status: 'active', category: 'tree_planting', month: ym }),
      },
      {
        name: 'unit, finished (newest first)',
        query: (_n, u) => ({ status: 'finished', unitId: u }),
        http: (_n, u) => ({ status: 'finished', unitId: u }),
      },
      {
        name: 'keyword “读书会”',
        query: () => ({ status: 'active', keyword: '读书会' }),
        http: () => ({ status: 'active', keyword: '读书会' }),
      },
      {
        name: 'keyword, rare (“第4242期”)',
        query: () => ({ status: 'finished', keyword: '第4242期' }),
        http: () => ({ status: 'finished', keyword: '第4242期' }),
      },
      {
        name: 'active, page 11 (cursor)',
        query: () => ({ status: 'active', after: { startAt: deep.start_at, id: deep.id } }),
        http: () => ({ status: 'active', cursor: encodeCursor({ startAt: deep.start_at, id: deep.id }) }),
      },
    ]
    const rows: string[][] = []
    for (const shape of shapes) {
      const db: number[] = []
      const http: number[] = []
      for (let i = 0; i < ROUNDS + 20; i++) {
        const a = process.hrtime.bigint()
        await listActivities(pool, { districtId: 'runzhou', limit: 20, now, ...shape.query(now, unitId) })
        const b = process.hrtime.bigint()
        const res = await fetch(`${host.url}/api/activity`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ action: 'list', data: shape.http(now, unitId) }),
        })
        const body = (await res.json()) as { ok: boolean }
        const c = process.hrtime.bigint()
        if (!body.ok) throw new Error(`${shape.name}: ${JSON.stringify(body)}`)
        if (i >= 20) {
          // warm-up excluded
          db.push(Number(b - a) / 1e6)
          http.push(Number(c - b) / 1e6)
        }
      }
      rows.push([
        shape.name,
        ...[db, http].flatMap((xs) => [percentile(xs, 50), percentile(xs, 95)].map((v) => v.toFixed(2))),
      ])
      console.log(rows[rows.length - 1].join('  '))
    }
    const pg = (await pool.query<{ server_version: string }>('show server_version')).rows[0].server_version
    await writeSection('Browse list (activity.list)', [
      `Run ${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM (${(freemem() / 2 ** 30).toFixed(0)} free) · Node ${process.version} · PostgreSQL ${pg} (embedded, fsync on)`,
      `${total.toLocaleString('en')} activities in one district (${EVENTS.toLocaleString('en')} generated in ${(loadMs / 1000).toFixed(1)} s + the demo seed), ${ROUNDS} sequential rounds per shape after 20 warm-up rounds, 20 rows per page.`,
      "“DB” is the store's query through a pg pool; “end to end” is HTTP POST /api/activity through the local host (dispatcher, validation, the same query, JSON). Targets: DB p95 < 20 ms, end to end p95 < 100 ms.",
      '',
      '| query | DB p50 ms | DB p95 ms | end to end p50 ms | end to end p95 ms |',
      '|---|---|---|---|---|',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    ])
  } finally {
    await pool.end()
    await host.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
