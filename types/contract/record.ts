/** The growth record's kinds of entries and their names, shared by the functions and the pages. */

/** The kinds of entries on the timeline, in the order the filter shows them. */
export const RECORD_KINDS = [
  'activity',
  'hours',
  'certificate',
  'rating',
  'wish',
  'wishClaimed',
  'youthGroup',
  'honour',
] as const
export type RecordKind = (typeof RECORD_KINDS)[number]

export const RECORD_KIND_NAMES: Record<RecordKind, string> = {
  activity: '参加活动',
  hours: '志愿时长',
  certificate: '志愿服务证明',
  rating: '活动评价',
  wish: '提出点单',
  wishClaimed: '点单被认领',
  youthGroup: '带领社团',
  honour: '获得荣誉',
}
