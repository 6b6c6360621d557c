/** The opening-hours part of "free at …": open without a break for the whole range, in Shanghai. */
import { hoursDaysFor, openThroughout } from '../../../server/domain/venue/free-at'

const at = (day: string, clock: string) => new Date(`${day}T${clock}:00+08:00`)
const everyDay = (opens: number, closes: number) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens, closes }))
const DAYTIME = everyDay(8 * 60, 22 * 60)

describe('openThroughout', () => {
  test('inside the day, touching the closing time, past it', () => {
    expect(openThroughout(DAYTIME, [], at('2026-11-26', '19:00'), at('2026-11-26', '22:00'))).toBe(true)
    expect(openThroughout(DAYTIME, [], at('2026-11-26', '08:00'), at('2026-11-26', '09:00'))).toBe(true)
    expect(openThroughout(DAYTIME, [], at('2026-11-26', '21:30'), at('2026-11-26', '22:30'))).toBe(false)
    expect(openThroughout(DAYTIME, [], at('2026-11-26', '07:30'), at('2026-11-26', '08:30'))).toBe(false)
  })

  test('a lunch break splits the day: a range across it is not free', () => {
    const split = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
      { weekday, opens: 9 * 60, closes: 12 * 60 },
      { weekday, opens: 14 * 60, closes: 18 * 60 },
    ])
    expect(openThroughout(split, [], at('2026-11-26', '10:00'), at('2026-11-26', '12:00'))).toBe(true)
    expect(openThroughout(split, [], at('2026-11-26', '11:00'), at('2026-11-26', '15:00'))).toBe(false)
  })

  test('a closed day and special hours replace the weekday', () => {
    const closed = [{ day: '2026-11-27', ranges: [], note: '设备检修' }]
    expect(openThroughout(DAYTIME, closed, at('2026-11-27', '10:00'), at('2026-11-27', '11:00'))).toBe(false)
    expect(openThroughout(DAYTIME, closed, at('2026-11-26', '10:00'), at('2026-11-26', '11:00'))).toBe(true)
    const short = [{ day: '2026-11-27', ranges: [{ opens: 9 * 60, closes: 12 * 60 }], note: '' }]
    expect(openThroughout(DAYTIME, short, at('2026-11-27', '10:00'), at('2026-11-27', '11:00'))).toBe(true)
    expect(openThroughout(DAYTIME, short, at('2026-11-27', '13:00'), at('2026-11-27', '14:00'))).toBe(false)
  })

  test('an evening open across a Shanghai midnight is one range, whatever the process zone', () => {
    const evenings = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
      { weekday, opens: 0, closes: 120 },
      { weekday, opens: 18 * 60, closes: 24 * 60 },
    ])
    expect(openThroughout(evenings, [], at('2026-11-26', '23:00'), at('2026-11-27', '01:00'))).toBe(true)
    expect(openThroughout(evenings, [], at('2026-11-27', '00:30'), at('2026-11-27', '01:30'))).toBe(true)
    expect(openThroughout(evenings, [], at('2026-11-26', '23:00'), at('2026-11-27', '03:00'))).toBe(false)
    // Closed on the 27th: the night part after midnight is gone.
    const closed = [{ day: '2026-11-27', ranges: [], note: '' }]
    expect(openThroughout(evenings, closed, at('2026-11-26', '23:00'), at('2026-11-27', '01:00'))).toBe(false)
  })

  test('an empty or reversed range is never free; no hours, never open', () => {
    expect(openThroughout(DAYTIME, [], at('2026-11-26', '10:00'), at('2026-11-26', '10:00'))).toBe(false)
    expect(openThroughout(DAYTIME, [], at('2026-11-26', '11:00'), at('2026-11-26', '10:00'))).toBe(false)
    expect(openThroughout([], [], at('2026-11-26', '10:00'), at('2026-11-26', '11:00'))).toBe(false)
  })

  test('the days whose hours decide it: one either side, in Shanghai', () => {
    expect(hoursDaysFor(at('2026-11-26', '23:00'), at('2026-11-27', '01:00'))).toEqual({
      fromDay: '2026-11-25',
      toDay: '2026-11-28',
    })
  })
})
