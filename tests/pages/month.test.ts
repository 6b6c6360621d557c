import { addMonths, currentYearMonth, formatYearMonth, fromPickerMonth, toPickerMonth } from '@/utils/month'

test('month arithmetic crosses year boundaries both ways', () => {
  expect(addMonths({ year: 2024, month: 12 }, 1)).toEqual({ year: 2025, month: 1 })
  expect(addMonths({ year: 2024, month: 1 }, -1)).toEqual({ year: 2023, month: 12 })
  expect(addMonths({ year: 2024, month: 3 }, 0)).toEqual({ year: 2024, month: 3 })
  expect(addMonths({ year: 2024, month: 3 }, -27)).toEqual({ year: 2021, month: 12 })
  expect(addMonths({ year: 2024, month: 11 }, 14)).toEqual({ year: 2026, month: 1 })
})

test('picker values round-trip', () => {
  expect(toPickerMonth({ year: 2024, month: 3 })).toBe('2024-03')
  expect(fromPickerMonth('2024-03')).toEqual({ year: 2024, month: 3 })
  expect(fromPickerMonth('2024-11-15')).toEqual({ year: 2024, month: 11 })
  expect(fromPickerMonth('2024-13')).toBeNull()
  expect(fromPickerMonth('2024-00')).toBeNull()
  expect(fromPickerMonth('三月')).toBeNull()
  expect(formatYearMonth({ year: 2024, month: 3 })).toBe('2024年3月')
})

test('the current month is the one in Shanghai', () => {
  // 31 Dec 2023 20:00Z is already January 2024 in Shanghai.
  expect(currentYearMonth(new Date('2023-12-31T20:00:00Z'))).toEqual({ year: 2024, month: 1 })
  expect(currentYearMonth(new Date('2024-03-31T15:59:59Z'))).toEqual({ year: 2024, month: 3 })
  expect(currentYearMonth(new Date('2024-03-31T16:00:00Z'))).toEqual({ year: 2024, month: 4 })
})
