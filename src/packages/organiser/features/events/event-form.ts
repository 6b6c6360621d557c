/**
 * The event editor's form: picker strings in, API payloads out. Pure, so the rules
 * (instants with +08:00, what counts as changed) are unit-tested without a page.
 */
import type { ActivityCreateRequest, ActivityUpdateRequest, GeoPoint, ManagedActivity } from '@api/activity'
import type { PlanLine } from '@api/plan'
import type { EventState } from '@contract/activity'
import { combineDateTime, isBefore, shanghaiDate, splitInstant } from '@/utils/instant'

export interface EventForm {
  planLineId: string | null
  title: string
  category: string | null
  description: string
  placeName: string
  placeAddress: string
  location: GeoPoint | null
  startDate: string
  startTime: string
  endDate: string
  endTime: string
  opensDate: string
  opensTime: string
  closesDate: string
  closesTime: string
  capacity: string
  recordsServiceHours: boolean
  contact: string
  coverUrl: string
}

type EventFields = Omit<ActivityCreateRequest, 'unitId' | 'planLineId'>

/** The Shanghai clock time of `now`, rounded down to five minutes ("14:35"). */
function clockNow(now: Date): string {
  const [h, m] = splitInstant(now.toISOString()).time.split(':').map(Number)
  return `${String(h).padStart(2, '0')}:${String(m - (m % 5)).padStart(2, '0')}`
}

/**
 * The line a new event most likely fulfils: the unit's next line still without events (this month
 * or later), else its earliest such line; none when every line already has its events.
 */
export function suggestedLine(lines: PlanLine[], now: Date = new Date()): PlanLine | null {
  const month = Number(shanghaiDate(now).slice(5, 7))
  const open = lines.filter((l) => (l.events?.length ?? 0) === 0).sort((a, b) => a.plannedMonth - b.plannedMonth)
  return open.find((l) => l.plannedMonth >= month) ?? open[0] ?? null
}

/** A new event: a week from now, 09:00–11:00; sign-up open from now until the day before. */
export function emptyForm(now: Date = new Date()): EventForm {
  return {
    planLineId: null,
    title: '',
    category: null,
    description: '',
    placeName: '',
    placeAddress: '',
    location: null,
    startDate: shanghaiDate(now, 7),
    startTime: '09:00',
    endDate: shanghaiDate(now, 7),
    endTime: '11:00',
    opensDate: shanghaiDate(now, 0),
    // From now: a default in the future (09:00 when it is 08:00) would keep the event closed for no reason.
    opensTime: clockNow(now),
    closesDate: shanghaiDate(now, 6),
    closesTime: '18:00',
    capacity: '30',
    recordsServiceHours: false,
    contact: '',
    coverUrl: '',
  }
}

export function formFromActivity(a: ManagedActivity): EventForm {
  const start = splitInstant(a.startAt)
  const end = splitInstant(a.endAt)
  const opens = splitInstant(a.signupOpensAt)
  const closes = splitInstant(a.signupClosesAt)
  return {
    planLineId: a.planLine?.id ?? null,
    title: a.title,
    category: a.category.code,
    description: a.description,
    placeName: a.placeName,
    placeAddress: a.placeAddress ?? '',
    location: a.location,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: closes.date,
    closesTime: closes.time,
    capacity: String(a.capacity),
    recordsServiceHours: a.recordsServiceHours,
    contact: a.contact ?? '',
    coverUrl: a.coverSource ?? '',
  }
}

export type BuildResult = { ok: true; fields: EventFields } | { ok: false; errors: Record<string, string> }

/** Checks what the page can check and builds the fields; the server validates again. */
export function buildFields(f: EventForm): BuildResult {
  const errors: Record<string, string> = {}
  const startAt = combineDateTime(f.startDate, f.startTime)
  const endAt = combineDateTime(f.endDate, f.endTime)
  const signupOpensAt = combineDateTime(f.opensDate, f.opensTime)
  const signupClosesAt = combineDateTime(f.closesDate, f.closesTime)
  if (!f.title.trim()) errors.title = '请填写活动名称'
  if (!f.category) errors.category = '请选择活动类别'
  if (!f.placeName.trim()) errors.placeName = '请填写活动地点'
  if (!startAt) errors.startAt = '请选择开始时间'
  if (!endAt) errors.endAt = '请选择结束时间'
  else if (startAt && !isBefore(startAt, endAt)) errors.endAt = '结束时间需晚于开始时间'
  if (!signupOpensAt) errors.signupOpensAt = '请选择报名开始时间'
  if (!signupClosesAt) errors.signupClosesAt = '请选择报名截止时间'
  else if (signupOpensAt && !isBefore(signupOpensAt, signupClosesAt)) errors.signupClosesAt = '报名截止需晚于报名开始'
  const capacity = Number(f.capacity)
  if (!/^\d+$/.test(f.capacity.trim()) || capacity < 1) errors.capacity = '名额需为正整数'
  if (Object.keys(errors).length > 0 || !startAt || !endAt || !signupOpensAt || !signupClosesAt || !f.category) {
    return { ok: false, errors }
  }
  return {
    ok: true,
    fields: {
      title: f.title.trim(),
      category: f.category,
      description: f.description.trim(),
      placeName: f.placeName.trim(),
      placeAddress: f.placeAddress.trim() || null,
      location: f.location,
      startAt,
      endAt,
      signupOpensAt,
      signupClosesAt,
      capacity,
      recordsServiceHours: f.recordsServiceHours,
      contact: f.contact.trim() || null,
      coverUrl: f.coverUrl.trim() || null,
    },
  }
}

export function createRequest(unitId: string, f: EventForm, fields: EventFields): ActivityCreateRequest {
  return { unitId, planLineId: f.planLineId, ...fields }
}

function same(key: string, a: unknown, b: unknown): boolean {
  // Instants compare by value: the server writes "…T01:00:00.000Z", the pickers "…T09:00:00+08:00".
  if (key.endsWith('At') && typeof a === 'string' && typeof b === 'string') return Date.parse(a) === Date.parse(b)
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
}

/** Only the fields that changed, so the change log shows what really changed. */
export function updateRequest(
  before: ManagedActivity,
  f: EventForm,
  fields: EventFields,
  reason: string,
): ActivityUpdateRequest {
  const original: Record<string, unknown> = {
    planLineId: before.planLine?.id ?? null,
    title: before.title,
    category: before.category.code,
    description: before.description,
    placeName: before.placeName,
    placeAddress: before.placeAddress,
    location: before.location,
    startAt: before.startAt,
    endAt: before.endAt,
    signupOpensAt: before.signupOpensAt,
    signupClosesAt: before.signupClosesAt,
    capacity: before.capacity,
    recordsServiceHours: before.recordsServiceHours,
    contact: before.contact,
    coverUrl: before.coverSource,
  }
  const next: Record<string, unknown> = { planLineId: f.planLineId, ...fields }
  const changed: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(next)) {
    if (!same(key, original[key], value)) changed[key] = value
  }
  return { id: before.id, ...changed, ...(reason.trim() ? { reason: reason.trim() } : {}) } as ActivityUpdateRequest
}

export function hasChanges(req: ActivityUpdateRequest): boolean {
  return Object.keys(req).some((k) => k !== 'id' && k !== 'reason')
}

export const EVENT_STATE_NAMES: Record<EventState, string> = {
  draft: '草稿',
  published: '已发布',
  cancelled: '已取消',
  finished: '已结束',
}

/** Field names as the change log shows them. */
export const FIELD_NAMES: Record<string, string> = {
  planLineId: '年度清单',
  title: '活动名称',
  category: '类别',
  description: '活动介绍',
  placeName: '地点',
  placeAddress: '详细地址',
  location: '位置',
  startAt: '开始时间',
  endAt: '结束时间',
  signupOpensAt: '报名开始',
  signupClosesAt: '报名截止',
  capacity: '名额',
  recordsServiceHours: '记录志愿时长',
  contact: '联系方式',
  coverUrl: '封面',
}
