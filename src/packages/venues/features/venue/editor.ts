/**
 * The venue owner's forms: a venue (name, tier, place, contact, weekly hours, exceptions) and a
 * facility (kind, name, seats, booking rules). Form strings in, API payloads out; the checks mirror
 * the server's schema (types/api/venue.ts) and its domain rules (hours that do not overlap, rules
 * in whole slots) so most mistakes are shown before a call. Pure: unit-testable without a page.
 */
import type {
  Facility,
  FacilityCreateRequest,
  FacilityUpdateRequest,
  GeoPoint,
  VenueCreateRequest,
  VenueDetail,
  VenueUpdateRequest,
} from '@api/venue'
import type { Me } from '@api/session'
import {
  CLOCK_TIME,
  DAY,
  FACILITY_BOOKERS,
  VENUE_TIERS,
  type FacilityBookers,
  type FacilityKind,
  type VenueTier,
} from '@contract/venue'

export const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日']
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const

/** The server's limits (types/api/venue.ts), repeated here without zod. */
export const VENUE_LIMITS = {
  nameMin: 2,
  name: 60,
  address: 120,
  intro: 1000,
  contactName: 20,
  rangesTotal: 42,
  exceptions: 120,
  exceptionRanges: 6,
  note: 60,
} as const

export const FACILITY_LIMITS = {
  name: 40,
  seats: [1, 10000],
  slotMinutes: [5, 240],
  minMinutes: [5, 1440],
  maxMinutes: [5, 10080],
  maxDaysAhead: [0, 366],
  leadMinutes: [0, 20160],
  cancelHours: [0, 720],
  /** Creating several alike at once: 羽毛球场 1 号 … 3 号. */
  count: [1, 20],
} as const

export interface Range {
  opens: string
  closes: string
}

export interface ExceptionForm {
  day: string
  /** Closed all day; otherwise `ranges` replace the weekday's hours. */
  closed: boolean
  ranges: Range[]
  note: string
}

export interface VenueForm {
  name: string
  tier: VenueTier | null
  address: string
  /** Typed in H5, filled by the map picker in WeChat; both empty: no location. */
  latitude: string
  longitude: string
  intro: string
  contactName: string
  contactPhone: string
  /** Index 1–7: the weekday's ranges (index 0 unused). */
  hours: Range[][]
  exceptions: ExceptionForm[]
  /** The photos in order: what is stored (to save) and what the page shows (a link, or the phone's copy). */
  photos: { source: string; shown: string | null }[]
}

export type Errors = Record<string, string>

/** The owners this person registers venues for: units they administer, and the district when they run it. */
export interface Owner {
  /** null: the district's own venues. */
  unitId: string | null
  name: string
}

export function ownersOf(me: Me | null): Owner[] {
  if (!me) return []
  const owners: Owner[] = me.units.filter((u) => u.role === 'admin').map((u) => ({ unitId: u.id, name: u.name }))
  if (me.roles.includes('district_admin')) owners.push({ unitId: null, name: '团区委（区属场地）' })
  return owners
}

export function emptyVenueForm(): VenueForm {
  return {
    name: '',
    tier: null,
    address: '',
    latitude: '',
    longitude: '',
    intro: '',
    contactName: '',
    contactPhone: '',
    hours: WEEKDAYS.reduce<Range[][]>((all, d) => ((all[d] = []), all), [[]]),
    exceptions: [],
    photos: [],
  }
}

const coordinate = (n: number) => String(Number(n.toFixed(6)))

export function venueFormFrom(v: VenueDetail): VenueForm {
  const hours = emptyVenueForm().hours
  for (const h of [...v.hours].sort((a, b) => a.opens.localeCompare(b.opens))) {
    hours[h.weekday]?.push({ opens: h.opens, closes: h.closes })
  }
  return {
    name: v.name,
    tier: v.tier,
    address: v.address,
    latitude: v.location ? coordinate(v.location.latitude) : '',
    longitude: v.location ? coordinate(v.location.longitude) : '',
    intro: v.intro,
    contactName: v.contactName,
    // A masked number cannot be sent back: the field starts empty and is sent only when typed.
    contactPhone: v.contactMasked ? '' : v.contactPhone,
    hours,
    exceptions: v.exceptions.map((e) => ({
      day: e.day,
      closed: e.ranges.length === 0,
      ranges: e.ranges.map((r) => ({ opens: r.opens, closes: r.closes })),
      note: e.note,
    })),
    // The server answers a link per stored photo in the same order (those it can link).
    photos: v.photoSources.map((source, i) => ({
      source,
      shown: v.photos.length === v.photoSources.length ? v.photos[i] : null,
    })),
  }
}

/** The same day's ranges on other weekdays (e.g. 周一 onto 周二至周五). */
export function copyHours(hours: Range[][], from: number, to: readonly number[]): Range[][] {
  const next = hours.map((r) => r.map((x) => ({ ...x })))
  for (const d of to) if (d !== from) next[d] = hours[from].map((x) => ({ ...x }))
  return next
}

/** Clock choices every quarter hour: opening 00:00–23:45, closing 00:15–24:00 (plus `keep`, if off the grid). */
export function clockOptions(kind: 'opens' | 'closes', keep?: string): string[] {
  const all: string[] = []
  for (let m = kind === 'opens' ? 0 : 15; m <= (kind === 'opens' ? 1425 : 1440); m += 15) {
    all.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`)
  }
  if (keep && !all.includes(keep)) return [...all, keep].sort()
  return all
}

const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5))

function rangesProblem(ranges: Range[]): string | null {
  if (ranges.some((r) => !CLOCK_TIME.test(r.opens) || !CLOCK_TIME.test(r.closes) || r.opens === '24:00')) {
    return '时间格式应为 HH:MM'
  }
  if (ranges.some((r) => minutes(r.closes) <= minutes(r.opens))) return '结束时间须晚于开始时间'
  const sorted = [...ranges].sort((a, b) => minutes(a.opens) - minutes(b.opens))
  if (sorted.some((r, i) => i > 0 && minutes(r.opens) < minutes(sorted[i - 1].closes))) return '时段有重叠'
  return null
}

function isRealDay(day: string): boolean {
  if (!DAY.test(day)) return false
  const [y, m, d] = day.split('-').map(Number)
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

const MOBILE = /^1[3-9]\d{9}$/
const normalPhone = (s: string) =>
  s
    .trim()
    .replace(/[\s-]/g, '')
    .replace(/^(\+?86)(?=1\d{10}$)/, '')

function parseLocation(form: VenueForm, errors: Errors): GeoPoint | null {
  const lat = form.latitude.trim()
  const lng = form.longitude.trim()
  if (!lat && !lng) return null
  const latitude = Number(lat)
  const longitude = Number(lng)
  if (!lat || !Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
    errors.location = '纬度应为 -90 到 90 之间的数字'
  } else if (!lng || !Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
    errors.location = '经度应为 -180 到 180 之间的数字'
  }
  return errors.location ? null : { latitude, longitude }
}

type VenueFields = Omit<VenueCreateRequest, 'ownerUnitId'>

/**
 * The venue's fields, or the problems: keyed like the server's fields (name, tier, contactPhone, …),
 * with `day.<weekday>` for one weekday's hours and `exception.<index>` for one special date.
 */
export function buildVenue(form: VenueForm): { ok: true; fields: VenueFields } | { ok: false; errors: Errors } {
  const errors: Errors = {}
  const name = form.name.trim()
  if (name.length < VENUE_LIMITS.nameMin || name.length > VENUE_LIMITS.name) {
    errors.name = `名称 ${VENUE_LIMITS.nameMin}–${VENUE_LIMITS.name} 个字`
  }
  if (!form.tier || !VENUE_TIERS.includes(form.tier)) errors.tier = '请选择类型'
  if (form.address.trim().length > VENUE_LIMITS.address) errors.address = `最多 ${VENUE_LIMITS.address} 个字`
  if (form.intro.trim().length > VENUE_LIMITS.intro) errors.intro = `最多 ${VENUE_LIMITS.intro} 个字`
  if (form.contactName.trim().length > VENUE_LIMITS.contactName) {
    errors.contactName = `最多 ${VENUE_LIMITS.contactName} 个字`
  }
  const phone = normalPhone(form.contactPhone)
  if (phone && !MOBILE.test(phone)) errors.contactPhone = '请填写 11 位手机号码'
  const location = parseLocation(form, errors)

  const hours: { weekday: number; opens: string; closes: string }[] = []
  for (const d of WEEKDAYS) {
    const problem = rangesProblem(form.hours[d] ?? [])
    if (problem) errors[`day.${d}`] = problem
    for (const r of form.hours[d] ?? []) hours.push({ weekday: d, opens: r.opens, closes: r.closes })
  }
  if (hours.length > VENUE_LIMITS.rangesTotal) errors.hours = `每周最多 ${VENUE_LIMITS.rangesTotal} 个时段`

  if (form.exceptions.length > VENUE_LIMITS.exceptions) errors.exceptions = `最多 ${VENUE_LIMITS.exceptions} 个特殊日期`
  form.exceptions.forEach((e, i) => {
    const key = `exception.${i}`
    if (!isRealDay(e.day)) errors[key] = '请选择日期'
    else if (form.exceptions.findIndex((o) => o.day === e.day) !== i) errors[key] = '日期重复'
    else if (e.note.trim().length > VENUE_LIMITS.note) errors[key] = `说明最多 ${VENUE_LIMITS.note} 个字`
    else if (!e.closed && e.ranges.length === 0) errors[key] = '请添加开放时段，或选择闭馆'
    else if (!e.closed && e.ranges.length > VENUE_LIMITS.exceptionRanges) {
      errors[key] = `最多 ${VENUE_LIMITS.exceptionRanges} 个时段`
    } else if (!e.closed) {
      const problem = rangesProblem(e.ranges)
      if (problem) errors[key] = problem
    }
  })

  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    fields: {
      name,
      tier: form.tier as VenueTier,
      address: form.address.trim(),
      location,
      intro: form.intro.trim(),
      contactName: form.contactName.trim(),
      contactPhone: phone,
      hours,
      exceptions: form.exceptions.map((e) => ({
        day: e.day,
        ranges: e.closed ? [] : e.ranges.map((r) => ({ opens: r.opens, closes: r.closes })),
        note: e.note.trim(),
      })),
      photos: form.photos.map((p) => p.source),
    },
  }
}

export function createVenueRequest(ownerUnitId: string | null, fields: VenueFields): VenueCreateRequest {
  return { ownerUnitId, ...fields }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Only what changed (the server keeps what it has when a field is left out). The exceptions are sent only when edited: the server replaces them
 * whole and the page sees only those from today on.
 */
export function updateVenueRequest(
  venueId: string,
  initial: VenueForm,
  fields: VenueFields,
): { req: VenueUpdateRequest; changed: boolean } {
  const before = buildVenue(initial)
  const was: Partial<VenueFields> = before.ok ? before.fields : {}
  const req: VenueUpdateRequest = { venueId }
  for (const key of Object.keys(fields) as (keyof VenueFields)[]) {
    if (key === 'contactPhone' && fields.contactPhone === '' && initial.contactPhone === '') continue
    if (!same(fields[key], was[key])) (req as Record<string, unknown>)[key] = fields[key]
  }
  return { req, changed: Object.keys(req).length > 1 }
}

/** A section's message: its own, or the first the server gave for a field inside it (e.g. hours.3.opens). */
export function sectionError(errors: Errors, section: string): string | undefined {
  return errors[section] ?? Object.entries(errors).find(([k]) => k.startsWith(`${section}.`))?.[1]
}

// ---- facilities ----

export interface FacilityForm {
  kind: FacilityKind | null
  name: string
  /** How many alike to create (new facilities only). */
  count: string
  seats: string
  bookers: FacilityBookers
  needsApproval: boolean
  slotMinutes: string
  minMinutes: string
  maxMinutes: string
  maxDaysAhead: string
  leadMinutes: string
  cancelHours: string
}

export const BOOKERS_NAMES: Record<FacilityBookers, string> = {
  units: '仅成员单位',
  units_and_groups: '成员单位和登记的青年社团',
}

/** Slot lengths that divide the day (the server's rule). */
export const SLOT_OPTIONS = [15, 20, 30, 60, 90, 120, 180, 240] as const

/** The server's defaults (facilityCreateRequest). */
export function emptyFacilityForm(): FacilityForm {
  return {
    kind: null,
    name: '',
    count: '1',
    seats: '',
    bookers: 'units',
    needsApproval: false,
    slotMinutes: '30',
    minMinutes: '30',
    maxMinutes: '240',
    maxDaysAhead: '14',
    leadMinutes: '60',
    cancelHours: '24',
  }
}

export function facilityFormFrom(f: Facility): FacilityForm {
  return {
    kind: f.kind,
    name: f.name,
    count: '1',
    seats: f.seats === null ? '' : String(f.seats),
    bookers: f.bookers,
    needsApproval: f.needsApproval,
    slotMinutes: String(f.slotMinutes),
    minMinutes: String(f.minMinutes),
    maxMinutes: String(f.maxMinutes),
    maxDaysAhead: String(f.maxDaysAhead),
    leadMinutes: String(f.leadMinutes),
    cancelHours: String(f.cancelHours),
  }
}

export interface FacilityFields {
  kind: FacilityKind
  name: string
  seats: number | null
  bookers: FacilityBookers
  needsApproval: boolean
  slotMinutes: number
  minMinutes: number
  maxMinutes: number
  maxDaysAhead: number
  leadMinutes: number
  cancelHours: number
}

function whole(value: string, [min, max]: readonly [number, number], errors: Errors, key: string): number {
  const n = Number(value.trim())
  if (!value.trim() || !Number.isInteger(n) || n < min || n > max) errors[key] = `请填写 ${min}–${max} 的整数`
  return n
}

export function buildFacility(
  form: FacilityForm,
  isNew: boolean,
): { ok: true; fields: FacilityFields; count: number } | { ok: false; errors: Errors } {
  const errors: Errors = {}
  const L = FACILITY_LIMITS
  if (!form.kind) errors.kind = '请选择类型'
  const name = form.name.trim()
  if (name.length < 1 || name.length > L.name) errors.name = `名称 1–${L.name} 个字`
  const count = isNew ? whole(form.count, L.count, errors, 'count') : 1
  // "羽毛球场" ×3 becomes 羽毛球场 1 号 … 3 号: the names must still fit.
  if (!errors.name && count > 1 && `${name} ${count} 号`.length > L.name) errors.name = `名称 1–${L.name} 个字`
  const seats = form.seats.trim() ? whole(form.seats, L.seats, errors, 'seats') : null
  if (!FACILITY_BOOKERS.includes(form.bookers)) errors.bookers = '请选择'
  const slotMinutes = whole(form.slotMinutes, L.slotMinutes, errors, 'slotMinutes')
  const minMinutes = whole(form.minMinutes, L.minMinutes, errors, 'minMinutes')
  const maxMinutes = whole(form.maxMinutes, L.maxMinutes, errors, 'maxMinutes')
  const maxDaysAhead = whole(form.maxDaysAhead, L.maxDaysAhead, errors, 'maxDaysAhead')
  const leadMinutes = whole(form.leadMinutes, L.leadMinutes, errors, 'leadMinutes')
  const cancelHours = whole(form.cancelHours, L.cancelHours, errors, 'cancelHours')
  // The server's consistency rule (server/domain/venue/rules.ts checkRules).
  if (!errors.slotMinutes && 1440 % slotMinutes !== 0) errors.slotMinutes = '时段长度须能整除一天（如 30、60 分钟）'
  if (!errors.slotMinutes && !errors.minMinutes && (minMinutes < slotMinutes || minMinutes % slotMinutes !== 0)) {
    errors.minMinutes = '须为时段长度的整数倍'
  }
  if (!errors.slotMinutes && !errors.maxMinutes && maxMinutes % slotMinutes !== 0) {
    errors.maxMinutes = '须为时段长度的整数倍'
  }
  if (!errors.minMinutes && !errors.maxMinutes && maxMinutes < minMinutes) errors.maxMinutes = '不能短于最短时长'
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    count,
    fields: {
      kind: form.kind as FacilityKind,
      name,
      seats,
      bookers: form.bookers,
      needsApproval: form.needsApproval,
      slotMinutes,
      minMinutes,
      maxMinutes,
      maxDaysAhead,
      leadMinutes,
      cancelHours,
    },
  }
}

/** Several alike: "羽毛球场" ×3 → 羽毛球场 1 号, 2 号, 3 号; one keeps its name. */
export function facilityNames(name: string, count: number): string[] {
  if (count <= 1) return [name]
  return Array.from({ length: count }, (_, i) => `${name} ${i + 1} 号`)
}

export function createFacilityRequest(venueId: string, fields: FacilityFields, name: string): FacilityCreateRequest {
  return { venueId, ...fields, name }
}

export function updateFacilityRequest(
  facility: Facility,
  fields: FacilityFields,
): { req: FacilityUpdateRequest; changed: boolean } {
  const req: FacilityUpdateRequest = { facilityId: facility.id }
  for (const key of Object.keys(fields) as (keyof FacilityFields)[]) {
    if (!same(fields[key], (facility as unknown as Record<string, unknown>)[key])) {
      ;(req as Record<string, unknown>)[key] = fields[key]
    }
  }
  return { req, changed: Object.keys(req).length > 1 }
}
