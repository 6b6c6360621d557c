/** The rating rules, pure: the window in Shanghai days, anonymity of aggregates, the district breakdown. */
import { ratingFailures } from '../../../cloudfunctions/rating/src/failures'
import type { RatingFailure } from '../../../server/app/rating/failures'
import type { Failure } from '../../../server/domain/failure'
import {
  aggregateOf,
  defaultQuarter,
  districtBreakdown,
  rateFailure,
  ratingDeadline,
  type RatedEvent,
} from '../../../server/domain/rating/rules'
import { answerFor, type FailureTable } from '../../../server/runtime/failures'
import { ERROR_CODES } from '../../../types/contract/result'

describe('the rating window', () => {
  test('closes at the Shanghai midnight ending the 7th day after the end day', () => {
    // Ends 23:30 on 1 December in Shanghai (15:30 UTC): open through 8 December, closed from 9 December 00:00.
    expect(ratingDeadline(new Date('2026-12-01T15:30:00Z')).toISOString()).toBe('2026-12-08T16:00:00.000Z')
    // Ends 00:30 on 2 December in Shanghai (16:30 UTC on 1 December): one day later.
    expect(ratingDeadline(new Date('2026-12-01T16:30:00Z')).toISOString()).toBe('2026-12-09T16:00:00.000Z')
  })

  test('refuses people who did not attend, events not yet over, and late ratings', () => {
    const event = { state: 'published', endAt: new Date('2026-12-01T10:00:00Z') }
    expect(rateFailure(event, false, new Date('2026-12-02T00:00:00Z'))).toEqual({ kind: 'notAttended' })
    expect(rateFailure({ ...event, state: 'cancelled' }, true, new Date('2026-12-02T00:00:00Z'))).toEqual({
      kind: 'notAttended',
    })
    expect(rateFailure(event, true, new Date('2026-12-01T09:59:59Z'))).toEqual({ kind: 'notEnded' })
    expect(rateFailure(event, true, new Date('2026-12-01T10:00:00Z'))).toBeNull()
    expect(rateFailure(event, true, new Date('2026-12-08T15:59:59Z'))).toBeNull()
    expect(rateFailure(event, true, new Date('2026-12-08T16:00:00Z'))).toEqual({ kind: 'ratingClosed' })
  })
})

describe('anonymity of aggregates', () => {
  test('4 ratings: counts only; 5: average and distribution', () => {
    expect(aggregateOf({ ratings: 4, starsSum: 16, starCounts: [0, 0, 0, 4, 0], attended: 8 })).toEqual({
      count: 4,
      attended: 8,
      responseRate: 0.5,
      average: null,
      distribution: null,
    })
    expect(aggregateOf({ ratings: 5, starsSum: 21, starCounts: [0, 0, 0, 4, 1], attended: 0 })).toEqual({
      count: 5,
      attended: 0,
      responseRate: null,
      average: 4.2,
      distribution: [0, 0, 0, 4, 1],
    })
  })

  test('the district breakdown masks each cell below 5 on its own, and lists only events with 5 or more', () => {
    const event = (id: string, unitId: string, month: number, ratings: number, stars: number): RatedEvent => ({
      activityId: id,
      title: id,
      unitId,
      unitName: unitId,
      category: 'reading_club',
      categoryName: '读书会',
      endAt: new Date(Date.UTC(2026, month - 1, 10)),
      ratings,
      starsSum: ratings * stars,
      starCounts: [1, 2, 3, 4, 5].map((s) => (s === stars ? ratings : 0)),
      attended: ratings + 1,
    })
    const view = districtBreakdown(
      [event('e1', 'A', 10, 3, 5), event('e2', 'B', 11, 6, 2), event('e3', 'B', 11, 4, 1)],
      4,
    )
    expect(view.byUnit.map((u) => [u.unitId, u.count, u.average])).toEqual([
      ['A', 3, null],
      ['B', 10, 1.6],
    ])
    expect(view.byMonth[9]).toMatchObject({ month: 10, count: 3, average: null, distribution: null })
    expect(view.byMonth[10]).toMatchObject({ month: 11, count: 10, average: 1.6, distribution: [4, 6, 0, 0, 0] })
    expect(view.byCategory).toMatchObject([{ category: 'reading_club', count: 13, average: 2.38 }])
    expect(view.lowest.map((e) => e.activityId)).toEqual(['e2'])
    expect(districtBreakdown([event('e2', 'B', 11, 6, 2)], 3).lowest).toEqual([])
  })

  test('the default quarter: now’s in the current year, the last for past years', () => {
    expect(defaultQuarter(2026, new Date('2026-11-25T02:00:00Z'))).toBe(4)
    expect(defaultQuarter(2026, new Date('2026-03-31T15:59:00Z'))).toBe(1)
    expect(defaultQuarter(2025, new Date('2026-03-01T00:00:00Z'))).toBe(4)
  })
})

test('every rating failure has a stable code and a Chinese message without identifiers', () => {
  const samples: RatingFailure[] = [
    { kind: 'notAttended' },
    { kind: 'notEnded' },
    { kind: 'ratingClosed' },
    { kind: 'notRatingViewer' },
    { kind: 'notDistrictViewer' },
  ]
  for (const f of samples) {
    const a = answerFor(f, ratingFailures as unknown as FailureTable<Failure>)!
    expect(ERROR_CODES).toContain(a.code)
    expect(a.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(a.message).not.toMatch(/[A-Za-z]/)
  }
})
