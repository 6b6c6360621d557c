/**
 * Browse benchmark (issue 3): 100,000 events in one district, then p50/p95 of the filtered list
 * query at the database (the store's own SQL through pg) and of the first page end to end
 * (HTTP POST /api/activity through the local host). Results are appended to BENCHMARKS.md.
 * Issue 16: the events around now hold their seats with real registrations (a third of the people
 * set an avatar), so each card's "N 人已报名" avatars are read as on a live district; 90% of the
 * events have a location, and 附近 (distance order from a point in the district) is measured too.
 */
import { cpus, freemem, totalmem, tmpdir } from 'os'
import { mkdtempSync, chmodSync, rmSync } from 'fs'
import { join } from 'path'
import { Pool } from 'pg'
import { startLocalHost } from '../host/local-host'
import { encodeCursor } from '../server/domain/cursor'
import { shanghaiMonthRange } from '../server/domain/shanghai-time'
import { encodeDistanceCursor } from '../server/domain/cursor'
import { listActivities, listActivitiesNear, type ListQuery } from '../server/store/activities'
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
  // Places in and around the district for 90% of the events (the rest have none).
  await pool.query(`update activity set latitude = 32.1 + (abs(hashtext(id::text)) % 2000) / 10000.0,
      longitude = 119.3 + (abs(hashtext(id::text || 'x')) % 3000) / 10000.0
    where abs(hashtext(id::text || 'p')) % 10 <> 0`)
  // 2,000 people, a third with an avatar; the events within the active window hold their seats with
  // confirmed registrations (what the cards' avatars read).
  await pool.query(`insert into app_user (openid, avatar)
    select 'bench:' || n, case when n % 3 = 0 then 'local://avatars/' || md5('a' || n) || '/' || md5('b' || n) || '.jpg' end
    from generate_series(0, 1999) n`)
  await pool.query(`insert into signup_quota (activity_id, key, capacity, taken)
    select id, '', capacity, seats_taken from activity
    where start_at between now() - interval '35 days' and now() + interval '60 days'
    on conflict do nothing`)
  await pool.query(`insert into registration (activity_id, user_id, quota_key, state)
    select a.id, u.id, '', 'confirmed'
    from activity a
    cross join lateral generate_series(1, a.seats_taken) k
    join app_user u on u.openid = 'bench:' || ((abs(hashtext(a.id::text)) + k) % 2000)
    where a.start_at between now() - interval '35 days' and now() + interval '60 days'`)
  // Vacuumed as autovacuum would have done on a live table (index-only scans need the visibility map).
  await pool.query('vacuum analyze activity')
  await pool.query('analyze registration')
  await pool.query('analyze app_user')
}

interface Shape {
  name: string
  query: (now: Date, unitId: string) => Omit<ListQuery, 'districtId' | 'limit' | 'now'>
  http: (now: Date, unitId: string) => Record<string, unknown>
  /** 附近: the distance-ordered list from this point (and cursor) instead. */
  near?: { point: { latitude: number; longitude: number }; after?: { distanceMeters: number | null; id: string } }
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
    const HERE = { latitude: 32.2, longitude: 119.45 }
    // The 附近 cursor after three pages: the 60th nearest active event.
    const near60 = (
      await listActivitiesNear(pool, { districtId: 'runzhou', status: 'active', limit: 60, now, near: HERE })
    ).rows.at(-1)!
    const nearAfter = { distanceMeters: near60.distanceMeters, id: near60.id }
    const regs = (await pool.query<{ n: number }>('select count(*)::int as n from registration')).rows[0].n
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
      {
        name: '附近: active, page 1',
        query: () => ({ status: 'active' }),
        http: () => ({ status: 'active', near: HERE }),
        near: { point: HERE },
      },
      {
        name: '附近: active, page 4 (cursor)',
        query: () => ({ status: 'active' }),
        http: () => ({ status: 'active', near: HERE, cursor: encodeDistanceCursor(nearAfter) }),
        near: { point: HERE, after: nearAfter },
      },
      {
        name: '附近 + category + open',
        query: () => ({ status: 'open', category: 'reading_club' }),
        http: () => ({ status: 'open', category: 'reading_club', near: HERE }),
        near: { point: HERE },
      },
    ]
    const rows: string[][] = []
    for (const shape of shapes) {
      const db: number[] = []
      const http: number[] = []
      for (let i = 0; i < ROUNDS + 20; i++) {
        const a = process.hrtime.bigint()
        const q = { districtId: 'runzhou', limit: 20, now, ...shape.query(now, unitId) }
        if (shape.near) await listActivitiesNear(pool, { ...q, near: shape.near.point, after: shape.near.after })
        else await listActivities(pool, q)
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
      `${total.toLocaleString('en')} activities in one district (${EVENTS.toLocaleString('en')} generated in ${(loadMs / 1000).toFixed(1)} s + the demo seed), 90% with a location; ${regs.toLocaleString('en')} confirmed registrations hold the seats of the events around now (a third of the people have an avatar), so every card reads its "N 人已报名" avatars; ${ROUNDS} sequential rounds per shape after 20 warm-up rounds, 20 rows per page.`,
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
