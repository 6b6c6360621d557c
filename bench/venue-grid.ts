/**
 * Venue grid benchmark (issue 12): 200 venues × 5 facilities with 50,000 bookings in one district,
 * then p50/p95 of one facility's week grid at the database (the grid's booking query alone,
 * `bookingsBetween`, through pg) and end to end (HTTP POST /api/venue `grid` through the local
 * host: dispatcher, validation, facility, venue, hours and bookings, the grid computed in
 * Asia/Shanghai, JSON). Targets: DB p95 < 20 ms, end to end p95 < 60 ms.
 */
import { chmodSync, mkdtempSync, rmSync } from 'fs'
import { cpus, tmpdir, totalmem } from 'os'
import { join } from 'path'
import { Pool } from 'pg'
import { startLocalHost } from '../host/local-host'
import { shanghaiDay } from '../server/domain/shanghai-time'
import { DAY_MS, dayStart, weekMonday } from '../server/domain/venue/calendar'
import { usageMonths } from '../server/domain/venue/usage'
import { bookingsBetween, usageSums, usageVenues } from '../server/store/venues'
import { benchClient } from './http'
import { percentile, writeSection } from './report'

const VENUES = Number(process.env.BENCH_VENUES ?? 200)
const FACILITIES_PER_VENUE = 5
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 50_000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300)
const WARM_UP = 20
const USAGE_ROUNDS = Number(process.env.BENCH_USAGE_ROUNDS ?? 30)

/**
 * Venues open 08:00–22:00 every day (with a closed day here and there), five facilities each, and
 * the bookings spread evenly over the facilities: one a day per facility, two hours at a time, from
 * several weeks back to several weeks ahead, in every state (so the grid's partial index has to
 * skip the declined and cancelled ones). Holding bookings never overlap: the exclusion constraint
 * checks every row of the load as it would in use.
 */
async function load(pool: Pool): Promise<void> {
  await pool.query(
    `insert into venue (district_id, owner_unit_id, name, tier, address, latitude, longitude, intro, contact_name, contact_phone)
     select 'runzhou', u.id, '基准阵地' || g, (array['flagship','functional','partner','unit'])[1 + g % 4],
       '润州区基准路 ' || g || ' 号', 32.2 + (g % 20) * 0.002, 119.4 + (g / 20) * 0.002, '基准测试场地', '管理员', '13900000000'
     from generate_series(1, $1::int) g
     cross join lateral (select id from org_unit where status = 'admitted' order by id
                         offset (g % (select count(*) from org_unit where status = 'admitted')) limit 1) u`,
    [VENUES],
  )
  await pool.query(
    `insert into venue_hours (district_id, venue_id, weekday, opens_min, closes_min)
     select v.district_id, v.id, wd, 480, 1320 from venue v cross join generate_series(1, 7) wd
     where v.name like '基准阵地%'`,
  )
  await pool.query(
    `insert into venue_exception (district_id, venue_id, day, note)
     select v.district_id, v.id, (now() at time zone 'Asia/Shanghai')::date + (row_number() over (order by v.id) % 14)::int, '闭馆'
     from venue v where v.name like '基准阵地%'`,
  )
  await pool.query(
    `insert into facility (district_id, venue_id, kind, name, needs_approval, slot_minutes, min_minutes, max_minutes, max_days_ahead)
     select v.district_id, v.id, (array['badminton_court','table_tennis','gym','yoga_room','meeting_room'])[k],
       '设施 ' || k, k = 5, 30, 30, 240, 60
     from venue v cross join generate_series(1, $1::int) k where v.name like '基准阵地%'`,
    [FACILITIES_PER_VENUE],
  )
  const perFacility = Math.ceil(BOOKINGS / (VENUES * FACILITIES_PER_VENUE))
  await pool.query(
    `insert into booking (district_id, facility_id, unit_id, booked_by, during, purpose, state)
     select f.district_id, f.id, u.id, p.user_id,
       tstzrange(s.start_at, s.start_at + interval '2 hours', '[)'), '基准预订',
       case when i % 10 = 0 then 'pending' when i % 10 = 1 then 'cancelled' when i % 10 = 2 then 'declined'
            when s.start_at < now() then 'used' else 'approved' end
     from (select f.*, row_number() over (order by f.id) as n from facility f
           join venue v on v.district_id = f.district_id and v.id = f.venue_id where v.name like '基准阵地%') f
     cross join generate_series(0, $1::int - 1) i
     cross join lateral (select ((date_trunc('day', now() at time zone 'Asia/Shanghai')
                                  + make_interval(days => i - $1::int / 2, hours => 8 + ((i + f.n::int) % 7) * 2))
                                 at time zone 'Asia/Shanghai') as start_at) s
     cross join (select array_agg(id order by id) as ids from org_unit where status = 'admitted') units
     cross join lateral (select units.ids[1 + ((i + f.n::int) % cardinality(units.ids))] as id) u
     cross join (select user_id from unit_member order by user_id limit 1) p
     order by f.n, i
     limit $2::int`,
    [perFacility, BOOKINGS],
  )
  const { rows } = await pool.query<{ n: number }>("select count(*)::int as n from booking where purpose = '基准预订'")
  if (rows[0].n !== BOOKINGS) throw new Error(`loaded ${rows[0].n} bookings, not ${BOOKINGS}`)
  await pool.query('analyze venue; analyze venue_hours; analyze venue_exception; analyze facility; analyze booking')
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'qingju-bench-'))
  chmodSync(dataDir, 0o755)
  const host = await startLocalHost({ dataDir, port: 0, staticDir: null, log: () => {} })
  const pool = new Pool({ connectionString: host.databaseUrl, max: 4 })
  const client = benchClient(host.url, 4)
  try {
    const t0 = Date.now()
    await load(pool)
    const loadMs = Date.now() - t0
    const counts = (
      await pool.query<{ venues: number; facilities: number; bookings: number }>(
        `select (select count(*)::int from venue) as venues, (select count(*)::int from facility) as facilities,
                (select count(*)::int from booking) as bookings`,
      )
    ).rows[0]
    const facilities = (
      await pool.query<{ id: string }>(
        "select f.id from facility f join venue v on v.id = f.venue_id where v.name like '基准阵地%' order by f.id",
      )
    ).rows.map((r) => r.id)
    const now = new Date()
    const monday = weekMonday(shanghaiDay(now))
    const from = dayStart(monday)
    const to = new Date(from.getTime() + 7 * DAY_MS)
    const plan = (
      await pool.query<{ 'QUERY PLAN': string }>(
        `explain analyze select lower(during) as start_at, upper(during) as end_at, state from booking
         where district_id = $1 and facility_id = $2 and during && tstzrange($3, $4, '[)')
           and state in ('pending', 'approved', 'used', 'no_show')`,
        ['runzhou', facilities[0], from, to],
      )
    ).rows.map((r) => r['QUERY PLAN'])
    console.log(plan.join('\n'))
    const db: number[] = []
    const http: number[] = []
    let slots = 0
    let held = 0
    for (let i = 0; i < ROUNDS + WARM_UP; i++) {
      // A different facility each round, so no round reads what the last one just read.
      const facilityId = facilities[(i * 7919) % facilities.length]
      const a = process.hrtime.bigint()
      const rows = await bookingsBetween(pool, 'runzhou', facilityId, from, to)
      const b = process.hrtime.bigint()
      const res = await client.post('venue', null, { action: 'grid', data: { facilityId, weekOf: monday } })
      const c = process.hrtime.bigint()
      if (!res.ok) throw new Error(`grid: ${JSON.stringify(res)}`)
      if (i >= WARM_UP) {
        db.push(Number(b - a) / 1e6)
        http.push(Number(c - b) / 1e6)
        held += rows.length
        const grid = res.data as { days: { slots: unknown[] }[] }
        slots += grid.days.reduce((n, d) => n + d.slots.length, 0)
      }
    }
    // The district's usage report (venue.usage) as the district admin: every venue, a month and a year.
    const login = await client.post('_dev/login', null, { persona: 'district_admin' })
    const token = (login.data as { token: string }).token
    const venueIds = (await usageVenues(pool, 'runzhou', { venueId: null, ownerUnitIds: null })).map((v) => v.id)
    const year = Number(monday.slice(0, 4))
    const month = Number(monday.slice(5, 7))
    const usageRows: string[][] = []
    for (const [name, months, data] of [
      [`usage, every venue, one month (${monday.slice(0, 7)})`, usageMonths(year, month), { year, month }],
      [`usage, every venue, the year ${year}`, usageMonths(year), { year }],
    ] as const) {
      const udb: number[] = []
      const uhttp: number[] = []
      for (let i = 0; i < USAGE_ROUNDS + 3; i++) {
        const a = process.hrtime.bigint()
        await usageSums(pool, 'runzhou', venueIds, [...months])
        const b = process.hrtime.bigint()
        const res = await client.post('venue', token, { action: 'usage', data })
        const c = process.hrtime.bigint()
        if (!res.ok) throw new Error(`usage: ${JSON.stringify(res)}`)
        if (i >= 3) {
          udb.push(Number(b - a) / 1e6)
          uhttp.push(Number(c - b) / 1e6)
        }
      }
      usageRows.push([
        name,
        ...[udb, uhttp].flatMap((xs) => [percentile(xs, 50), percentile(xs, 95)].map((v) => v.toFixed(2))),
      ])
      console.log(usageRows[usageRows.length - 1].join('  '))
    }
    const row = [db, http].flatMap((xs) => [percentile(xs, 50), percentile(xs, 95)].map((v) => v.toFixed(2)))
    console.log(`DB p50 ${row[0]} p95 ${row[1]} · end to end p50 ${row[2]} p95 ${row[3]}`)
    const pg = (await pool.query<{ server_version: string }>('show server_version')).rows[0].server_version
    const indexLine = (plan.find((l) => /booking_grid|Seq Scan/.test(l)) ?? '').replace(/^\s*->\s*/, '').trim()
    await writeSection('Venue week grid (venue.grid)', [
      `Run ${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM · Node ${process.version} · PostgreSQL ${pg} (embedded, fsync on)`,
      `${counts.venues} venues, ${counts.facilities} facilities, ${counts.bookings.toLocaleString('en')} bookings in one district (${VENUES} × ${FACILITIES_PER_VENUE} generated with ${BOOKINGS.toLocaleString('en')} bookings in ${(loadMs / 1000).toFixed(1)} s, plus the demo seed): one booking a day per facility over ${Math.ceil(BOOKINGS / (VENUES * FACILITIES_PER_VENUE))} days around today, in every state (pending, approved, used, declined, cancelled).`,
      `${ROUNDS} sequential rounds after ${WARM_UP} warm-up rounds, each on another facility, for this week (Shanghai Monday ${monday}); on average ${(held / ROUNDS).toFixed(1)} bookings read and ${Math.round(slots / ROUNDS)} slots answered per grid.`,
      "“DB” is the grid's booking query alone (`bookingsBetween` in server/store/venues.ts) through a pg pool; “end to end” is HTTP POST /api/venue `grid` through the local host (dispatcher, validation, the facility, the venue, its hours and exceptions and the bookings, the 7-day grid computed in Asia/Shanghai, JSON). Targets: DB p95 < 20 ms, end to end p95 < 60 ms.",
      `The booking query's plan: \`${indexLine}\` (the partial GiST index \`booking_grid\` of migration 0013; no new index was needed).`,
      '',
      '| query | DB p50 ms | DB p95 ms | end to end p50 ms | end to end p95 ms |',
      '|---|---|---|---|---|',
      `| one facility, one week | ${row.join(' | ')} |`,
      '',
      `Not a target, for scale: the district's usage report (\`venue.usage\` as the district admin, ${USAGE_ROUNDS} rounds after 3 warm-up rounds). “DB” is its booking sums (\`usageSums\`: bookings per venue, unit and month with hours clipped to each month); “end to end” adds the venues, their hours and exceptions, the opening hours computed day by day in Asia/Shanghai for every venue, and JSON.`,
      '',
      '| query | DB p50 ms | DB p95 ms | end to end p50 ms | end to end p95 ms |',
      '|---|---|---|---|---|',
      ...usageRows.map((r) => `| ${r.join(' | ')} |`),
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
