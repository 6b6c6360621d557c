/** The stored mini-program code of an activity's poster (activity_share_code): SQL only. */
import type { Db } from './tx'

export interface ShareCodeKey {
  districtId: string
  activityId: string
}

/** The file id of the activity's stored code, or null when none was made yet. */
export async function shareCodeFile(db: Db, key: ShareCodeKey): Promise<string | null> {
  const { rows } = await db.query<{ file_id: string }>(
    'select file_id from activity_share_code where district_id = $1 and activity_id = $2',
    [key.districtId, key.activityId],
  )
  return rows[0]?.file_id ?? null
}

/** Keeps the file id of the activity's code (a code made again, for a file gone from storage, replaces it). */
export async function saveShareCodeFile(db: Db, key: ShareCodeKey, fileId: string, at: Date): Promise<void> {
  await db.query(
    `insert into activity_share_code (district_id, activity_id, file_id, created_at) values ($1, $2, $3, $4)
     on conflict (district_id, activity_id) do update set file_id = excluded.file_id, created_at = excluded.created_at`,
    [key.districtId, key.activityId, fileId, at],
  )
}
