import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { addToPhoneCalendar, type CalendarSource } from '../calendar'
import './SignupDone.scss'

interface Props {
  event: CalendarSource
  /** Whether the person allowed 活动提醒 (WeChat's subscribe prompt) when submitting. */
  reminded: boolean
}

/** What 活动提醒 will send, and when (the sweep sends it a day before the start). */
export function reminderLine(reminded: boolean): string {
  return reminded
    ? '已开启活动提醒：活动开始前一天，微信服务通知会提醒你准时参加。'
    : '未开启活动提醒，微信不会另行通知；可添加到手机日历，由手机在开始前 1 小时提醒。'
}

/**
 * The sign-up sheet after 报名成功 (WeChat build): add the event to the phone's calendar, and what
 * the reminder will do.
 */
export function SignupDone({ event, reminded }: Props) {
  const [added, setAdded] = useState(false)

  async function add() {
    if (added) return
    try {
      await addToPhoneCalendar(event)
      setAdded(true)
      void Taro.showToast({ title: '已添加到手机日历', icon: 'success' })
    } catch (err) {
      const msg = (err as { errMsg?: string })?.errMsg ?? ''
      // The person closed WeChat's dialog: nothing to say.
      if (/cancel/i.test(msg)) return
      void Taro.showToast({ title: '未能添加到日历，请稍后重试', icon: 'none' })
    }
  }

  return (
    <View className="signup-done" data-testid="signup-done">
      <View className="signup-done__mark">✓</View>
      <Text className="signup-done__title">报名成功</Text>
      <Text className="signup-done__event">{event.title}</Text>
      <View className="signup-done__row" data-testid="add-calendar" onClick={() => void add()}>
        <View className="signup-done__row-text">
          <Text className="signup-done__row-title">添加到手机日历</Text>
          <Text className="signup-done__row-note">
            {added ? '已添加，手机将在开始前 1 小时提醒' : '记下活动时间，开始前 1 小时提醒'}
          </Text>
        </View>
        <Text className="signup-done__row-go">{added ? '已添加' : '添加 ›'}</Text>
      </View>
      <Text className="signup-done__remind" data-testid="reminder-line">
        {reminderLine(reminded)}
      </Text>
    </View>
  )
}
