/**
 * Cloud function `hours`: the service-hours ledger (志愿服务时长). Organisers close an event's
 * hours from the scans, review them (adjust with a reason, decline, make-up entries, corrections
 * of approved entries), and confirm them, with an optional public notice (公示). People see their
 * approved hours and issue certificates anyone can verify; the district reports and exports them.
 * Every change writes an audit record (who, when, before, after, why) in the same transaction.
 */
import {
  activityHoursRequest,
  adjustRequest,
  certificateRequest,
  confirmRequest,
  declineRequest,
  historyRequest,
  hoursSettingsRequest,
  makeupRequest,
  evidencePhotosRequest,
  evidenceUploadsRequest,
  reportRequest,
  verifyRequest,
  type HoursActions,
} from '@api/hours'
import * as z from 'zod'
import { closeHours, previewHours, sweepHours } from '../../../server/app/hours/close'
import { hoursNotice, issueCertificate, myHours, verifyCertificate } from '../../../server/app/hours/people'
import { evidencePhotos, evidenceUploads } from '../../../server/app/hours/evidence'
import { exportHoursSheet, hoursReport } from '../../../server/app/hours/report'
import {
  adjustEntry,
  changeHoursSettings,
  confirmHours,
  declineHours,
  entryHistory,
  makeupHours,
  reviewHours,
} from '../../../server/app/hours/review'
import type { OrganiserFailure } from '../../../server/app/organiser'
import type { HoursFailure } from '../../../server/domain/hours/failures'
import { action, createFunction, withFailures } from '../../../server/runtime/function'
import { hoursFailures } from './failures'

const nothing = z.strictObject({}).optional()

export const actions = withFailures<HoursActions, HoursFailure | OrganiserFailure>(
  {
    preview: action({
      access: 'signed_in',
      input: activityHoursRequest,
      handle: (input, ctx) => previewHours(ctx, input),
    }),
    close: action({ access: 'signed_in', input: activityHoursRequest, handle: (input, ctx) => closeHours(ctx, input) }),
    review: action({
      access: 'signed_in',
      input: activityHoursRequest,
      handle: (input, ctx) => reviewHours(ctx, input),
    }),
    settings: action({
      access: 'signed_in',
      input: hoursSettingsRequest,
      handle: (input, ctx) => changeHoursSettings(ctx, input),
    }),
    adjust: action({ access: 'signed_in', input: adjustRequest, handle: (input, ctx) => adjustEntry(ctx, input) }),
    decline: action({ access: 'signed_in', input: declineRequest, handle: (input, ctx) => declineHours(ctx, input) }),
    makeup: action({ access: 'signed_in', input: makeupRequest, handle: (input, ctx) => makeupHours(ctx, input) }),
    evidenceUploads: action({
      access: 'signed_in',
      input: evidenceUploadsRequest,
      handle: (input, ctx) => evidenceUploads(ctx, input),
    }),
    evidencePhotos: action({
      access: 'signed_in',
      input: evidencePhotosRequest,
      handle: (input, ctx) => evidencePhotos(ctx, input),
    }),
    confirm: action({ access: 'signed_in', input: confirmRequest, handle: (input, ctx) => confirmHours(ctx, input) }),
    history: action({ access: 'signed_in', input: historyRequest, handle: (input, ctx) => entryHistory(ctx, input) }),
    notice: action({
      access: 'signed_in',
      input: activityHoursRequest,
      handle: (input, ctx) => hoursNotice(ctx, input),
    }),
    mine: action({ access: 'signed_in', input: nothing, handle: (_input, ctx) => myHours(ctx) }),
    certificate: action({
      access: 'signed_in',
      input: certificateRequest,
      handle: (input, ctx) => issueCertificate(ctx, input),
    }),
    verify: action({ access: 'public', input: verifyRequest, handle: (input, ctx) => verifyCertificate(ctx, input) }),
    report: action({ access: 'signed_in', input: reportRequest, handle: (input, ctx) => hoursReport(ctx, input) }),
    exportSheet: action({
      access: 'signed_in',
      input: reportRequest,
      handle: (input, ctx) => exportHoursSheet(ctx, input),
    }),
    sweep: action({ access: 'timer', input: nothing, handle: (_input, ctx) => sweepHours(ctx) }),
  },
  hoursFailures,
)

export const main = createFunction<HoursActions>('hours', actions)
