/**
 * API contract of the `score` cloud function: unit rating (五星). Each member unit's year is scored
 * from its annual-list completion, its events' satisfaction and response rate, participation and
 * approved hours per event, with weights the district sets per year (server/domain/score/formula.ts).
 */
import * as z from 'zod'
import { type ScorePart, type ScoreRaise } from '../contract/score'
import { YEAR } from './common'

export { raiseTip, SCORE_PART_NAMES, SCORE_PARTS } from '../contract/score'
export type { ScorePart, ScoreRaise } from '../contract/score'

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

export interface ScoreActions {
  unit: { request: UnitScoreRequest; response: UnitScorecard }
  ranking: { request: RankingRequest; response: UnitRanking }
  export: { request: RankingRequest; response: ScoreExport }
  setWeights: { request: SetWeightsRequest; response: YearWeights }
}
