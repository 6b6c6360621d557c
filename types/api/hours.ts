/**
 * API contract of the `hours` cloud function: the service-hours ledger (志愿服务时长) built from
 * check-in scans, its review by organisers (adjust with a reason, decline, make-up entries,
 * corrections of approved entries, an optional public-notice period), people's own hours and
 * certificates with a public verification code, and the district's report and export.
 *
 * Ledger rules (server/domain/hours/ledger.ts):
 * - One `scan` entry per person, event and Shanghai day, written when hours are closed.
 * - pending → approved | declined. Approved entries are never edited: correcting one writes a
 *   `reversal` (minus its hours) and a `correction` (the new hours), both approved at once.
 * - `makeup` (补录) entries carry a reason and evidence; a person's hours for an event never
 *   exceed the event's scheduled time.
 * - Only approved entries count toward totals and certificates.
 */
import * as z from 'zod'
import { text, uploadFiles, type UploadsResponse } from './common'
import type { DayStatus, EntryKind, EntryStatus, HoursFlag } from '../contract/hours'
import { MAX_EVIDENCE_PHOTOS } from '../contract/files'

// Runtime constants live in a zod-free module pages may import; re-exported for existing imports.
export {
  DAY_STATUSES,
  ENTRY_KINDS,
  ENTRY_STATUSES,
  HOURS_FLAGS,
  type HoursFlag,
  type DayStatus,
  type EntryKind,
  type EntryStatus,
} from '../contract/hours'

export const activityHoursRequest = z.strictObject({ activityId: z.uuid() })
export type ActivityHoursRequest = z.input<typeof activityHoursRequest>

/** One person's credited time on one Shanghai day (see server/domain/checkin/hours.ts). */
export interface DayHours {
  day: string
  scheduledMinutes: number
  presentMinutes: number
  hours: number
  status: DayStatus
  flags: HoursFlag[]
}

export interface HoursPreview {
  awardsHours: boolean
  items: {
    registrationId: string
    person: { nickname: string; realName: string | null }
    days: DayHours[]
    totalHours: number
  }[]
}

/** One line of the ledger as organisers see it. */
export interface LedgerEntry {
  id: string
  activityId: string
  registrationId: string
  person: { nickname: string; realName: string | null }
  day: string
  kind: EntryKind
  /** Negative for a reversal. */
  hours: number
  /** Presence within the schedule that day (scan entries), whole minutes. */
  minutes: number
  status: EntryStatus
  /** A missing check-out or a far-away scan: confirm only after adjusting it. */
  needsReview: boolean
  flags: HoursFlag[]
  /** Why: make-up, adjustment, correction or decline. */
  reason: string | null
  /** The photos themselves only through `evidencePhotos` (short-lived links). */
  evidence: { note: string; photoCount: number } | null
  /** The approved entry a reversal or correction replaces. */
  replacesId: string | null
  /** Confirmed, on public notice until then; approved when it ends. */
  noticeUntil: string | null
  /** Whether a later correction has reversed this (approved) entry. */
  corrected: boolean
  createdAt: string
}

export interface HoursSettings {
  /** Share of each day's scheduled time to attend for any hours (default 0.6). */
  minShare: number
  /** Hours are rounded down to a multiple of this (default 0.5). */
  stepHours: number
  /** Days of public notice (公示) between confirming and approval (default 0: approved at once). */
  noticeDays: number
  /** Check-in opens this many minutes before the start (default 60). */
  checkinOpensMinutes: number
  /** Scans farther than this from the venue are flagged for review (default 500 m). */
  checkinRadiusMeters: number
}

export const hoursSettingsRequest = z.strictObject({
  activityId: z.uuid(),
  minShare: z.number().min(0).max(1).optional(),
  stepHours: z.union([z.literal(0.1), z.literal(0.25), z.literal(0.5), z.literal(1)]).optional(),
  noticeDays: z.number().int().min(0).max(30).optional(),
  checkinOpensMinutes: z.number().int().min(0).max(1440).optional(),
  checkinRadiusMeters: z.number().int().min(10).max(100000).optional(),
})
export type HoursSettingsRequest = z.input<typeof hoursSettingsRequest>

export interface EventHours {
  /** ended: by the server's clock, so hours may be closed. */
  activity: {
    id: string
    title: string
    startAt: string
    endAt: string
    ended: boolean
    awardsHours: boolean
    scheduledHours: number
    hoursClosedAt: string | null
  }
  settings: HoursSettings
  entries: LedgerEntry[]
  /** Everyone who held a place (confirmed, attended or recorded as a no-show), with or without scans: who a make-up can be for. */
  people: { registrationId: string; person: { nickname: string; realName: string | null } }[]
  /** The Shanghai days the event is scheduled on, YYYY-MM-DD. */
  days: string[]
  /** Approved hours per registration, corrections included. */
  totals: { registrationId: string; approvedHours: number }[]
}

const reason = () => text(2, 200)
/** Hours as the organiser types them: at most 24 a day, in steps the event allows. */
const hoursValue = () => z.number().min(0).max(24)

export const adjustRequest = z.strictObject({
  entryId: z.string().regex(/^[0-9]{1,18}$/),
  hours: hoursValue(),
  reason: reason(),
})
export type AdjustRequest = z.input<typeof adjustRequest>

export const declineRequest = z.strictObject({ entryId: z.string().regex(/^[0-9]{1,18}$/), reason: reason() })
export type DeclineRequest = z.input<typeof declineRequest>

export const makeupRequest = z.strictObject({
  registrationId: z.uuid(),
  /** A Shanghai day of the event's schedule. */
  day: z.iso.date(),
  hours: hoursValue().refine((h) => h > 0, '补录时长须大于 0'),
  reason: reason(),
  /** fileIds: photos uploaded to the names `evidenceUploads` gave out for this event (checked by the server). */
  evidence: z.strictObject({
    note: text(2, 500),
    fileIds: z.array(z.string().min(1).max(300)).max(MAX_EVIDENCE_PHOTOS).default([]),
  }),
})
export type MakeupRequest = z.input<typeof makeupRequest>

/** Upload names (and, locally, upload tickets) for evidence photos of a make-up at this event: one per photo. */
export const evidenceUploadsRequest = z.strictObject({
  activityId: z.uuid(),
  /** Each photo's file kind, in order. */
  files: uploadFiles(),
})
export type EvidenceUploadsRequest = z.input<typeof evidenceUploadsRequest>
export type EvidenceUploadsResponse = UploadsResponse

/** Short-lived links to a make-up entry's photos, for whoever may review it (or the person it is for). */
export const evidencePhotosRequest = z.strictObject({ entryId: z.string().regex(/^[0-9]{1,18}$/) })
export type EvidencePhotosRequest = z.input<typeof evidencePhotosRequest>

export interface EvidencePhotosResponse {
  /** Each works for about ten minutes. */
  urls: string[]
}

export const confirmRequest = z.strictObject({
  activityId: z.uuid(),
  /** Only these pending entries; all pending entries needing no review when absent. */
  entryIds: z
    .array(z.string().regex(/^[0-9]{1,18}$/))
    .min(1)
    .max(1000)
    .optional(),
})
export type ConfirmRequest = z.input<typeof confirmRequest>

export const historyRequest = z.strictObject({ entryId: z.string().regex(/^[0-9]{1,18}$/) })
export type HistoryRequest = z.input<typeof historyRequest>

/** The audit log of one ledger entry: who changed what, when, and why. */
export interface AuditRecord {
  at: string
  by: string
  action: 'close' | 'adjust' | 'decline' | 'makeup' | 'confirm' | 'approve' | 'correct'
  before: { hours: number; status: EntryStatus } | null
  after: { hours: number; status: EntryStatus } | null
  reason: string | null
}

/** The public notice (公示) of an event's confirmed hours: names masked. */
export interface HoursNotice {
  activityId: string
  title: string
  items: { name: string; day: string; hours: number; noticeUntil: string }[]
}

export interface MyEventHours {
  activityId: string
  title: string
  unitName: string
  /** Approved hours, corrections included. */
  hours: number
  /** Pending (including on notice). */
  pendingHours: number
  days: { day: string; hours: number; status: EntryStatus; kind: EntryKind; noticeUntil: string | null }[]
}

export interface MyHours {
  /** Approved hours only: what counts toward the person's total. */
  totalHours: number
  byYear: { year: number; hours: number }[]
  /** Newest first. */
  events: MyEventHours[]
}

export const certificateRequest = z
  .strictObject({ from: z.iso.date(), to: z.iso.date() })
  .refine((r) => r.from <= r.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
export type CertificateRequest = z.input<typeof certificateRequest>

/** A certificate (志愿服务证明) as issued: a snapshot of approved hours in a period. */
export interface Certificate {
  /** e.g. QJ7K2M-9XH4PD: what `verify` accepts. */
  code: string
  holderName: string
  from: string
  to: string
  totalHours: number
  activities: { title: string; unitName: string; days: number; hours: number }[]
  issuedAt: string
  issuer: string
  /** A code to scan (mini-program code in WeChat; QR to the H5 verify page locally), PNG data URL. */
  verifyImage: string
  /** What the certificate says plainly: official certification happens in the national systems. */
  disclaimer: string
}

export const verifyRequest = z.strictObject({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^QJ[0-9A-Z]{4}-?[0-9A-Z]{6}$/, { message: '请填写证书上的 12 位证书编号' })
    .meta({ label: '证书编号' }),
})
export type VerifyRequest = z.input<typeof verifyRequest>

export type VerifyResult =
  | { genuine: false }
  | {
      genuine: true
      code: string
      /** Masked: 张*三. */
      holderName: string
      from: string
      to: string
      totalHours: number
      activities: { title: string; unitName: string; hours: number }[]
      issuedAt: string
      issuer: string
    }

export const reportRequest = z.strictObject({
  year: z.number().int().min(2020).max(2100),
  /** 1–12: that month only. */
  month: z.number().int().min(1).max(12).optional(),
})
export type ReportRequest = z.input<typeof reportRequest>

export interface DistrictHoursReport {
  year: number
  month: number | null
  totalHours: number
  people: number
  byUnit: { unitId: string; unitName: string; hours: number; people: number; activities: number }[]
  byMonth: { month: string; hours: number; people: number }[]
}

export interface HoursActions {
  /** Organisers: what each person's scans earn so far, before review (nothing is written). */
  preview: { request: ActivityHoursRequest; response: HoursPreview }
  /** Organisers, after the end: write each person's day entries as pending (done by `sweep` too). */
  close: { request: ActivityHoursRequest; response: { pending: number; needsReview: number } }
  /** Organisers: the event's ledger, settings and per-person totals. */
  review: { request: ActivityHoursRequest; response: EventHours }
  settings: { request: HoursSettingsRequest; response: HoursSettings }
  /** Organisers: set a pending entry's hours (clears needs-review), or correct an approved one. */
  adjust: { request: AdjustRequest; response: LedgerEntry }
  decline: { request: DeclineRequest; response: LedgerEntry }
  makeup: { request: MakeupRequest; response: LedgerEntry }
  evidenceUploads: { request: EvidenceUploadsRequest; response: EvidenceUploadsResponse }
  evidencePhotos: { request: EvidencePhotosRequest; response: EvidencePhotosResponse }
  /** Organisers: approve (or put on notice) pending entries needing no review. */
  confirm: { request: ConfirmRequest; response: { approved: number; onNotice: number; leftForReview: number } }
  history: { request: HistoryRequest; response: AuditRecord[] }
  /** Anyone signed in: the event's hours on public notice. */
  notice: { request: ActivityHoursRequest; response: HoursNotice }
  mine: { request: Record<string, never> | undefined; response: MyHours }
  /** Issue a certificate of my approved hours in a period (needs a real name in the profile). */
  certificate: { request: CertificateRequest; response: Certificate }
  /** Public, no login: is this certificate code genuine, and what does it certify? */
  verify: { request: VerifyRequest; response: VerifyResult }
  /** District admins: approved hours by unit and by month. */
  report: { request: ReportRequest; response: DistrictHoursReport }
  /** District admins: the period's approved hours as .xlsx for the national volunteer systems (`url`: short-lived). */
  exportSheet: {
    request: ReportRequest
    response: { fileName: string; fileId: string; url: string; rows: number }
  }
  /** Time-driven: close hours of ended events, approve entries whose notice ended. */
  sweep: { request: Record<string, never> | undefined; response: { closed: number; approved: number } }
}
