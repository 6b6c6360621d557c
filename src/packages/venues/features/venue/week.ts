/**
 * The week grid as the page draws it, and the slots a person picks on it. Days are the server's
 * Shanghai days ("YYYY-MM-DD"); clock labels come from the slots' instants through the Shanghai helpers.
 */
import type { GridSlotView, WeekGrid } from '@api/venue'
import { formatClock } from '@/utils/time'

/** "2026-11-23" + 7 → "2026-11-30" (calendar arithmetic in UTC: no zone enters). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d + n))
  const pad = (x: number) => String(x).padStart(2, '0')
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']

export interface GridRow {
  /** Index of the slot in every day (all days have the same slots). */
  index: number
  label: string
}

/** The rows worth drawing: from the first to the last slot that is open on any day of the week. */
export function visibleRows(grid: WeekGrid): GridRow[] {
  const count = grid.days[0]?.slots.length ?? 0
  let first = -1
  let last = -1
  for (let i = 0; i < count; i++) {
    if (grid.days.some((d) => d.slots[i] && d.slots[i].state !== 'closed')) {
      if (first < 0) first = i
      last = i
    }
  }
  if (first < 0) return []
  const rows: GridRow[] = []
  for (let i = first; i <= last; i++) rows.push({ index: i, label: formatClock(grid.days[0].slots[i].startAt) })
  return rows
}

/** Column head: "周一 11/23". */
export function dayHead(day: string, i: number): { weekday: string; date: string } {
  return { weekday: `周${WEEKDAYS[i]}`, date: `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}` }
}

/** A run of consecutive free slots on one day. */
export interface Selection {
  day: number
  from: number
  to: number
}

/**
 * Tapping a free slot: starts a selection, or extends it on the same day when every slot between
 * is free; tapping the only selected slot clears it. Anything else starts over at the tapped slot.
 */
export function toggleSlot(grid: WeekGrid, sel: Selection | null, day: number, index: number): Selection | null {
  const slots = grid.days[day]?.slots
  if (!slots || slots[index]?.state !== 'free') return sel
  if (!sel || sel.day !== day) return { day, from: index, to: index }
  if (sel.from === index && sel.to === index) return null
  if (index >= sel.from && index <= sel.to) return { day, from: index, to: index }
  const from = Math.min(sel.from, index)
  const to = Math.max(sel.to, index)
  for (let i = from; i <= to; i++) if (slots[i].state !== 'free') return { day, from: index, to: index }
  return { day, from, to }
}

export function selectedRange(grid: WeekGrid, sel: Selection): { startAt: string; endAt: string } {
  const slots: GridSlotView[] = grid.days[sel.day].slots
  return { startAt: slots[sel.from].startAt, endAt: slots[sel.to].endAt }
}

export function isSelected(sel: Selection | null, day: number, index: number): boolean {
  return !!sel && sel.day === day && index >= sel.from && index <= sel.to
}
