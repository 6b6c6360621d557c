/** Unit rating (五星): the parts of a unit's score, their names, and the hints worded for people. */

export const SCORE_PARTS = ['completion', 'satisfaction', 'response', 'participation', 'hours'] as const
export type ScorePart = (typeof SCORE_PARTS)[number]

export const SCORE_PART_NAMES: Record<ScorePart, string> = {
  completion: '年度清单完成率',
  satisfaction: '活动满意度',
  response: '评价回应率',
  participation: '参与度',
  hours: '场均志愿时长',
}

export type ScoreRaise =
  | { kind: 'holdPlanLines'; count: number; gain: number }
  | { kind: 'raiseSatisfaction'; gain: number }
  | { kind: 'raiseResponse'; missingRatings: number; gain: number }
  | { kind: 'raiseParticipation'; missingAttendees: number; gain: number }
  | { kind: 'raiseHours'; missingHours: number; gain: number }

/** The hint for one part in Chinese. */
export function raiseTip(raise: ScoreRaise | null): string | null {
  if (!raise) return null
  const gain = `${raise.gain} 分`
  switch (raise.kind) {
    case 'holdPlanLines':
      return `完成 ${raise.count} 条未举办的清单活动可提高 ${gain}`
    case 'raiseSatisfaction':
      return `活动满意度达到 5 星可提高 ${gain}`
    case 'raiseResponse':
      return `再有 ${raise.missingRatings} 位参加者评价可提高 ${gain}`
    case 'raiseParticipation':
      return `再有 ${raise.missingAttendees} 人到场参加可提高 ${gain}`
    case 'raiseHours':
      return `再获认定 ${raise.missingHours} 小时志愿时长可提高 ${gain}`
  }
}
