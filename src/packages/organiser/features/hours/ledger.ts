/** Pure helpers of the organiser's hours review: grouping, form checks. (The event's days come from the server.) */
import type { EventHours, HoursPreview, LedgerEntry } from '@api/hours'
import { displayName } from '@/utils/display-name'

export interface PersonEntries {
  registrationId: string
  name: string
  nickname: string
  entries: LedgerEntry[]
  approvedHours: number
}

/** Entries per person (in the order people first appear), each person's entries by day then time. */
export function groupByPerson(ev: EventHours): PersonEntries[] {
  const groups = new Map<string, PersonEntries>()
  for (const e of ev.entries) {
    let g = groups.get(e.registrationId)
    if (!g) {
      g = {
        registrationId: e.registrationId,
        name: displayName(e.person),
        nickname: e.person.nickname,
        entries: [],
        approvedHours: 0,
      }
      groups.set(e.registrationId, g)
    }
    g.entries.push(e)
  }
  for (const t of ev.totals) {
    const g = groups.get(t.registrationId)
    if (g) g.approvedHours = t.approvedHours
  }
  const list = [...groups.values()]
  for (const g of list) {
    g.entries.sort(
      (a, b) => a.day.localeCompare(b.day) || a.createdAt.localeCompare(b.createdAt) || Number(a.id) - Number(b.id),
    )
  }
  return list.sort((a, b) => a.name.localeCompare(b.name, 'zh'))
}

export interface PersonOption {
  registrationId: string
  name: string
}

/** Everyone a make-up entry can be for: people holding a place, on the ledger, or in the preview, once each. */
export function personOptions(ev: EventHours | null, preview: HoursPreview | null): PersonOption[] {
  const seen = new Map<string, PersonOption>()
  for (const p of ev?.people ?? [])
    seen.set(p.registrationId, { registrationId: p.registrationId, name: displayName(p.person) })
  for (const e of ev?.entries ?? []) {
    if (!seen.has(e.registrationId))
      seen.set(e.registrationId, { registrationId: e.registrationId, name: displayName(e.person) })
  }
  for (const i of preview?.items ?? []) {
    if (!seen.has(i.registrationId))
      seen.set(i.registrationId, { registrationId: i.registrationId, name: displayName(i.person) })
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh'))
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string }

/** Hours as typed: a number within 0–24 in the event's steps (0.5 → 0, 0.5, 1, …). */
export function parseHours(raw: string, stepHours: number, opts: { positive?: boolean } = {}): Checked<number> {
  const text = raw.trim()
  if (!text) return { ok: false, message: '请填写时长' }
  const h = Number(text)
  if (!Number.isFinite(h) || !/^\d+(\.\d+)?$/.test(text)) return { ok: false, message: '时长须为数字' }
  if (h > 24) return { ok: false, message: '一天最多 24 小时' }
  if (opts.positive && h <= 0) return { ok: false, message: '补录时长须大于 0' }
  const steps = h / stepHours
  if (Math.abs(steps - Math.round(steps)) > 1e-6) return { ok: false, message: `时长须为 ${stepHours} 小时的整数倍` }
  return { ok: true, value: Math.round(h * 100) / 100 }
}

/** A required reason: at least `min` characters after trimming. */
export function checkReason(raw: string, what = '原因', min = 2): Checked<string> {
  const text = raw.trim()
  if (text.length < min) return { ok: false, message: `请填写${what}（至少 ${min} 个字）` }
  return { ok: true, value: text }
}

/** Pending entries a 确认 would act on: not on notice yet. */
export function confirmable(entries: LedgerEntry[]): { ready: number; review: number } {
  let ready = 0
  let review = 0
  for (const e of entries) {
    if (e.status !== 'pending' || e.noticeUntil) continue
    if (e.needsReview) review++
    else ready++
  }
  return { ready, review }
}

/** What can be done with an entry. */
export function entryActions(e: LedgerEntry): { adjust: boolean; decline: boolean } {
  if (e.kind === 'reversal' || e.corrected) return { adjust: false, decline: false }
  if (e.status === 'pending') return { adjust: true, decline: true }
  if (e.status === 'approved') return { adjust: true, decline: false }
  return { adjust: false, decline: false }
}
