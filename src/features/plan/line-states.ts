import type { LineState } from '@contract/plan'

export { LINE_STATES } from '@contract/plan'

export const LINE_STATE_NAMES: Record<LineState, string> = {
  planned: '计划中',
  posted: '已发布',
  held: '已举办',
  overdue: '逾期',
}
