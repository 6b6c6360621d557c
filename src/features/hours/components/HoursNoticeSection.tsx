import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { HoursNotice } from '@api/hours'
import { getHoursNotice } from '../api'
import { formatDateTime, formatDay } from '@/utils/time'
import './HoursNoticeSection.scss'

/**
 * 志愿时长公示 on an event's page: confirmed hours waiting out their notice period, names masked,
 * so participants can check them and speak to the organiser before they take effect. Shown only
 * when something is on notice; quietly absent if it cannot be loaded (extra information here).
 */
export function HoursNoticeSection({ activityId, enabled }: { activityId: string; enabled: boolean }) {
  const [notice, setNotice] = useState<HoursNotice | null>(null)
  useEffect(() => {
    if (!enabled) return
    let live = true
    getHoursNotice(activityId).then(
      (n) => {
        if (live) setNotice(n)
      },
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [activityId, enabled])
  if (!enabled || !notice || notice.items.length === 0) return null
  const until = notice.items.reduce(
    (last, i) => (i.noticeUntil > last ? i.noticeUntil : last),
    notice.items[0].noticeUntil,
  )
  return (
    <View className="hours-notice" data-testid="hours-notice">
      <Text className="hours-notice__title">志愿时长公示</Text>
      <Text className="hours-notice__hint">公示至 {formatDateTime(until)}，如有异议请联系主办单位。</Text>
      {notice.items.map((i, k) => (
        <View key={`${i.name}-${i.day}-${k}`} className="hours-notice__row" data-testid="hours-notice-item">
          <Text className="hours-notice__name">{i.name}</Text>
          {/* A Shanghai calendar day: read at Shanghai noon, whatever the phone's zone. */}
          <Text className="hours-notice__day">{formatDay(`${i.day}T12:00:00+08:00`)}</Text>
          <Text className="hours-notice__hours">{i.hours} 小时</Text>
        </View>
      ))}
    </View>
  )
}
