import { Text, View } from '@tarojs/components'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import Tag from '@taroify/core/tag'
import '@taroify/core/tag/style'
import type { MyRegistration } from '@api/signup'
import { STATE_COLORS, stateLabel } from '@/features/signup/states'
import { formatDateTime, formatTimeRange } from '@/utils/time'
import './MyRegistrationCard.scss'

interface Props {
  item: MyRegistration
  busy: boolean
  onOpen(): void
  onAccept(): void
  onDecline(): void
  onCancel(): void
  /** Opens my ticket (入场券): confirmed registrations, and checked-in ones (to check out by ticket). */
  onTicket(): void
}

/** One of my registrations: the event, my state, and what I can do about it. */
export function MyRegistrationCard({ item, busy, onOpen, onAccept, onDecline, onCancel, onTicket }: Props) {
  const a = item.activity
  const offered = item.state === 'offered'
  return (
    <View className="my-reg" data-testid="my-registration">
      <View className="my-reg__main" onClick={onOpen}>
        <View className="my-reg__top">
          <Text className="my-reg__title">{a.title}</Text>
          <Tag className="my-reg__state" color={STATE_COLORS[item.state]} shape="rounded" data-testid="my-reg-state">
            {stateLabel(item.state, item.waitlistPosition)}
          </Tag>
        </View>
        <Text className="my-reg__line">{formatTimeRange(a.startAt, a.endAt)}</Text>
        <Text className="my-reg__line">{a.placeName}</Text>
        <Text className="my-reg__line my-reg__unit">{a.unitName}</Text>
        {item.quotaKey ? <Text className="my-reg__line">分组：{item.quotaKey}</Text> : null}
        {item.reason && ['rejected', 'cancelled', 'expired'].includes(item.state) ? (
          <Text className="my-reg__line my-reg__reason">原因：{item.reason}</Text>
        ) : null}
      </View>

      {offered ? (
        <View className="my-reg__offer" data-testid="my-reg-offer">
          <Text className="my-reg__offer-text">
            有名额为你保留{item.offerExpiresAt ? `，请在 ${formatDateTime(item.offerExpiresAt)} 前确认` : ''}
          </Text>
          <View className="my-reg__actions">
            <Button size="small" shape="round" variant="outlined" disabled={busy} onClick={onDecline}>
              放弃
            </Button>
            <Button
              className="my-reg__accept"
              size="small"
              shape="round"
              color="primary"
              disabled={busy}
              onClick={onAccept}
            >
              确认参加
            </Button>
          </View>
        </View>
      ) : null}

      {item.state === 'confirmed' || (item.state === 'attended' && item.activity.phase !== 'finished') ? (
        <View className="my-reg__ticket" data-testid="my-ticket">
          <View className="my-reg__ticket-info">
            <Text className="my-reg__ticket-title">入场券</Text>
            <Text className="my-reg__ticket-text">到场后向组织者出示，扫码入场</Text>
          </View>
          <Button
            className="my-reg__ticket-open"
            size="small"
            shape="round"
            color="primary"
            variant="outlined"
            data-testid="ticket-open"
            onClick={onTicket}
          >
            入场券
          </Button>
        </View>
      ) : null}

      {item.cancellable && !offered ? (
        <View className="my-reg__actions my-reg__actions--end">
          <Button
            className="my-reg__cancel"
            size="small"
            shape="round"
            variant="outlined"
            disabled={busy}
            onClick={onCancel}
          >
            {item.state === 'waitlisted' ? '退出候补' : '取消报名'}
          </Button>
        </View>
      ) : null}
    </View>
  )
}
