/**
 * Usage of the district's venues (阵地使用率) over a Shanghai calendar year or month: per venue the
 * share of its opening hours that bookings used, and who lent to whom (串门: a booking whose unit
 * is not the venue's owner). Pure: the store gives the venues, their hours and the bookings summed
 * per venue, unit and month; this puts them together.
 *
 * - Opening hours: the weekly hours with the exceptions applied (closures, special hours), Shanghai
 *   wall clock, over the whole period; a venue's capacity is its opening hours × its facilities.
 * - Booked hours: approved and used bookings (not no-shows, not blocks), clipped to the period.
 * - Bookings: those that held a slot (approved, used, no-show), counted in the month they start.
 */
import type { MonthUsage, UsageExchange, UsageParty, VenueUsage, VenueUsageLine } from '@api/venue'
import { shanghaiDay, shanghaiMonthRange } from '../shanghai-time'
import { DAY_MS, MINUTE_MS, dayStart, isoWeekday } from './calendar'
import type { HoursException, WeeklyRange } from './hours'

export interface UsageMonth {
  /** "2026-11" */
  label: string
  start: Date
  end: Date
}

/** The Shanghai months of a year, or the one month. */
export function usageMonths(year: number, month?: number | null): UsageMonth[] {
  const months = month ? [month] : Array.from({ length: 12 }, (_, i) => i + 1)
  return months.map((m) => ({ label: `${year}-${String(m).padStart(2, '0')}`, ...shanghaiMonthRange(year, m) }))
}

/**
 * Minutes a venue is open within [from, to): each Shanghai day's ranges (its exception's, or its
 * weekday's) clipped to the period. A day's ranges never overlap (checkHours), so the sum equals
 * the length of `openingIntervals` (which also joins an evening to the night after it); this walks
 * the days by number, fast enough for every venue over a year.
 */
export function openMinutes(weekly: WeeklyRange[], exceptions: HoursException[], from: Date, to: Date): number {
  const byWeekday: WeeklyRange[][] = Array.from({ length: 8 }, () => [])
  for (const r of weekly) byWeekday[r.weekday].push(r)
  // Exceptions by the instant their day starts, so the walk never formats a date.
  const byDayStart = new Map(exceptions.map((e) => [dayStart(e.day).getTime(), e.ranges]))
  const firstDay = shanghaiDay(from)
  let weekday = isoWeekday(firstDay)
  let total = 0
  for (let base = dayStart(firstDay).getTime(); base < to.getTime(); base += DAY_MS) {
    const ranges = byDayStart.get(base) ?? byWeekday[weekday]
    for (const r of ranges) {
      const start = Math.max(base + r.opens * MINUTE_MS, from.getTime())
      const end = Math.min(base + r.closes * MINUTE_MS, to.getTime())
      if (end > start) total += end - start
    }
    weekday = (weekday % 7) + 1
  }
  return total / MINUTE_MS
}

export interface UsageVenue {
  venueId: string
  venueName: string
  /** Null: the district's own venue. */
  ownerUnitId: string | null
  ownerName: string
  facilities: number
  weekly: WeeklyRange[]
  exceptions: HoursException[]
}

/** Bookings of one unit (or one registered youth group) at one venue in one month. */
export interface UsageCell {
  venueId: string
  unitId: string | null
  /** A youth group's bookings (unitId null, unitName the group's name). */
  groupId?: string | null
  unitName: string
  month: string
  bookings: number
  noShows: number
  bookedMinutes: number
}

/** What the report answers: the API's shapes (one source of truth), less the period the caller adds. */
export type { MonthUsage, UsageExchange, UsageParty, VenueUsageLine }

export type UsageReport = Omit<VenueUsage, 'year' | 'month' | 'cells'> & {
  /** Bookings per venue, unit and month. */
  cells: (UsageCell & { venueName: string; bookedHours: number })[]
}

const hours1 = (minutes: number) => Math.round(minutes / 6) / 10
const share = (booked: number, capacity: number) => (capacity > 0 ? Math.round((booked / capacity) * 1000) / 1000 : 0)
const byHours = <T extends { hours: number; bookings: number }>(a: T, b: T) =>
  b.hours - a.hours || b.bookings - a.bookings

export function usageReport(months: UsageMonth[], venues: UsageVenue[], cells: UsageCell[]): UsageReport {
  const venueById = new Map(venues.map((v) => [v.venueId, v]))
  const cellsOf = new Map<string, UsageCell[]>()
  for (const c of cells) {
    const list = cellsOf.get(c.venueId)
    if (list) list.push(c)
    else cellsOf.set(c.venueId, [c])
  }
  // Each venue's open minutes in each month, computed once.
  const openOf = new Map(
    venues.map((v) => [v.venueId, months.map((m) => openMinutes(v.weekly, v.exceptions, m.start, m.end))]),
  )
  const lines = venues.map((v): VenueUsageLine => {
    const mine = cellsOf.get(v.venueId) ?? []
    const opens = openOf.get(v.venueId) ?? []
    const byMonth = months.map((m, i): MonthUsage => {
      const open = opens[i]
      const inMonth = mine.filter((c) => c.month === m.label)
      const booked = inMonth.reduce((s, c) => s + c.bookedMinutes, 0)
      return {
        month: m.label,
        openHours: hours1(open),
        capacityHours: hours1(open * v.facilities),
        bookedHours: hours1(booked),
        share: share(booked, open * v.facilities),
        bookings: inMonth.reduce((s, c) => s + c.bookings, 0),
      }
    })
    const open = opens.reduce((sum, o) => sum + o, 0)
    const booked = mine.reduce((s, c) => s + c.bookedMinutes, 0)
    return {
      venueId: v.venueId,
      venueName: v.venueName,
      ownerUnitId: v.ownerUnitId,
      ownerName: v.ownerName,
      facilities: v.facilities,
      openHours: hours1(open),
      capacityHours: hours1(open * v.facilities),
      bookedHours: hours1(booked),
      share: share(booked, open * v.facilities),
      bookings: mine.reduce((s, c) => s + c.bookings, 0),
      noShows: mine.reduce((s, c) => s + c.noShows, 0),
      byMonth,
    }
  })

  const exchanges = new Map<string, UsageExchange & { minutes: number }>()
  for (const c of cells) {
    const v = venueById.get(c.venueId)
    // A unit using its own venue is not 串门; a youth group always borrows.
    if (!v || (!c.groupId && c.unitId === v.ownerUnitId)) continue
    const key = `${v.ownerUnitId ?? ''}→${c.groupId ? `g:${c.groupId}` : (c.unitId ?? '')}`
    const e = exchanges.get(key) ?? {
      lenderUnitId: v.ownerUnitId,
      lenderName: v.ownerName,
      borrowerUnitId: c.unitId,
      // Named only for a group, so a unit's line reads as it always did.
      ...(c.groupId ? { borrowerGroupId: c.groupId } : {}),
      borrowerName: c.unitName,
      bookings: 0,
      hours: 0,
      minutes: 0,
    }
    e.bookings += c.bookings
    e.minutes += c.bookedMinutes
    exchanges.set(key, e)
  }
  const pairs = [...exchanges.values()].map(({ minutes, ...e }) => ({ ...e, hours: hours1(minutes) }))
  const party = (side: 'lender' | 'borrower'): UsageParty[] => {
    const sums = new Map<string, UsageParty & { minutes: number }>()
    for (const [, e] of exchanges) {
      const unitId = side === 'lender' ? e.lenderUnitId : e.borrowerUnitId
      const groupId = side === 'lender' ? null : (e.borrowerGroupId ?? null)
      const unitName = side === 'lender' ? e.lenderName : e.borrowerName
      const key = groupId ? `g:${groupId}` : (unitId ?? '')
      const p = sums.get(key) ?? {
        unitId,
        ...(groupId ? { groupId } : {}),
        unitName,
        bookings: 0,
        hours: 0,
        minutes: 0,
      }
      p.bookings += e.bookings
      p.minutes += e.minutes
      sums.set(key, p)
    }
    return [...sums.values()].map(({ minutes, ...p }) => ({ ...p, hours: hours1(minutes) })).sort(byHours)
  }

  const capacityMinutes = venues.reduce(
    (sum, v) => sum + (openOf.get(v.venueId) ?? []).reduce((t, o) => t + o, 0) * v.facilities,
    0,
  )
  const bookedMinutes = cells.reduce((s, c) => s + c.bookedMinutes, 0)
  return {
    venues: lines,
    cells: cells.map((c) => ({
      ...c,
      venueName: venueById.get(c.venueId)?.venueName ?? '',
      bookedHours: hours1(c.bookedMinutes),
    })),
    lenders: party('lender'),
    borrowers: party('borrower'),
    exchanges: pairs.sort(byHours),
    totals: {
      bookings: cells.reduce((s, c) => s + c.bookings, 0),
      bookedHours: hours1(bookedMinutes),
      capacityHours: hours1(capacityMinutes),
      share: share(bookedMinutes, capacityMinutes),
    },
  }
}
