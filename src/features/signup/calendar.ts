/**
 * 添加到手机日历 after signing up (WeChat only: wx.addPhoneCalendar writes an event into the phone's
 * own calendar, with the phone's alarm an hour before the start). Two reminders then play
 * different parts: 活动提醒 (a subscribe message, only if the person allowed it) comes a day ahead;
 * the phone's own alarm comes an hour before, whatever WeChat may send.
 * H5 (the local demo host) has no phone calendar: the row is not shown there.
 */
import Taro from '@tarojs/taro'
import type { ActivityDetail } from '@api/activity'

/** The phone's alarm: this long before the start. */
export const CALENDAR_ALARM_SECONDS = 60 * 60

export type CalendarSource = Pick<ActivityDetail, 'title' | 'startAt' | 'endAt' | 'placeName' | 'placeAddress'> & {
  unit: { name: string }
}

export interface PhoneCalendarEvent {
  title: string
  /** Unix seconds, as wx.addPhoneCalendar takes them (its documented type for the end is a string). */
  startTime: number
  endTime: string
  location: string
  description: string
  alarm: boolean
  alarmOffset: number
}

export function calendarEventOf(a: CalendarSource): PhoneCalendarEvent {
  return {
    title: a.title,
    startTime: Math.floor(Date.parse(a.startAt) / 1000),
    endTime: String(Math.floor(Date.parse(a.endAt) / 1000)),
    location: a.placeAddress ? `${a.placeName}（${a.placeAddress}）` : a.placeName,
    description: `${a.unit.name}主办，青聚报名`,
    alarm: true,
    alarmOffset: CALENDAR_ALARM_SECONDS,
  }
}

/** Whether this build can write to the phone's calendar. */
export const PHONE_CALENDAR = process.env.TARO_ENV === 'weapp'

/** Asks WeChat to add the event (the person confirms in WeChat's own dialog). */
export function addToPhoneCalendar(a: CalendarSource): Promise<void> {
  return new Promise((resolve, reject) => {
    Taro.addPhoneCalendar({
      ...calendarEventOf(a),
      success: () => resolve(),
      fail: (err) => reject(err),
    })
  })
}
