import type { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import type { Booking } from '@api/venue'
import { formatTimeRange } from '@/utils/time'
import { bookingStateName } from '../labels'
import './BookingCard.scss'

/** One booking: where, when, for what, by whom (when `showUnit`), its state and the owner's reason. */
export function BookingCard({ b, showUnit, children }: PropsWithChildren<{ b: Booking; showUnit?: boolean }>) {
  const name = bookingStateName(b)
  return (
    <View className="booking-card" data-testid="booking-card">
      <View className="booking-card__head">
        <Text className="booking-card__where">
          {b.venueName} · {b.facilityName}
        </Text>
        <Text className={`booking-card__state booking-card__state--${b.state}`} data-testid="booking-state">
          {name}
        </Text>
      </View>
      <Text className="booking-card__line">{formatTimeRange(b.startAt, b.endAt)}</Text>
      {showUnit && b.unitName ? <Text className="booking-card__line">预订单位：{b.unitName}</Text> : null}
      {showUnit && b.groupName ? (
        <Text className="booking-card__line" data-testid="booking-group">
          青年团体：{b.groupName}
          {b.leaderContact ? `（负责人 ${b.leaderContact.name} ${b.leaderContact.phone}）` : ''}
        </Text>
      ) : null}
      <Text className="booking-card__line">用途：{b.purpose}</Text>
      {b.reason ? (
        <Text className="booking-card__reason">
          {b.state === 'declined' ? '未通过原因' : '原因'}：{b.reason}
        </Text>
      ) : null}
      {children ? <View className="booking-card__actions">{children}</View> : null}
    </View>
  )
}
