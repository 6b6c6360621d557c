import { Image, Text, View } from '@tarojs/components'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { MyRegistration } from '@api/signup'
import { getTicket } from '@/features/checkin/api'
import { errorMessage } from '@/utils/errors'
import { formatTimeRange } from '@/utils/time'
import { useLoad } from '@/hooks/useLoad'
import './TicketPopup.scss'

/**
 * My ticket for one event: a QR code the organiser scans at the door (`checkin.ticket`). Drawn in
 * the page (not a portal) so it looks and behaves the same in WeChat, H5 and the page tests.
 */
export function TicketPopup({ item, onClose }: { item: MyRegistration; onClose(): void }) {
  const a = item.activity
  const ticket = useLoad(() => getTicket(a.id), [a.id])
  return (
    <View className="ticket-popup" data-testid="ticket-popup" catchMove onClick={onClose}>
      <View className="ticket-popup__box" onClick={(e) => e.stopPropagation()}>
        <Text className="ticket-popup__label">入场券</Text>
        <Text className="ticket-popup__title">{a.title}</Text>
        <Text className="ticket-popup__time">{formatTimeRange(a.startAt, a.endAt)}</Text>
        <View className="ticket-popup__qr-box">
          {ticket.phase === 'ready' ? (
            <Image className="ticket-popup__qr" data-testid="ticket-qr" src={ticket.data.qrDataUrl} mode="aspectFit" />
          ) : ticket.phase === 'loading' ? (
            <Text className="ticket-popup__wait">加载中…</Text>
          ) : (
            <View className="ticket-popup__error" data-testid="ticket-error">
              <Text>{errorMessage(ticket.error)}</Text>
              <Button size="small" shape="round" variant="outlined" onClick={() => void ticket.reload()}>
                重试
              </Button>
            </View>
          )}
        </View>
        <Text className="ticket-popup__note">请向现场组织者出示</Text>
        <Button className="ticket-popup__close" shape="round" block onClick={onClose}>
          关闭
        </Button>
      </View>
    </View>
  )
}
