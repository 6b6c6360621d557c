/**
 * Unit rating (五星): one member unit's year, scored from its data. Pure: the inputs are counts the
 * store gathers; the output is the score, each part with its value, weight and points, the stars,
 * and what would raise each part. No text here: pages word the parts and the hints.
 *
 * Each part is a ratio in 0..1 times its weight (points out of 100 in all):
 * - completion:    plan lines with a held event ÷ the unit's plan lines (0 without lines)
 * - satisfaction:  (average stars − 1) ÷ 4 (0 without ratings)
 * - response:      ratings ÷ attended, at most 1 (0 when nobody attended)
 * - participation: attended ÷ capacity over the held events, at most 1 (0 without events)
 * - hours:         approved hours per held event ÷ the hours target, at most 1 (0 without events)
 * Points are rounded to one decimal; the score is the sum of the rounded points.
 */
import { SCORE_PARTS, type ScorePart, type ScoreRaise } from '@contract/score'
import type { UnitYearCounts } from '@api/score'

export { SCORE_PARTS }
export type { ScorePart, ScoreRaise }

export interface ScoreWeights {
  completion: number
  satisfaction: number
  response: number
  participation: number
  hours: number
  /** Approved hours per held event that earn the hours part in full. */
  hoursTarget: number
}

/** The weights when the district has set none for the year. */
export const DEFAULT_WEIGHTS: ScoreWeights = {
  completion: 30,
  satisfaction: 25,
  response: 15,
  participation: 15,
  hours: 15,
  hoursTarget: 20,
}

/** A score at or above the n-th threshold earns n + 1 stars (1 star below the first). */
export const STAR_THRESHOLDS = [40, 55, 70, 85] as const

/** The counts the formula reads: the API's own shape (types/api/score.ts), so the scorecard shows what was scored. */
export type UnitYearData = UnitYearCounts

export interface ScorePartResult {
  part: ScorePart
  /** The part's measure as people read it: a ratio (0..1), the average stars or hours per event; null: no data. */
  value: number | null
  /** 0..1, the share of the weight earned. */
  ratio: number
  weight: number
  points: number
  raise: ScoreRaise | null
}

export interface UnitScore {
  score: number
  stars: number
  parts: ScorePartResult[]
}

const round1 = (n: number) => Math.round(n * 10) / 10
const clamp01 = (n: number) => Math.min(1, Math.max(0, n))

export function starsFor(score: number): number {
  return 1 + STAR_THRESHOLDS.filter((t) => score >= t).length
}

export function unitScore(data: UnitYearData, weights: ScoreWeights): UnitScore {
  const part = (
    name: ScorePart,
    value: number | null,
    ratio: number,
    raise: (gain: number) => ScoreRaise | null,
  ): ScorePartResult => {
    const weight = weights[name]
    const r = clamp01(ratio)
    const points = round1(weight * r)
    const gain = round1(weight - points)
    return { part: name, value, ratio: r, weight, points, raise: gain > 0 ? raise(gain) : null }
  }
  const average = data.ratings > 0 ? data.starsSum / data.ratings : null
  const hoursPerEvent = data.events > 0 ? data.approvedHours / data.events : null
  const parts = [
    part(
      'completion',
      data.planLines > 0 ? data.planLinesDone / data.planLines : null,
      data.planLines > 0 ? data.planLinesDone / data.planLines : 0,
      (gain) =>
        data.planLines > data.planLinesDone
          ? { kind: 'holdPlanLines', count: data.planLines - data.planLinesDone, gain }
          : null,
    ),
    part('satisfaction', average, average === null ? 0 : (average - 1) / 4, (gain) => ({
      kind: 'raiseSatisfaction',
      gain,
    })),
    part(
      'response',
      data.attended > 0 ? Math.min(1, data.ratings / data.attended) : null,
      data.attended > 0 ? data.ratings / data.attended : 0,
      (gain) =>
        data.attended > data.ratings
          ? { kind: 'raiseResponse', missingRatings: data.attended - data.ratings, gain }
          : null,
    ),
    part(
      'participation',
      data.capacity > 0 ? Math.min(1, data.attended / data.capacity) : null,
      data.capacity > 0 ? data.attended / data.capacity : 0,
      (gain) =>
        data.capacity > data.attended
          ? { kind: 'raiseParticipation', missingAttendees: data.capacity - data.attended, gain }
          : null,
    ),
    part(
      'hours',
      hoursPerEvent === null ? null : round1(hoursPerEvent),
      hoursPerEvent === null ? 0 : hoursPerEvent / weights.hoursTarget,
      (gain) =>
        data.events > 0
          ? {
              kind: 'raiseHours',
              missingHours: round1(weights.hoursTarget * data.events - data.approvedHours),
              gain,
            }
          : null,
    ),
  ]
  const score = round1(parts.reduce((sum, p) => sum + p.points, 0))
  return { score, stars: starsFor(score), parts }
}

/** Weights must be whole points summing to 100 and a positive hours target. */
export function weightsValid(w: ScoreWeights): boolean {
  const ws = SCORE_PARTS.map((p) => w[p])
  return (
    ws.every((x) => Number.isInteger(x) && x >= 0 && x <= 100) &&
    ws.reduce((a, b) => a + b, 0) === 100 &&
    w.hoursTarget > 0
  )
}
