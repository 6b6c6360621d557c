/**
 * Check-in benchmark (issue 5): 2,000 volunteers of one event scan the rotating site code in and
 * then out (4,000 scans), 200 in flight, through the local host over HTTP; and, in the same run,
 * the same scan transaction (store/checkin.ts recordScan) issued directly through pg as the
 * baseline. Target: ≥ 1,000 check-ins/s through the local host.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'fs'
import { cpus, tmpdir, totalmem } from 'os'
import { join } from 'path'
import { Pool } from 'pg'
import { startHostProcess } from '../host/process'
import { issueDevSession } from '../server/platform/dev-session'
import { loadCheckinEvent, recordScan } from '../server/store/checkin'
import { keepConnectionsOnSqlErrors } from '../server/store/pool'
import { benchClient } from './http'
import { percentile, writeSection } from './report'

const VOLUNTEERS = 2000
const IN_FLIGHT = 200
const POOL = 10 // as the local host's own pool

async function drive(count: number, work: (i: number) => Promise<void>) {
  const latencies: number[] = []
  let next = 0
  const t0 = process.hrtime.bigint()
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < count) {
        const i = next++
        const a = process.hrtime.bigint()
        await work(i)
        latencies.push(Number(process.hrtime.bigint() - a) / 1e6)
      }
    }),
  )
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  return { perSecond: count / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), seconds }
}

/** A tree planting starting now, with every bench volunteer confirmed. */
async function newEvent(pool: Pool, title: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into activity (district_id, unit_id, category, title, place_name, start_at, end_at, signup_opens_at, signup_closes_at, capacity, state, search_text, records_service_hours)
     select 'runzhou', id, 'tree_planting', $1, '青年公益林', now() - interval '5 minutes', now() + interval '3 hours',
            now() - interval '10 days', now() - interval '1 day', $2, 'published', $1, true
     from org_unit where id = (select unit_id from unit_member where role = 'admin' order by unit_id limit 1) returning id`,
    [title, VOLUNTEERS],
  )
  await pool.query("insert into signup_quota (activity_id, key, capacity, taken) values ($1, '', $2, $2)", [
    rows[0].id,
    VOLUNTEERS,
  ])
  await pool.query(
    `insert into registration (activity_id, user_id, quota_key, state, answers)
     select $1, id, '', 'confirmed', '{}' from app_user where openid like 'bench:%'`,
    [rows[0].id],
  )
  await pool.query('update activity set seats_taken = $2 where id = $1', [rows[0].id, VOLUNTEERS])
  return rows[0].id
}

async function check(pool: Pool, activityId: string) {
  const r = await pool.query<{ direction: string; n: number; people: number }>(
    'select direction, count(*)::int as n, count(distinct user_id)::int as people from checkin_scan where activity_id = $1 group by direction order by direction',
    [activityId],
  )
  const ok = r.rows.length === 2 && r.rows.every((x) => x.n === VOLUNTEERS && x.people === VOLUNTEERS)
  if (!ok) throw new Error(`unexpected scans ${JSON.stringify(r.rows)}`)
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'qingju-bench-checkin-'))
  chmodSync(dataDir, 0o755)
  const host = await startHostProcess({ QINGJU_SKIP_BUILD: '1', QINGJU_DATA_DIR: dataDir, PG_POOL_MAX: String(POOL) })
  const secret = readFileSync(join(dataDir, 'dev-session-secret'), 'utf8').trim()
  const pool = keepConnectionsOnSqlErrors(new Pool({ connectionString: host.databaseUrl, max: POOL }))
  const client = benchClient(host.url, IN_FLIGHT)
  try {
    await pool.query(
      "insert into app_user (openid, nickname) select 'bench:' || g, '志愿者' || g from generate_series(1, $1) g",
      [VOLUNTEERS],
    )
    const users = (
      await pool.query<{ id: string; openid: string }>(
        "select id, openid from app_user where openid like 'bench:%' order by openid",
      )
    ).rows
    const tokens = users.map((u) => issueDevSession(u.openid, secret))
    // The organiser: the seed's admin of the unit the events belong to.
    const organiser = (
      await pool.query<{ openid: string }>(
        `select u.openid from unit_member m join app_user u on u.id = m.user_id
       where m.unit_id = (select unit_id from unit_member where role = 'admin' order by unit_id limit 1) and m.role = 'admin' limit 1`,
      )
    ).rows[0].openid
    const organiserToken = issueDevSession(organiser, secret)

    const post = async (fn: string, token: string, body: unknown) => {
      const json = await client.post(fn, token, body)
      if (!json.ok) throw new Error(`${fn} failed: ${JSON.stringify(json)}`)
      return json.data
    }

    // Warm-up (JIT, connections, caches) on a throwaway event, both ways.
    const warmEvent = await newEvent(pool, '预热')
    const warm = (await loadCheckinEvent(pool, warmEvent))!
    const warmCodes = await Promise.all(
      (['in', 'out'] as const).map(
        async (direction) =>
          (
            (await post('checkin', organiserToken, {
              action: 'siteCode',
              data: { activityId: warmEvent, direction },
            })) as { token: string }
          ).token,
      ),
    )
    for (const [d, direction] of (['in', 'out'] as const).entries()) {
      await drive(1000, async (i) => {
        await recordScan(pool, warm, {
          who: { openid: users[i].openid },
          direction,
          method: 'site_code',
          nonce: `w-d-${direction}-${i}-xxxx`,
          now: new Date(),
          scannedBy: null,
        })
        await post('checkin', tokens[i + 1000], {
          action: 'scan',
          data: { token: warmCodes[d], nonce: `w-h-${direction}-${i}-xxxx` },
        })
      })
    }

    // Direct: the scan transaction itself, per volunteer, in then out.
    const directEvent = await newEvent(pool, '基线植树')
    const e = (await loadCheckinEvent(pool, directEvent))!
    const direct = {
      in: await drive(VOLUNTEERS, async (i) => {
        await recordScan(pool, e, {
          who: { openid: users[i].openid },
          direction: 'in',
          method: 'site_code',
          nonce: `d-in-${i}-xxxx`,
          now: new Date(),
          scannedBy: null,
        })
      }),
      out: await drive(VOLUNTEERS, async (i) => {
        await recordScan(pool, e, {
          who: { openid: users[i].openid },
          direction: 'out',
          method: 'site_code',
          nonce: `d-out-${i}-xxxx`,
          now: new Date(),
          scannedBy: null,
        })
      }),
    }
    await check(pool, directEvent)

    // Local host: POST /api/checkin scan with the rotating code, refreshed as it rotates.
    const httpEvent = await newEvent(pool, '压测植树')
    const codes: Record<'in' | 'out', string> = { in: '', out: '' }
    const refresh = async () => {
      for (const direction of ['in', 'out'] as const) {
        codes[direction] = (
          (await post('checkin', organiserToken, {
            action: 'siteCode',
            data: { activityId: httpEvent, direction },
          })) as { token: string }
        ).token
      }
    }
    await refresh()
    const rotation = setInterval(() => void refresh(), 10_000)
    const http = {
      in: await drive(VOLUNTEERS, async (i) => {
        await post('checkin', tokens[i], { action: 'scan', data: { token: codes.in, nonce: `h-in-${i}-xxxx` } })
      }),
      out: await drive(VOLUNTEERS, async (i) => {
        await post('checkin', tokens[i], { action: 'scan', data: { token: codes.out, nonce: `h-out-${i}-xxxx` } })
      }),
    }
    clearInterval(rotation)
    await check(pool, httpEvent)
    console.log({ direct, http })

    const row = (name: string, r: Awaited<ReturnType<typeof drive>>) =>
      `| ${name} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.seconds.toFixed(2)} |`
    const ratio = (a: number, b: number) => `${((100 * a) / b).toFixed(0)}%`
    await writeSection('Check-in burst (checkin.scan)', [
      `Run ${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM · Node ${process.version} · embedded PostgreSQL 18 · pg pool of ${POOL} in both paths · synchronous_commit on.`,
      `${VOLUNTEERS} confirmed volunteers of one event each self-scan the rotating site code to check in, then all check out: ${VOLUNTEERS * 2} scans, ${IN_FLIGHT} in flight. Every run ended with exactly ${VOLUNTEERS} check-ins and ${VOLUNTEERS} check-outs (checked by the benchmark).`,
      '“Direct” is the scan write (`recordScan`: one statement that finds the registration, checks the nonce and the last direction, inserts, and on a check-in marks the registration attended) through pg; “local host” is HTTP POST /api/checkin `scan` from a separate process (dev session, dispatcher, zod, token peek and HMAC check, the event (a 5-second read cache), the same statement, JSON). The load generator, the host and PostgreSQL share the 2 CPUs.',
      'Target: ≥ 1,000 check-ins/s through the local host.',
      '',
      '| path | scans/s | p50 ms | p99 ms | wall s |',
      '|---|---|---|---|---|',
      row('direct transaction through pg, check-in', direct.in),
      row('direct transaction through pg, check-out', direct.out),
      row('local host over HTTP, check-in', http.in),
      row('local host over HTTP, check-out', http.out),
      '',
      `Local host throughput as a share of direct: check-in ${ratio(http.in.perSecond, direct.in.perSecond)}, check-out ${ratio(http.out.perSecond, direct.out.perSecond)}.`,
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
