/**
 * Cold start of each cloud function: the size of its CloudBase bundle and how long a fresh Node
 * process takes to `require` it (what every new CloudBase instance pays before its first answer).
 * Median of RUNS fresh processes per function, after `npm run build:cloud`.
 */
import { execFileSync } from 'child_process'
import { readdirSync, statSync } from 'fs'
import { join } from 'path'
import { percentile, writeSection } from './report'

const ROOT = join(__dirname, '..')
const RUNS = 10

/**
 * Before issue 10 (bundles built from commit 395d54c), measured on this machine by the same method,
 * alternating with the new bundles in one run: every bundle carried the local stand-ins, and
 * signup, hours and plan carried exceljs (loaded at require time).
 */
const BEFORE: Record<string, { kb: number; ms: number }> = {
  activity: { kb: 273, ms: 108 },
  checkin: { kb: 282, ms: 109 },
  hours: { kb: 1430, ms: 210 },
  org: { kb: 251, ms: 70 },
  plan: { kb: 1415, ms: 218 },
  session: { kb: 218, ms: 63 },
  signup: { kb: 1444, ms: 215 },
}

/** Functions a young person's tap reaches: the cold-start budget applies to these. */
const TAP_PATH = ['activity', 'signup', 'checkin', 'session']

/** Milliseconds a fresh Node process spends in `require(bundle)`. */
function requireMs(bundle: string): number {
  const script = `const t = process.hrtime.bigint(); require(${JSON.stringify(bundle)}); process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6))`
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }))
}

function measureColdStart(): { fn: string; kb: number; ms: number }[] {
  const fns = readdirSync(join(ROOT, 'cloudfunctions')).sort()
  return fns.map((fn) => {
    const bundle = join(ROOT, 'cloudfunctions', fn, 'index.js')
    const times = Array.from({ length: RUNS }, () => requireMs(bundle))
    return { fn, kb: statSync(bundle).size / 1024, ms: percentile(times, 50) }
  })
}

async function main() {
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build-cloud.ts')], { stdio: 'inherit' })
  const rows = measureColdStart()
  const signupBefore = BEFORE.signup.ms
  const lines = [
    `Bundle size and median \`require\` time of each function's CloudBase bundle in a fresh Node ${process.version} process (${RUNS} runs each), on this machine. "Before" is commit 395d54c, before the architecture issue. Budget for the functions a young person's tap reaches (${TAP_PATH.join(', ')}): under 400 KB and at most 60% of the old signup require time (${(signupBefore * 0.6).toFixed(0)} ms).`,
    '',
    '| function | bundle | require (median) | before: bundle | before: require | within budget |',
    '|---|---|---|---|---|---|',
    ...rows.map(({ fn, kb, ms }) => {
      const before = BEFORE[fn]
      const budget = TAP_PATH.includes(fn) ? (kb < 400 && ms <= signupBefore * 0.6 ? 'yes' : '**no**') : '—'
      return `| ${fn} | ${kb.toFixed(0)} KB | ${ms.toFixed(0)} ms | ${before ? `${before.kb} KB` : '—'} | ${before ? `${before.ms} ms` : '—'} | ${budget} |`
    }),
  ]
  console.log(lines.join('\n'))
  await writeSection('Cold start (bundle size and require time)', lines)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
