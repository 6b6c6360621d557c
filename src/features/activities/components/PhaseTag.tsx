import Tag from '@taroify/core/tag'
import '@taroify/core/tag/style'
import type { ActivityPhase } from '@api/activity'

type TagColor = 'default' | 'primary' | 'info' | 'success' | 'warning' | 'danger'

export const PHASE_LABELS: Record<ActivityPhase, string> = {
  open: '报名中',
  upcoming: '即将开始',
  ongoing: '进行中',
  finished: '已结束',
  cancelled: '已取消',
}

const PHASE_COLORS: Record<ActivityPhase, TagColor> = {
  open: 'primary',
  upcoming: 'warning',
  ongoing: 'success',
  finished: 'default',
  cancelled: 'default',
}

export function PhaseTag({ phase }: { phase: ActivityPhase }) {
  return (
    <Tag
      className={`phase-tag phase-tag--${phase}`}
      color={PHASE_COLORS[phase]}
      variant={phase === 'cancelled' ? 'outlined' : 'contained'}
      shape="rounded"
    >
      {PHASE_LABELS[phase]}
    </Tag>
  )
}
