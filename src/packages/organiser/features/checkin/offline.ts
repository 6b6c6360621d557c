/**
 * Offline ticket scanning, as plain functions (no Taro, no React): verifying a ticket against the
 * downloaded roster, the queue of scans waiting to be sent, and what a sync answer does to it.
 *
 * A ticket verifies offline when the SHA-256 (hex) of its UTF-8 text equals an entry's
 * `ticketDigest`: the roster holds no signing key, so a leaked roster forges nothing.
 */
import type { OfflineRoster, ScanResult, SyncOutcome } from '@api/checkin'
import { sha256 } from '@noble/hashes/sha256'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils'
import { MAX_SYNC_BATCH, type Direction } from '@contract/checkin'
import { displayName } from '@/utils/display-name'

export { MAX_SYNC_BATCH }
export const CONFLICT_TEXT = '该票已在其他设备扫描，以最早一次为准'

export type { Direction }
export type RosterEntry = OfflineRoster['entries'][number]

/** A ticket scan made without the server, kept until a sync settles it. */
export interface QueuedScan {
  token: string
  direction: Direction
  nonce: string
  /** When the scan happened on this device (ISO instant). */
  scannedAt: string
}

/** A queued scan the server did not apply as sent: shown to the organiser after a sync. */
export interface SyncProblem {
  nonce: string
  direction: Direction
  scannedAt: string
  status: 'conflict' | 'rejected'
  name: string
  message: string
}

/**
 * UTF-8 bytes of a string. `TextEncoder` where the engine has it (noble's `utf8ToBytes` needs it);
 * WeChat's JS engine may not, so the same encoding by hand otherwise.
 */
export function utf8(text: string): Uint8Array {
  if (typeof TextEncoder !== 'undefined') return utf8ToBytes(text)
  const out: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0) as number
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return Uint8Array.from(out)
}

/** SHA-256 of the ticket's text, as lower-case hex: what the roster lists. */
export function ticketDigest(token: string): string {
  return bytesToHex(sha256(utf8(token)))
}

export type LocalVerdict =
  | { ok: true; entry: RosterEntry; repeated: boolean }
  | { ok: false; reason: 'no_roster' | 'closed' | 'unknown'; message: string }

/**
 * Checks a scanned ticket against the roster, without the network. `repeated`: the same ticket was
 * already queued the same way on this device (nothing new to queue).
 */
export function verifyOffline(
  roster: OfflineRoster | null,
  token: string,
  direction: Direction,
  queue: readonly QueuedScan[],
  now: Date,
): LocalVerdict {
  if (!roster) return { ok: false, reason: 'no_roster', message: '未下载离线名单，无法离线验票' }
  const t = now.getTime()
  if (t < Date.parse(roster.opensAt)) return { ok: false, reason: 'closed', message: '签到尚未开始' }
  if (t >= Date.parse(roster.closesAt)) return { ok: false, reason: 'closed', message: '活动已结束，签到已关闭' }
  const digest = ticketDigest(token)
  const entry = roster.entries.find((e) => e.ticketDigest.toLowerCase() === digest)
  if (!entry) return { ok: false, reason: 'unknown', message: '无效入场券' }
  const repeated = queue.some((q) => q.token === token && q.direction === direction)
  return { ok: true, entry, repeated }
}

/** Adds a scan at the end (a nonce already queued is not added twice). */
export function enqueue(queue: readonly QueuedScan[], scan: QueuedScan): QueuedScan[] {
  if (queue.some((q) => q.nonce === scan.nonce)) return [...queue]
  return [...queue, scan]
}

/** The next scans to send: the oldest first, at most `max` (the contract's limit per call). */
export function nextBatch(queue: readonly QueuedScan[], max = MAX_SYNC_BATCH): QueuedScan[] {
  return queue.slice(0, Math.max(1, Math.min(max, MAX_SYNC_BATCH)))
}

const SETTLED: ReadonlySet<SyncOutcome['status']> = new Set(['recorded', 'repeated', 'conflict', 'rejected'])

function personName(scan: ScanResult | undefined): string | null {
  return scan ? displayName(scan.person, '') || null : null
}

/** The roster name of a ticket, for messages about scans whose answer names nobody. */
export function nameOf(roster: OfflineRoster | null, token: string): string | null {
  if (!roster) return null
  const digest = ticketDigest(token)
  return roster.entries.find((e) => e.ticketDigest.toLowerCase() === digest)?.name ?? null
}

export interface Merged {
  /** What is still waiting: scans the answer did not mention. */
  queue: QueuedScan[]
  problems: SyncProblem[]
  recorded: number
  repeated: number
}

/**
 * Applies a sync answer to the queue: every scan with an outcome (recorded, repeated, conflict or
 * rejected) leaves it; conflicts and rejections become problems to show. Scans the answer does not
 * mention stay queued for the next sync.
 */
export function mergeOutcomes(
  queue: readonly QueuedScan[],
  outcomes: readonly SyncOutcome[],
  roster: OfflineRoster | null,
): Merged {
  const byNonce = new Map(outcomes.map((o) => [o.nonce, o]))
  const rest: QueuedScan[] = []
  const problems: SyncProblem[] = []
  let recorded = 0
  let repeated = 0
  for (const q of queue) {
    const o = byNonce.get(q.nonce)
    if (!o || !SETTLED.has(o.status)) {
      rest.push(q)
      continue
    }
    if (o.status === 'recorded') recorded++
    else if (o.status === 'repeated') repeated++
    else {
      problems.push({
        nonce: q.nonce,
        direction: q.direction,
        scannedAt: q.scannedAt,
        status: o.status,
        name: personName(o.scan) ?? nameOf(roster, q.token) ?? '未知',
        message: o.status === 'conflict' ? CONFLICT_TEXT : o.message || '同步被拒绝',
      })
    }
  }
  return { queue: rest, problems, recorded, repeated }
}

/** A stored value read back: a queue, or [] for anything that is not one. */
export function parseQueue(value: unknown): QueuedScan[] {
  if (!Array.isArray(value)) return []
  return value.filter(
    (v): v is QueuedScan =>
      !!v &&
      typeof v === 'object' &&
      typeof v.token === 'string' &&
      typeof v.nonce === 'string' &&
      (v.direction === 'in' || v.direction === 'out') &&
      typeof v.scannedAt === 'string',
  )
}

/** A stored value read back: a roster for `activityId`, or null. */
export function parseRoster(value: unknown, activityId: string): OfflineRoster | null {
  if (!value || typeof value !== 'object') return null
  const r = value as OfflineRoster
  if (
    r.activityId !== activityId ||
    !Array.isArray(r.entries) ||
    typeof r.opensAt !== 'string' ||
    typeof r.closesAt !== 'string'
  )
    return null
  return r
}
