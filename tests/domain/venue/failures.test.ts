/** The venue function's failure table: every kind a stable code and a Chinese message with no identifiers. */
import { venueFailures } from '../../../cloudfunctions/venue/src/failures'
import type { VenueFailure } from '../../../server/app/venue/failures'
import type { Failure } from '../../../server/domain/failure'
import { ERROR_CODES } from '../../../types/contract/result'
import { answerFor, type FailureTable } from '../../../server/runtime/failures'

const answer = (f: VenueFailure) => answerFor(f, venueFailures as unknown as FailureTable<Failure>)
const clash = { day: '2026-11-26', from: '23:00', toDay: '2026-11-27', to: '01:00' }

const samples: VenueFailure[] = [
  { kind: 'missing', what: 'venue' },
  { kind: 'missing', what: 'booking' },
  { kind: 'notVenueEditor' },
  { kind: 'notVenueOwner' },
  { kind: 'notUnitOrganiser' },
  { kind: 'unitNotAdmitted' },
  { kind: 'activityNotOfUnit' },
  { kind: 'duplicateVenueName' },
  { kind: 'duplicateFacilityName' },
  { kind: 'hoursOverlap', weekday: 7 },
  { kind: 'hoursEmptyRange' },
  { kind: 'exceptionOverlap', day: '2026-12-25' },
  { kind: 'exceptionTwice', day: '2026-12-25' },
  { kind: 'notADay', day: '2026-02-30' },
  { kind: 'rulesInconsistent' },
  { kind: 'emptyRange' },
  { kind: 'inPast' },
  { kind: 'tooSoon', leadMinutes: 90 },
  { kind: 'tooFarAhead', maxDaysAhead: 14 },
  { kind: 'slotMisaligned', slotMinutes: 30 },
  { kind: 'tooShort', minMinutes: 60 },
  { kind: 'tooLong', maxMinutes: 240 },
  { kind: 'venueClosed' },
  { kind: 'bookingConflict', clash, block: false },
  { kind: 'bookingConflict', clash, block: true },
  { kind: 'recurringConflict', days: ['2026-12-22', '2027-01-05'] },
  { kind: 'notPending' },
  { kind: 'notCancellable' },
  { kind: 'declineWithoutReason' },
  { kind: 'cancelTooLate', cancelHours: 24 },
  { kind: 'alreadyStarted' },
  { kind: 'forbidden' },
]

test.each(samples.map((s) => [s.kind, s]))('%s has a stable code and a Chinese message', (_kind, failure) => {
  const a = answer(failure as VenueFailure)!
  expect(ERROR_CODES).toContain(a.code)
  expect(a.message).toMatch(/[\u4e00-\u9fff]/)
  // No identifiers or English words in what a person reads.
  expect(a.message).not.toMatch(/[A-Za-z_]{3,}/)
})

test('a clash across midnight names both days; a series lists its dates', () => {
  expect(answer({ kind: 'bookingConflict', clash, block: false })).toEqual({
    code: 'BOOKING_CONFLICT',
    message: '该时段已被预订（11月26日 23:00–11月27日 01:00），请选择其他时段',
  })
  expect(answer({ kind: 'recurringConflict', days: ['2026-12-22', '2027-01-05'] })?.message).toBe(
    '以下日期的时段已被占用，全部未预订：12月22日、1月5日',
  )
  expect(answer({ kind: 'tooSoon', leadMinutes: 90 })?.message).toBe('请至少提前 90 分钟预订')
})
