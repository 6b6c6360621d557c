/**
 * API contract of the `score` cloud function: unit rating (五星). Each member unit's year is scored
 * from its annual-list completion, its events' satisfaction and response rate, participation and
 * approved hours per event, with weights the district sets per year (server/domain/score/formula.ts).
 */
import * as z from 'zod'
import { YEAR } from './common'

export const SCORE_PARTS = ['completion', 'satisfaction', 'response', 'participation', 'hours'] as const
export type ScorePart = (typeof SCORE_PARTS)[number]

export const SCORE_PART_NAMES: Record<ScorePart, string> = {
  completion: '年度清单完成率',
  satisfaction: '活动满意度',
  response: '评价回应率',
  participation: '参与度',
  hours: '场均志愿时长',
}

export const unitScoreRequest = z.strictObject({ unitId: z.uuid(), year: YEAR })
export type UnitScoreRequest = z.input<typeof unitScoreRequest>

export const rankingRequest = z.strictObject({ year: YEAR })
export type RankingRequest = z.input<typeof rankingRequest>

const weight = z.number().int().min(0).max(100)
export const setWeightsRequest = z
  .strictObject({
    year: YEAR,
    completion: weight,
    satisfaction: weight,
    response: weight,
    participation: weight,
    hours: weight,
    hoursTarget: z.number().positive().max(10000),
  })
  .refine((w) => w.completion + w.satisfaction + w.response + w.participation + w.hours === 100, {
    message: '各项权重之和须为 100',
  })
export type SetWeightsRequest = z.input<typeof setWeightsRequest>

export interface ScoreWeights {
  completion: number
  satisfaction: number
  response: number
  participation: number
  hours: number
  hoursTarget: number
}

export interface YearWeights extends ScoreWeights {
  year: number
  /** False: the district set none for the year and these are the defaults. */
  custom: boolean
}

export type ScoreRaise =
  | { kind: 'holdPlanLines'; count: number; gain: number }
  | { kind: 'raiseSatisfaction'; gain: number }
  | { kind: 'raiseResponse'; missingRatings: number; gain: number }
  | { kind: 'raiseParticipation'; missingAttendees: number; gain: number }
  | { kind: 'raiseHours'; missingHours: number; gain: number }

export interface ScorePartView {
  part: ScorePart
  value: number | null
  ratio: number
  weight: number
  points: number
  raise: ScoreRaise | null
  /** The hint in words, e.g. 完成 2 条未举办的清单活动可提高 12 分; null: nothing to raise. */
  tip: string | null
}

export interface UnitYearCounts {
  planLines: number
  planLinesDone: number
  events: number
  attended: number
  capacity: number
  ratings: number
  starsSum: number
  approvedHours: number
}

export interface UnitScorecard {
  unitId: string
  unitName: string
  year: number
  score: number
  stars: number
  parts: ScorePartView[]
  counts: UnitYearCounts
  weights: YearWeights
  /** Stars from 2 up start at these scores. */
  thresholds: number[]
}

export interface RankedUnit {
  rank: number
  unitId: string
  unitName: string
  score: number
  stars: number
  points: Record<ScorePart, number>
}

export interface UnitRanking {
  year: number
  weights: YearWeights
  thresholds: number[]
  units: RankedUnit[]
}

export interface ScoreExport {
  fileName: string
  fileId: string
  url: string
}

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

export interface ScoreActions {
  unit: { request: UnitScoreRequest; response: UnitScorecard }
  ranking: { request: RankingRequest; response: UnitRanking }
  export: { request: RankingRequest; response: ScoreExport }
  setWeights: { request: SetWeightsRequest; response: YearWeights }
}
