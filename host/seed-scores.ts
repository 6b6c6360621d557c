/**
 * Demo unit rating (五星青春团建 评比): the year's weights the district admin set — completing the
 * annual list first, then how the events were rated and attended, and volunteer hours — so 五星评比
 * ranks the member units by the district's own weights (the scores are computed from the seeded
 * events, attendance, ratings and hours when read). Called once by seedIfEmpty inside its
 * transaction.
 */
import type { PoolClient } from 'pg'
import { saveYearWeights } from '../server/store/scores'

const DAY = 86400_000

export const DEMO_WEIGHTS = {
  completion: 35,
  satisfaction: 20,
  response: 10,
  participation: 20,
  hours: 15,
  hoursTarget: 15,
}

export async function seedScores(
  client: PoolClient,
  opts: { districtId: string; year: number; districtAdminId: string; now: Date },
): Promise<void> {
  await saveYearWeights(
    client,
    opts.districtId,
    opts.year,
    DEMO_WEIGHTS,
    opts.districtAdminId,
    new Date(opts.now.getTime() - 40 * DAY),
  )
}
