/**
 * What organisers and people see of check-in: the site code, a ticket, my identity code, my state,
 * the board, the offline roster.
 */
import type {
  ActivityRequest,
  CheckinBoard,
  IdentityCode,
  MyCheckin,
  OfflineRoster,
  SiteCode,
  SiteCodeRequest,
  Ticket,
} from '@api/checkin'
import { createHash } from 'crypto'
import QRCode from 'qrcode'
import type { CheckinFailure } from '../../domain/checkin/failures'
import { identityRotatesAt, identityValidUntil, issueIdentityCode } from '../../domain/checkin/identity-code'
import { windowOf, windowRefusal } from '../../domain/checkin/rules'
import {
  generateSecret,
  issueSiteCode,
  issueTicket,
  nextRotationAt,
  shortSiteCode,
  slotOf,
} from '../../domain/checkin/token'
import {
  boardCounts,
  ensureSiteSecret,
  myCheckinState,
  offlineRosterRows,
  recentScans,
  seatedRegistration,
} from '../../store/checkin'
import { ensureUser } from '../../store/users'
import type { SignedInContext } from '../context'
import { eventForOrganiser, visibleEvent } from '../organiser'
import { check, refuse } from '../refusal'
import { scanResult } from './perform'
import { ticketSecret } from './tickets'

const qrDataUrl = (text: string) => QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, width: 360 })

const ticketDigest = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex')

/** The rotating code an organiser shows on site, while its direction's window is open. */
export async function showSiteCode(ctx: SignedInContext, input: SiteCodeRequest): Promise<SiteCode> {
  const { e } = await eventForOrganiser(ctx, input.activityId, 'showCode')
  check(windowRefusal(e, input.direction, ctx.now, { synced: false, now: ctx.now }))
  // The event's site-code key, created on first use.
  const secret = e.checkinSecret ?? (await ensureSiteSecret(ctx.db, e.id, generateSecret()))
  const token = issueSiteCode({ secret, eventId: e.id, direction: input.direction, now: ctx.now })
  return {
    token,
    shortCode: shortSiteCode({ secret, eventId: e.id, direction: input.direction, slot: slotOf(ctx.now) }),
    qrDataUrl: await qrDataUrl(token),
    direction: input.direction,
    rotatesAt: nextRotationAt(ctx.now).toISOString(),
    serverNow: ctx.now.toISOString(),
  }
}

/** My ticket for an event where I hold a seat. */
export async function myTicket(ctx: SignedInContext, input: ActivityRequest): Promise<Ticket> {
  const reg = await seatedRegistration(ctx.db, input.activityId, { openid: ctx.caller.openid })
  const seat = reg ?? refuse<CheckinFailure>({ kind: 'noTicket' })
  const token = issueTicket({
    secret: ticketSecret(),
    registrationId: seat.id,
    eventId: input.activityId,
    ticketVersion: seat.ticketVersion,
  })
  return { token, qrDataUrl: await qrDataUrl(token), registrationId: seat.id, activityId: input.activityId }
}

/**
 * My identity code (身份码), for an organiser to scan and register me on the spot: it names me
 * without showing my id, and a fresh one replaces it every minute (each lives two at most).
 */
export async function myIdentityCode(ctx: SignedInContext): Promise<IdentityCode> {
  const user = await ensureUser(ctx.db, ctx.caller.openid)
  const token = issueIdentityCode({ secret: ticketSecret(), userId: user.id, now: ctx.now })
  return {
    token,
    qrDataUrl: await qrDataUrl(token),
    nickname: user.nickname,
    rotatesAt: identityRotatesAt(ctx.now).toISOString(),
    validUntil: identityValidUntil(ctx.now).toISOString(),
    serverNow: ctx.now.toISOString(),
  }
}

/** My check-in state, and the window of what I would do next (check out after a check-in, else check in). */
export async function myCheckin(ctx: SignedInContext, input: ActivityRequest): Promise<MyCheckin> {
  const user = await ensureUser(ctx.db, ctx.caller.openid)
  const e = await visibleEvent(ctx, input.activityId)
  const mine = await myCheckinState(ctx.db, e.id, user.id)
  const { opensAt, closesAt } = windowOf(e, mine.direction === 'in' ? 'out' : 'in')
  return {
    activityId: e.id,
    registered: mine.registered,
    lastDirection: mine.direction,
    lastScanAt: mine.scannedAt?.toISOString() ?? null,
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    open: e.state !== 'cancelled' && ctx.now >= opensAt && ctx.now < closesAt,
  }
}

export async function checkinBoard(ctx: SignedInContext, input: ActivityRequest): Promise<CheckinBoard> {
  const { e } = await eventForOrganiser(ctx, input.activityId, 'viewBoard')
  const counts = await boardCounts(ctx.db, e.id)
  return {
    activityId: e.id,
    ...counts,
    recent: (await recentScans(ctx.db, e.id, 20)).map((x) => scanResult(x, false)),
  }
}

/** Who may be admitted offline: a digest of each valid ticket (never the ticket or a key). */
export async function offlineRoster(ctx: SignedInContext, input: ActivityRequest): Promise<OfflineRoster> {
  const { e } = await eventForOrganiser(ctx, input.activityId, 'offlineRoster')
  const rows = await offlineRosterRows(ctx.db, e.id)
  const secret = ticketSecret()
  return {
    activityId: e.id,
    generatedAt: ctx.now.toISOString(),
    opensAt: windowOf(e, 'in').opensAt.toISOString(),
    closesAt: windowOf(e, 'out').closesAt.toISOString(),
    entries: rows.map((r) => ({
      registrationId: r.id,
      ticketDigest: ticketDigest(
        issueTicket({ secret, registrationId: r.id, eventId: e.id, ticketVersion: r.ticketVersion }),
      ),
      name: r.name,
      state: r.state,
      lastDirection: r.direction,
    })),
  }
}
