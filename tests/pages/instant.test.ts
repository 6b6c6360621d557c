import { combineDateTime, isBefore, shanghaiDate, splitInstant } from '@/utils/instant'

test('date + time pickers become an instant with +08:00', () => {
  expect(combineDateTime('2024-03-10', '09:00')).toBe('2024-03-10T09:00:00+08:00')
  expect(combineDateTime('2024-12-31', '23:59')).toBe('2024-12-31T23:59:00+08:00')
  // The instant is the Shanghai wall clock: 09:00 there is 01:00Z.
  expect(new Date(combineDateTime('2024-03-10', '09:00') as string).toISOString()).toBe('2024-03-10T01:00:00.000Z')
})

test('missing or impossible values give null', () => {
  expect(combineDateTime('', '09:00')).toBeNull()
  expect(combineDateTime('2024-03-10', '')).toBeNull()
  expect(combineDateTime('2023-02-29', '09:00')).toBeNull()
  expect(combineDateTime('2024-02-29', '09:00')).toBe('2024-02-29T09:00:00+08:00')
  expect(combineDateTime('2024-04-31', '09:00')).toBeNull()
  expect(combineDateTime('2024-03-10', '24:00')).toBeNull()
  expect(combineDateTime('2024-03-10', '9:00')).toBeNull()
})

test('an instant splits back into Shanghai picker values', () => {
  expect(splitInstant('2024-03-10T01:00:00.000Z')).toEqual({ date: '2024-03-10', time: '09:00' })
  // 17:30Z on the 9th is 01:30 on the 10th in Shanghai.
  expect(splitInstant('2024-03-09T17:30:00Z')).toEqual({ date: '2024-03-10', time: '01:30' })
  expect(splitInstant(combineDateTime('2024-07-01', '18:45') as string)).toEqual({ date: '2024-07-01', time: '18:45' })
})

test('helpers for defaults and ordering', () => {
  expect(shanghaiDate(new Date('2024-03-09T17:30:00Z'))).toBe('2024-03-10')
  expect(shanghaiDate(new Date('2024-03-09T17:30:00Z'), 7)).toBe('2024-03-17')
  expect(isBefore('2024-03-10T09:00:00+08:00', '2024-03-10T01:30:00Z')).toBe(true)
  expect(isBefore('2024-03-10T09:00:00+08:00', '2024-03-10T01:00:00Z')).toBe(false)
  expect(isBefore('nonsense', '2024-03-10T01:00:00Z')).toBe(false)
})
