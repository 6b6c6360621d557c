import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { formatDateTime, formatDay, formatTimeRange, formatWindow } from '@/utils/time'

const NOW = new Date('2024-03-05T04:00:00.000Z')

test('a same-day range reads in Shanghai time', () => {
  // 01:00Z–03:30Z is 09:00–11:30 on Sunday 10 March in Shanghai.
  expect(formatTimeRange('2024-03-10T01:00:00.000Z', '2024-03-10T03:30:00.000Z', NOW)).toBe('3月10日 周日 09:00–11:30')
})

test('an instant late in the UTC day is already the next day in Shanghai', () => {
  // 17:30Z on the 9th is 01:30 on the 10th (Sunday) in Shanghai.
  expect(formatDay('2024-03-09T17:30:00.000Z', NOW)).toBe('3月10日 周日')
  expect(formatDateTime('2024-03-09T17:30:00.000Z', NOW)).toBe('3月10日 01:30')
})

test('a range that crosses Shanghai midnight shows both days', () => {
  // 15:00Z–16:30Z is 23:00 Sunday to 00:30 Monday in Shanghai, although one UTC day.
  expect(formatTimeRange('2024-03-10T15:00:00.000Z', '2024-03-10T16:30:00.000Z', NOW)).toBe(
    '3月10日 周日 23:00 – 3月11日 周一 00:30',
  )
})

test('a range on one Shanghai day spanning two UTC days stays on one day', () => {
  // 23:00Z on the 9th to 02:00Z on the 10th is 07:00–10:00 on the 10th in Shanghai.
  expect(formatTimeRange('2024-03-09T23:00:00.000Z', '2024-03-10T02:00:00.000Z', NOW)).toBe('3月10日 周日 07:00–10:00')
})

test('the year is shown only when it is not the current one (in Shanghai)', () => {
  expect(formatDay('2025-01-01T02:00:00.000Z', NOW)).toBe('2025年1月1日 周三')
  // 31 Dec 2023 20:00Z is already 1 Jan 2024 in Shanghai: current year, no prefix.
  expect(formatDay('2023-12-31T20:00:00.000Z', NOW)).toBe('1月1日 周一')
})

test('a sign-up window', () => {
  expect(formatWindow('2024-03-01T00:00:00.000Z', '2024-03-09T10:00:00.000Z', NOW)).toBe('3月1日 08:00 – 3月9日 18:00')
})

// Jest sandboxes process.env, so setting TZ inside a test does not change the clock's zone:
// run the helpers in child processes that really are in other zones, including on their DST days.
describe.each(['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Europe/London', 'Pacific/Kiritimati'])(
  'in a process whose time zone is %s',
  (tz) => {
    test('the output is the same Shanghai time', () => {
      const script = `
        const t = require('./src/utils/time.ts')
        const now = new Date('2024-03-05T04:00:00.000Z')
        console.log(JSON.stringify([
          t.formatTimeRange('2024-03-10T01:00:00.000Z', '2024-03-10T03:30:00.000Z', now),
          t.formatTimeRange('2024-03-10T15:00:00.000Z', '2024-03-10T16:30:00.000Z', now),
          t.formatDateTime('2024-03-30T17:30:00.000Z', now),
          t.formatDay('2024-03-31T01:30:00.000Z', now),
        ]))`
      const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
        cwd: path.resolve(__dirname, '../..'),
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      })
      expect(JSON.parse(out)).toEqual([
        '3月10日 周日 09:00–11:30',
        '3月10日 周日 23:00 – 3月11日 周一 00:30',
        '3月31日 01:30',
        '3月31日 周日',
      ])
    })
  },
)
