/** `npm run bench`: every benchmark in turn; each writes its section of BENCHMARKS.md. */
import { execFileSync } from 'child_process'
import { join } from 'path'

for (const name of [
  'cold-start',
  'browse',
  'signup',
  'checkin',
  'venue-grid',
  'survey-results',
  'growth-record',
  'first-screen',
]) {
  console.log(`\n=== bench/${name}.ts`)
  execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, `${name}.ts`)], { stdio: 'inherit' })
}
