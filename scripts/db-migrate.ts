/** `npm run db:migrate`: apply db/migrations to the database at DATABASE_URL (production or any server). */
import { closePool, getPool } from '../server/store/pool'
import { migrate } from '../host/migrate'

async function run() {
  if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL, e.g. postgresql://user:pass@host:5432/qingju')
  const applied = await migrate(getPool())
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date')
  await closePool()
}

run().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
