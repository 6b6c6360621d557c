/**
 * API contract of the `checkin` cloud function: rotating on-site codes (签到/签退) that volunteers
 * scan, personal QR tickets that organisers scan, and the scan records service hours are built from.
 */
import * as z from 'zod'

/** Client-generated per scan: repeating a scan (double tap, retry, re-upload) returns the first result. */
const nonce = () => z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)
/** Tokens are base64url of a fixed size; anything longer is refused before any work. */
const token = () => z.string().min(1).max(128)

export const siteCodeRequest = z.strictObject({ activityId: z.uuid(), direction: z.enum(['in', 'out']) })
export type SiteCodeRequest = z.input<typeof siteCodeRequest>

export const scanRequest = z.strictObject({
  token: token(),
  nonce: nonce(),
  /** Device location when the person allowed it: a signal for review, not proof. */
  location: z.strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).optional(),
})
export type ScanRequest = z.input<typeof scanRequest>

export const ticketRequest = z.strictObject({ activityId: z.uuid() })
export type TicketRequest = z.input<typeof ticketRequest>

export const ticketScanRequest = z.strictObject({
  activityId: z.uuid(),
  token: token(),
  direction: z.enum(['in', 'out']),
  nonce: nonce(),
})
export type TicketScanRequest = z.input<typeof ticketScanRequest>

export interface SiteCode {
  token: string
  direction: 'in' | 'out'
  /** When the code changes; show a fresh one by then. */
  rotatesAt: string
}

export interface ScanResult {
  scanId: string
  activityId: string
  direction: 'in' | 'out'
  scannedAt: string
  method: 'site_code' | 'ticket'
  /** Far from the venue (or no location given when required): kept, and flagged for the organiser. */
  needsReview: boolean
  person: { nickname: string; realName: string | null }
  /** True when this nonce was seen before and the first result is being returned. */
  repeated: boolean
}

export interface Ticket {
  token: string
  registrationId: string
  activityId: string
}

export const hoursPreviewRequest = z.strictObject({ activityId: z.uuid() })
export type HoursPreviewRequest = z.input<typeof hoursPreviewRequest>

/** One person's credited time on one Shanghai day (see server/domain/checkin/hours.ts). */
export interface DayHours {
  day: string
  scheduledMinutes: number
  presentMinutes: number
  hours: number
  status: 'ok' | 'below_minimum' | 'needs_review' | 'participation_only'
  flags: string[]
}

export interface HoursPreview {
  awardsHours: boolean
  items: { registrationId: string; person: { nickname: string; realName: string | null }; days: DayHours[]; totalHours: number }[]
}

export const hoursActivityRequest = z.strictObject({ activityId: z.uuid() })

export interface HoursEntry {
  id: string
  activityId: string
  activityTitle: string
  day: string
  hours: number
  minutes: number
  status: 'pending' | 'approved' | 'declined'
  needsReview: boolean
}

export interface MyHours {
  /** Approved hours only: what counts toward the person's total. */
  totalHours: number
  byYear: { year: number; hours: number }[]
  entries: HoursEntry[]
}

export interface CheckinActions {
  siteCode: { request: SiteCodeRequest; response: SiteCode }
  scan: { request: ScanRequest; response: ScanResult }
  ticket: { request: TicketRequest; response: Ticket }
  scanTicket: { request: TicketScanRequest; response: ScanResult }
  /** Organisers: the hours each person's scans earn so far, before review (nothing is written). */
  hoursPreview: { request: HoursPreviewRequest; response: HoursPreview }
  /** Organisers, after the end: write each person's day entries as pending (approved ones stay). */
  closeHours: { request: { activityId: string }; response: { pending: number; needsReview: number } }
  /** Organisers: approve the event's pending entries that need no review. */
  confirmHours: { request: { activityId: string }; response: { approved: number; leftForReview: number } }
  myHours: { request: Record<string, never> | undefined; response: MyHours }
}
