/** The usage report regrouped for the page: bookings per unit and the whole scope month by month. */
import type { MonthUsage, VenueUsage } from '@api/venue'

export interface UnitLine {
  key: string
  unitName: string
  bookings: number
  noShows: number
  hours: number
}

/** Bookings per booking unit (over venues and months), most bookings first. */
export function byUnit(usage: VenueUsage): UnitLine[] {
  const lines = new Map<string, UnitLine>()
  for (const c of usage.cells) {
    // A youth group's bookings are its own line (its unitId is null, like the district's).
    const key = c.groupId ? `group:${c.groupId}` : (c.unitId ?? '__district')
    const unitName = c.groupId ? `${c.unitName}（青年团体）` : c.unitName
    const line = lines.get(key) ?? { key, unitName, bookings: 0, noShows: 0, hours: 0 }
    line.bookings += c.bookings
    line.noShows += c.noShows
    line.hours += c.bookedHours
    lines.set(key, line)
  }
  return [...lines.values()].sort((a, b) => b.bookings - a.bookings || b.hours - a.hours)
}

/** Every venue's months added up: capacity, booked hours, bookings and the share, in month order. */
export function byMonth(usage: VenueUsage): MonthUsage[] {
  const months = new Map<string, MonthUsage>()
  for (const v of usage.venues)
    for (const m of v.byMonth) {
      const sum = months.get(m.month) ?? {
        month: m.month,
        openHours: 0,
        capacityHours: 0,
        bookedHours: 0,
        share: 0,
        bookings: 0,
      }
      sum.openHours += m.openHours
      sum.capacityHours += m.capacityHours
      sum.bookedHours += m.bookedHours
      sum.bookings += m.bookings
      months.set(m.month, sum)
    }
  return [...months.values()]
    .map((m) => ({ ...m, share: m.capacityHours > 0 ? m.bookedHours / m.capacityHours : 0 }))
    .sort((a, b) => a.month.localeCompare(b.month))
}

/** 0.1234 → "12.3%" */
export function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`
}

/** A bar's width: the share as a CSS percentage, at least a sliver when anything was booked. */
export function barWidth(share: number): string {
  if (share <= 0) return '0%'
  return `${Math.max(1, Math.min(100, share * 100)).toFixed(1)}%`
}

/** "2026-03" → "3月" */
export function monthLabel(m: string): string {
  const hit = /^\d{4}-(\d{1,2})$/.exec(m)
  return hit ? `${Number(hit[1])}月` : m
}
