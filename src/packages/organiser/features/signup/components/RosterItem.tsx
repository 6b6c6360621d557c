import { Picker, Text, View } from '@tarojs/components'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import Tag from '@taroify/core/tag'
import '@taroify/core/tag/style'
import type { FormQuestion, RosterEntry } from '@api/signup'
import { ACTIVE_STATES } from '@contract/signup'
import { STATE_COLORS, rateText, stateLabel } from '@/features/signup/states'
import { NO_NAME } from '@/utils/display-name'
import { formatDateTime } from '@/utils/time'
import './roster.scss'

export type RosterAction = 'approve' | 'reject' | 'revoke' | 'promote' | 'attended' | 'no_show'

interface Props {
  entry: RosterEntry
  questions: FormQuestion[]
  /** Quota keys when the event splits its capacity (more than one). */
  quotaKeys: string[]
  started: boolean
  busy: boolean
  /** Select-mode events: applied and waitlisted entries can be ticked for 选中. */
  selectable: boolean
  selected: boolean
  onToggle(): void
  onAction(action: RosterAction): void
  onMove(quotaKey: string): void
}

function answerText(v: string | string[] | undefined): string {
  if (v === undefined) return '—'
  return Array.isArray(v) ? v.join('、') : v
}

/** One person on the roster: who they are, what they answered, and what the organiser can do. */
export function RosterItem({
  entry: e,
  questions,
  quotaKeys,
  started,
  busy,
  selectable,
  selected,
  onToggle,
  onAction,
  onMove,
}: Props) {
  const p = e.person
  const others = quotaKeys.filter((k) => k !== e.quotaKey)
  const btn = (action: RosterAction, label: string, color?: 'primary' | 'danger') => (
    <Button
      key={action}
      className={`roster-item__${action}`}
      size="small"
      shape="round"
      variant={color ? 'contained' : 'outlined'}
      color={color}
      disabled={busy}
      onClick={() => onAction(action)}
    >
      {label}
    </Button>
  )
  return (
    <View className={`roster-item${selected ? ' roster-item--selected' : ''}`} data-testid="roster-item" data-id={e.id}>
      <View className="roster-item__top">
        {selectable ? (
          <View
            className={`roster-item__check${selected ? ' roster-item__check--on' : ''}`}
            data-testid="roster-check"
            onClick={onToggle}
          >
            {selected ? '✓' : ''}
          </View>
        ) : null}
        <View className="roster-item__who">
          <Text className="roster-item__name">{p.realName?.trim() || NO_NAME}</Text>
          <Text className="roster-item__nick">{p.nickname}</Text>
        </View>
        <Tag color={STATE_COLORS[e.state]} shape="rounded" className="roster-item__state">
          {stateLabel(e.state, e.waitlistPosition)}
        </Tag>
      </View>
      <Text className="roster-item__line">
        {p.phone ?? '未填手机'} · {p.gender ?? '性别未填'} · {p.age !== null ? `${p.age} 岁` : '年龄未填'} · 到场率{' '}
        {rateText(p.attendanceRate)}
      </Text>
      {e.quotaKey ? <Text className="roster-item__line">分组：{e.quotaKey}</Text> : null}
      {questions.map((q) => (
        <Text key={q.id} className="roster-item__line roster-item__answer">
          {q.label}：{answerText(e.answers[q.id])}
        </Text>
      ))}
      {e.state === 'offered' && e.offerExpiresAt ? (
        <Text className="roster-item__line">待本人于 {formatDateTime(e.offerExpiresAt)} 前确认</Text>
      ) : null}
      {e.reason ? <Text className="roster-item__line roster-item__reason">原因：{e.reason}</Text> : null}
      <Text className="roster-item__line roster-item__time">报名于 {formatDateTime(e.createdAt)}</Text>

      <View className="roster-item__actions">
        {e.state === 'pending' ? [btn('approve', '通过', 'primary'), btn('reject', '驳回')] : null}
        {['waitlisted', 'applied', 'pending'].includes(e.state) ? btn('promote', '递补') : null}
        {e.state === 'confirmed' || e.state === 'offered' ? btn('revoke', '取消资格') : null}
        {started && ['confirmed', 'attended', 'no_show'].includes(e.state)
          ? [
              e.state !== 'attended' ? btn('attended', '到场', 'primary') : null,
              e.state !== 'no_show' ? btn('no_show', '缺席') : null,
            ]
          : null}
        {others.length > 0 && ACTIVE_STATES.includes(e.state) ? (
          <Picker
            mode="selector"
            range={others}
            data-testid="roster-move"
            disabled={busy}
            onChange={(ev) => {
              const key = others[Number(ev.detail.value)]
              if (key) onMove(key)
            }}
          >
            <View className="roster-item__move">调整分组</View>
          </Picker>
        ) : null}
      </View>
    </View>
  )
}
