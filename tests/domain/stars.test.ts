import { checkIndicator, progressOn, yearRange } from '../../server/domain/stars'

const records = (over: Partial<Parameters<typeof progressOn>[1]> = {}) => ({
  hours: 0,
  attended: [],
  evidenceApproved: false,
  ...over,
})

describe('progress on an indicator, from records', () => {
  test('hours: approved hours against the threshold', () => {
    const ind = { kind: 'hours' as const, threshold: 10, categories: [] }
    expect(progressOn(ind, records({ hours: 6 }))).toEqual({ progress: 6, unit: '小时', met: false })
    expect(progressOn(ind, records({ hours: 10 }))).toEqual({ progress: 10, unit: '小时', met: true })
  })

  test('activities count every attended event; category ones only their categories', () => {
    const attended = [
      { category: 'reading_club', count: 1 },
      { category: 'tree_planting', count: 3 },
    ]
    expect(progressOn({ kind: 'activities', threshold: 4, categories: [] }, records({ attended }))).toMatchObject({
      progress: 4,
      met: true,
    })
    expect(
      progressOn({ kind: 'category', threshold: 2, categories: ['reading_club'] }, records({ attended })),
    ).toMatchObject({ progress: 1, unit: '次', met: false })
  })

  test('evidence: met by approved evidence only', () => {
    const ind = { kind: 'evidence' as const, threshold: 1, categories: [] }
    expect(progressOn(ind, records())).toMatchObject({ progress: 0, met: false })
    expect(progressOn(ind, records({ evidenceApproved: true }))).toMatchObject({ progress: 1, met: true })
  })

  test('categories belong to category indicators only', () => {
    expect(checkIndicator({ kind: 'category', threshold: 1, categories: [] })).toEqual({ kind: 'badCategories' })
    expect(checkIndicator({ kind: 'hours', threshold: 1, categories: ['x'] })).toEqual({ kind: 'badCategories' })
    expect(checkIndicator({ kind: 'category', threshold: 1, categories: ['x'] })).toBeNull()
  })

  test('a year is the Shanghai year', () => {
    expect(yearRange(2026)).toEqual({
      from: new Date('2025-12-31T16:00:00.000Z'),
      to: new Date('2026-12-31T16:00:00.000Z'),
    })
  })
})
