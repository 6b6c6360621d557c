/** Builders for the star function's tests: indicators and evidence made straight in the database. */
import { main as star } from '../../cloudfunctions/star/src'
import type { World } from '../support/world'

export { star }

/** A published evidence indicator of the world's year (a fresh one each call). */
export async function evidenceIndicator(w: World, name = '亮身份'): Promise<string> {
  await w.db.query(
    `insert into star_year (district_id, year, published, updated_at) values ($1, $2, true, now())
     on conflict (district_id, year) do update set published = true`,
    [w.districtId, w.year],
  )
  const { rows } = await w.db.query<{ id: string }>(
    `insert into star_indicator (district_id, year, name, kind, threshold) values ($1, $2, $3, 'evidence', 1) returning id`,
    [w.districtId, w.year, name],
  )
  return rows[0].id
}

/** Pending evidence of `userId` for unit A, on a fresh evidence indicator. */
export async function pendingEvidence(w: World, userId: string): Promise<string> {
  const indicatorId = await evidenceIndicator(w)
  const { rows } = await w.db.query<{ id: string }>(
    `insert into star_evidence (district_id, indicator_id, user_id, unit_id, note, created_at)
     values ($1, $2, $3, $4, '佩戴团徽参加活动', now()) returning id`,
    [w.districtId, indicatorId, userId, w.unitA],
  )
  return rows[0].id
}

/**
 * Who may: SIGNED_IN, UNIT_A (unit A's organisers, the district admin), ADMIN (the district admin),
 * MEMBER_B (people of unit B: its organiser here; unit B because other rows of the matrix make everyone attend
 * unit A's events), OWNER_OR_UNIT_A (the young person whose evidence it is, and unit A's side).
 */
type Who = 'SIGNED_IN' | 'UNIT_A' | 'ADMIN' | 'MEMBER_B' | 'OWNER_OR_UNIT_A'

export function starMatrixCases(world: () => World): { name: string; who: Who; data: () => Promise<unknown> }[] {
  const w = world
  return [
    { name: 'star.mine', who: 'SIGNED_IN', data: async () => ({ year: w().year }) },
    { name: 'star.indicators', who: 'ADMIN', data: async () => ({ year: w().year }) },
    {
      name: 'star.saveIndicator',
      who: 'ADMIN',
      data: async () => ({ year: w().year, name: '志愿服务', kind: 'hours', threshold: 10, description: '满十小时' }),
    },
    {
      name: 'star.removeIndicator',
      who: 'ADMIN',
      data: async () => ({ indicatorId: await evidenceIndicator(w()) }),
    },
    { name: 'star.publish', who: 'ADMIN', data: async () => ({ year: w().year, published: true }) },
    { name: 'star.evidenceUploads', who: 'MEMBER_B', data: async () => ({ unitId: w().unitB, files: ['jpg'] }) },
    {
      name: 'star.submitEvidence',
      who: 'MEMBER_B',
      data: async () => ({ indicatorId: await evidenceIndicator(w()), unitId: w().unitB, note: '佩戴团徽参加活动' }),
    },
    { name: 'star.reviewList', who: 'UNIT_A', data: async () => ({ unitId: w().unitA }) },
    {
      name: 'star.review',
      who: 'UNIT_A',
      data: async () => ({ evidenceId: await pendingEvidence(w(), w().userIds.youth), decision: 'approve' }),
    },
    {
      name: 'star.review (decline)',
      who: 'UNIT_A',
      data: async () => ({
        evidenceId: await pendingEvidence(w(), w().userIds.youth),
        decision: 'decline',
        reason: '照片不清楚',
      }),
    },
    {
      name: 'star.evidencePhotos',
      who: 'OWNER_OR_UNIT_A',
      data: async () => ({ evidenceId: await pendingEvidence(w(), w().userIds.youth) }),
    },
  ]
}
