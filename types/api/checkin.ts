/**
 * API contract of the `checkin` cloud function: rotating on-site codes (签到/签退) that volunteers
 * scan, personal QR tickets that organisers scan, and the scan records service hours are built from.
 */
import * as z from 'zod'
import { DIRECTIONS, MAX_SYNC_BATCH, SHORT_CODE } from '../contract/checkin'

// Runtime constants live in a zod-free module pages may import; re-exported for existing imports.
export { DIRECTIONS, IDENTITY_CODE, MAX_SYNC_BATCH, SHORT_CODE, type Direction } from '../contract/checkin'

/** Client-generated per scan: repeating a scan (double tap, retry, re-upload) returns the first result. */
const nonce = () => z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)
/** Tokens are base64url of a fixed size; anything longer is refused before any work. */
const token = () => z.string().min(1).max(128)

export const siteCodeRequest = z.strictObject({ activityId: z.uuid(), direction: z.enum(DIRECTIONS) })
export type SiteCodeRequest = z.input<typeof siteCodeRequest>

export const scanRequest = z
  .strictObject({
    /** The scanned QR code; or, for manual entry, `activityId` + `shortCode`. */
    token: token().optional(),
    activityId: z.uuid().optional(),
    shortCode: z.string().regex(SHORT_CODE).optional(),
    nonce: nonce(),
    /** Device location when the person allowed it: a signal for review, not proof. */
    location: z
      .strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
      .optional(),
  })
  .refine((r) => (r.token !== undefined) !== (r.activityId !== undefined && r.shortCode !== undefined), {
    message: '请扫描现场二维码，或输入活动的 6 位数字签到码',
    path: ['token'],
  })
export type ScanRequest = z.input<typeof scanRequest>

export const ticketRequest = z.strictObject({ activityId: z.uuid() })
export type TicketRequest = z.input<typeof ticketRequest>

export const ticketScanRequest = z.strictObject({
  activityId: z.uuid(),
  token: token(),
  direction: z.enum(DIRECTIONS),
  nonce: nonce(),
})
export type TicketScanRequest = z.input<typeof ticketScanRequest>

export interface SiteCode {
  token: string
  /** The same code as 6 digits, for typing in by hand; changes with the token. */
  shortCode: string
  /** The token as a QR code PNG (data URL), ready for <Image>. */
  qrDataUrl: string
  direction: 'in' | 'out'
  /** When the code changes; show a fresh one by then. */
  rotatesAt: string
  /** The server's clock when it answered: a phone whose clock is off still refreshes on time. */
  serverNow: string
}

export interface ScanResult {
  scanId: string
  activityId: string
  direction: 'in' | 'out'
  scannedAt: string
  method: 'site_code' | 'ticket' | 'walk_in'
  /** Far from the venue (or no location given when required): kept, and flagged for the organiser. */
  needsReview: boolean
  person: { nickname: string; realName: string | null }
  /** True when this nonce was seen before and the first result is being returned. */
  repeated: boolean
}

export interface Ticket {
  token: string
  /** The ticket as a QR code PNG (data URL). */
  qrDataUrl: string
  registrationId: string
  activityId: string
}

export const activityRequest = z.strictObject({ activityId: z.uuid() })
export type ActivityRequest = z.input<typeof activityRequest>

/** A young person's own check-in state at one event (for the 签到/签退 button). */
export interface MyCheckin {
  activityId: string
  /** Whether I hold a registration that may check in (confirmed or attended). */
  registered: boolean
  /** 'in' after a check-in not yet closed by a check-out. */
  lastDirection: 'in' | 'out' | null
  lastScanAt: string | null
  opensAt: string
  closesAt: string
  /** open now, by the server clock. */
  open: boolean
}

/** The organiser's live view next to the rotating code. */
export interface CheckinBoard {
  activityId: string
  confirmed: number
  checkedIn: number
  checkedOut: number
  needsReview: number
  recent: ScanResult[]
}

/**
 * What an organiser's scanner downloads before an event to keep verifying tickets offline.
 * A ticket verifies offline when its SHA-256 (hex of the UTF-8 token text) equals an entry's
 * `ticketDigest`: no signing key ever leaves the server, and a leaked roster forges nothing.
 */
export interface OfflineRoster {
  activityId: string
  generatedAt: string
  opensAt: string
  closesAt: string
  entries: {
    registrationId: string
    ticketDigest: string
    name: string
    state: 'confirmed' | 'attended'
    lastDirection: 'in' | 'out' | null
  }[]
}

/** Ticket scans queued offline, sent when the network returns (in any order; the server sorts by time). */
export const syncRequest = z.strictObject({
  activityId: z.uuid(),
  scans: z
    .array(
      z.strictObject({
        token: token(),
        direction: z.enum(DIRECTIONS),
        nonce: nonce(),
        /** When the scan happened on the device, not when it is sent. */
        scannedAt: z.iso.datetime({ offset: true }),
      }),
    )
    .min(1)
    .max(MAX_SYNC_BATCH),
})
export type SyncRequest = z.input<typeof syncRequest>

export interface SyncOutcome {
  nonce: string
  /**
   * recorded: applied now; repeated: this nonce was applied before (a replayed batch);
   * conflict: the same ticket was scanned the same way earlier (another device) — the earliest is
   * kept and this one is reported; rejected: refused, see code and message.
   */
  status: 'recorded' | 'repeated' | 'conflict' | 'rejected'
  code?: string
  message?: string
  scan?: ScanResult
}

export interface SyncResult {
  outcomes: SyncOutcome[]
  recorded: number
  repeated: number
  conflicts: number
  rejected: number
}

/**
 * A walk-in without registration: the organiser scans the person's own identity code (身份码),
 * shown on their screen. Showing it is the consent; a phone number is never a way in.
 */
export const walkInRequest = z.strictObject({
  activityId: z.uuid(),
  identityToken: token(),
  nonce: nonce(),
})
export type WalkInRequest = z.input<typeof walkInRequest>

/** My identity code: a signed token naming me, rotating every minute, valid at most two. */
export const identityCodeRequest = z.strictObject({}).optional()
export type IdentityCodeRequest = z.input<typeof identityCodeRequest>

export interface IdentityCode {
  token: string
  /** The token as a QR code PNG (data URL), ready for <Image>. */
  qrDataUrl: string
  /** How the organiser will see me named. */
  nickname: string
  /** When a fresh code replaces this one on screen. */
  rotatesAt: string
  /** After this the code is refused (CODE_EXPIRED). */
  validUntil: string
  /** The server's clock when it answered: a phone whose clock is off still refreshes on time. */
  serverNow: string
}

export interface CheckinActions {
  siteCode: { request: SiteCodeRequest; response: SiteCode }
  scan: { request: ScanRequest; response: ScanResult }
  ticket: { request: TicketRequest; response: Ticket }
  scanTicket: { request: TicketScanRequest; response: ScanResult }
  /** My check-in state at an event. */
  mine: { request: ActivityRequest; response: MyCheckin }
  /** Organisers: counts and the latest scans, next to the rotating code. */
  board: { request: ActivityRequest; response: CheckinBoard }
  /** Organisers: ticket digests for scanning offline. */
  offlineRoster: { request: ActivityRequest; response: OfflineRoster }
  /** Organisers: apply ticket scans queued offline; replaying a batch changes nothing. */
  syncTicketScans: { request: SyncRequest; response: SyncResult }
  /** Organisers: register a walk-in by their identity code (if seats remain) and check them in. */
  walkIn: { request: WalkInRequest; response: ScanResult }
  /** My identity code, shown to an organiser for a walk-in. */
  identityCode: { request: IdentityCodeRequest; response: IdentityCode }
}
