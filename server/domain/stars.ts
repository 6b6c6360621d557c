/**
 * Stars (摘星): pure rules. A person's progress on an indicator is read from their records (approved
 * hours, attended events, approved evidence) and compared with the threshold; nothing is typed in.
 */

export type StarKind = 'hours' | 'activities' | 'category' | 'evidence'

export type StarRuleFailure =
  /** A category indicator needs categories; other kinds take none. */
  | { kind: 'badCategories' }
  /** Evidence goes only to evidence indicators of a published year. */
  | { kind: 'notEvidenceIndicator' }
  /** Evidence goes to a unit the person belongs to or took part in. */
  | { kind: 'notYourUnit' }
  /** Already submitted (waiting for review) or already approved. */
  | { kind: 'evidenceExists' }
  /** Only pending evidence is decided. */
  | { kind: 'alreadyReviewed' }

export interface IndicatorFacts {
  kind: StarKind
  threshold: number
  categories: string[]
}

export interface PersonRecords {
  /** Approved volunteer hours in the year (reversals included). */
  hours: number
  /** Attended events in the year, by category. */
  attended: { category: string; count: number }[]
  /** Whether approved evidence exists for the indicator. */
  evidenceApproved: boolean
}

/** How far the person is on the indicator, and whether it is met. */
export function progressOn(
  indicator: IndicatorFacts,
  records: PersonRecords,
): { progress: number; unit: string; met: boolean } {
  switch (indicator.kind) {
    case 'hours': {
      const progress = Math.round(records.hours * 10) / 10
      return { progress, unit: '小时', met: progress >= indicator.threshold }
    }
    case 'activities': {
      const progress = records.attended.reduce((n, a) => n + a.count, 0)
      return { progress, unit: '次', met: progress >= indicator.threshold }
    }
    case 'category': {
      const progress = records.attended
        .filter((a) => indicator.categories.includes(a.category))
        .reduce((n, a) => n + a.count, 0)
      return { progress, unit: '次', met: progress >= indicator.threshold }
    }
    case 'evidence':
      return { progress: records.evidenceApproved ? 1 : 0, unit: '项', met: records.evidenceApproved }
  }
}

/** Categories belong to category indicators only; evidence indicators count one approval. */
export function checkIndicator(i: IndicatorFacts): StarRuleFailure | null {
  if ((i.kind === 'category') !== i.categories.length > 0) return { kind: 'badCategories' }
  return null
}

/** The Shanghai year as instants: [start, end). */
export function yearRange(year: number): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(year - 1, 11, 31, 16)), to: new Date(Date.UTC(year, 11, 31, 16)) }
}
