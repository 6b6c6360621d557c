/**
 * Cloud function `checkin`: organisers show rotating on-site codes, volunteers scan them to check
 * in and out; each confirmed registration has a personal ticket organisers scan (online, or
 * offline and synced later); walk-ins are seated and checked in by scanning the identity code on
 * their own screen (their consent), never by a phone number. Every way to
 * check in ends in one service (server/app/checkin/perform.ts) with one order of checks.
 */
import {
  activityRequest,
  identityCodeRequest,
  scanRequest,
  siteCodeRequest,
  syncRequest,
  ticketRequest,
  ticketScanRequest,
  walkInRequest,
  type CheckinActions,
} from '@api/checkin'
import { scanSiteCode, scanTicket, syncTicketScans, walkIn } from '../../../server/app/checkin/entry-paths'
import {
  checkinBoard,
  myCheckin,
  myIdentityCode,
  myTicket,
  offlineRoster,
  showSiteCode,
} from '../../../server/app/checkin/views'
import type { OrganiserFailure } from '../../../server/app/organiser'
import type { CheckinFailure } from '../../../server/domain/checkin/failures'
import { action, createFunction, withFailures } from '../../../server/runtime/function'
import { checkinFailures, explainCheckin } from './failures'

export const actions = withFailures<CheckinActions, CheckinFailure | OrganiserFailure>(
  {
    siteCode: action({ access: 'signed_in', input: siteCodeRequest, handle: (input, ctx) => showSiteCode(ctx, input) }),
    scan: action({ access: 'signed_in', input: scanRequest, handle: (input, ctx) => scanSiteCode(ctx, input) }),
    ticket: action({ access: 'signed_in', input: ticketRequest, handle: (input, ctx) => myTicket(ctx, input) }),
    scanTicket: action({
      access: 'signed_in',
      input: ticketScanRequest,
      handle: (input, ctx) => scanTicket(ctx, input),
    }),
    mine: action({ access: 'signed_in', input: activityRequest, handle: (input, ctx) => myCheckin(ctx, input) }),
    board: action({ access: 'signed_in', input: activityRequest, handle: (input, ctx) => checkinBoard(ctx, input) }),
    offlineRoster: action({
      access: 'signed_in',
      input: activityRequest,
      handle: (input, ctx) => offlineRoster(ctx, input),
    }),
    syncTicketScans: action({
      access: 'signed_in',
      input: syncRequest,
      handle: (input, ctx) => syncTicketScans(ctx, input, explainCheckin),
    }),
    walkIn: action({ access: 'signed_in', input: walkInRequest, handle: (input, ctx) => walkIn(ctx, input) }),
    identityCode: action({
      access: 'signed_in',
      input: identityCodeRequest,
      handle: (_input, ctx) => myIdentityCode(ctx),
    }),
  },
  checkinFailures,
)

export const main = createFunction<CheckinActions>('checkin', actions)
