import type { LineState } from '@api/plan'

export const LINE_STATE_NAMES: Record<LineState, string> = {
  planned: '计划中',
  posted: '已发布',
  held: '已举办',
  overdue: '逾期',
}

export const LINE_STATES = Object.keys(LINE_STATE_NAMES) as LineState[]
