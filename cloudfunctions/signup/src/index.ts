/**
 * Cloud function `signup`: the sign-up engine's actions. Each action is its schema, who may call
 * it, and one call into its use case in server/app/signup; refusals are answered from ./failures.
 */
import {
  attendanceRequest,
  avatarUploadRequest,
  decideRequest,
  drawRequest,
  exportRosterRequest,
  moveQuotaRequest,
  myListRequest,
  noticeListRequest,
  pickRequest,
  profileUpdateRequest,
  registrationIdRequest,
  rosterRequest,
  sendNoticeRequest,
  settingsUpdateRequest,
  signupRequest,
  type SignupActions,
} from '@api/signup'
import * as z from 'zod'
import { noticeList, sendNotice, subscribeNotices } from '../../../server/app/signup/activity-notice'
import { recordAttendance } from '../../../server/app/signup/attendance'
import { acceptOffer, cancel, declineOffer } from '../../../server/app/signup/cancel'
import { decide, moveQuota, promote } from '../../../server/app/signup/decide'
import { draw, pick } from '../../../server/app/signup/draw'
import { myList, myRegistration } from '../../../server/app/signup/mine'
import { avatarUpload, myProfile, updateProfile } from '../../../server/app/signup/profile'
import { exportRoster, roster } from '../../../server/app/signup/roster'
import { summary, updateSettings } from '../../../server/app/signup/settings'
import { signUp } from '../../../server/app/signup/sign-up'
import { sweep } from '../../../server/app/signup/sweep'
import type { SignupFailure } from '../../../server/domain/signup/failures'
import { action, createFunction, withFailures } from '../../../server/runtime/function'
import { signupFailures } from './failures'

export const actions = withFailures<SignupActions, SignupFailure>(
  {
    summary: action({
      access: 'public',
      input: z.strictObject({ activityId: z.uuid() }),
      handle: (input, ctx) => summary(ctx, input.activityId),
    }),
    settings: action({
      access: 'signed_in',
      input: settingsUpdateRequest,
      handle: (input, ctx) => updateSettings(ctx, input),
    }),
    signup: action({ access: 'signed_in', input: signupRequest, handle: (input, ctx) => signUp(ctx, input) }),
    cancel: action({
      access: 'signed_in',
      input: registrationIdRequest,
      handle: (input, ctx) => cancel(ctx, input.registrationId),
    }),
    acceptOffer: action({
      access: 'signed_in',
      input: registrationIdRequest,
      handle: (input, ctx) => acceptOffer(ctx, input.registrationId),
    }),
    declineOffer: action({
      access: 'signed_in',
      input: registrationIdRequest,
      handle: (input, ctx) => declineOffer(ctx, input.registrationId),
    }),
    mine: action({
      access: 'signed_in',
      input: z.strictObject({ activityId: z.uuid() }),
      handle: (input, ctx) => myRegistration(ctx, input.activityId),
    }),
    myList: action({
      access: 'signed_in',
      input: myListRequest.default({ tab: 'upcoming' }),
      handle: (input, ctx) => myList(ctx, input),
    }),
    profile: action({
      access: 'signed_in',
      input: z.strictObject({}).optional(),
      handle: (_input, ctx) => myProfile(ctx),
    }),
    updateProfile: action({
      access: 'signed_in',
      input: profileUpdateRequest,
      handle: (input, ctx) => updateProfile(ctx, input),
    }),
    avatarUpload: action({
      access: 'signed_in',
      input: avatarUploadRequest,
      handle: (input, ctx) => avatarUpload(ctx, input),
    }),
    roster: action({ access: 'signed_in', input: rosterRequest, handle: (input, ctx) => roster(ctx, input) }),
    decide: action({ access: 'signed_in', input: decideRequest, handle: (input, ctx) => decide(ctx, input) }),
    moveQuota: action({ access: 'signed_in', input: moveQuotaRequest, handle: (input, ctx) => moveQuota(ctx, input) }),
    promote: action({
      access: 'signed_in',
      input: registrationIdRequest,
      handle: (input, ctx) => promote(ctx, input.registrationId),
    }),
    draw: action({ access: 'signed_in', input: drawRequest, handle: (input, ctx) => draw(ctx, input) }),
    pick: action({ access: 'signed_in', input: pickRequest, handle: (input, ctx) => pick(ctx, input) }),
    attendance: action({
      access: 'signed_in',
      input: attendanceRequest,
      handle: (input, ctx) => recordAttendance(ctx, input),
    }),
    exportRoster: action({
      access: 'signed_in',
      input: exportRosterRequest,
      handle: (input, ctx) => exportRoster(ctx, input),
    }),
    sendNotice: action({
      access: 'signed_in',
      input: sendNoticeRequest,
      handle: (input, ctx) => sendNotice(ctx, input),
    }),
    notices: action({ access: 'signed_in', input: noticeListRequest, handle: (input, ctx) => noticeList(ctx, input) }),
    subscribeNotices: action({
      access: 'signed_in',
      input: noticeListRequest,
      handle: (input, ctx) => subscribeNotices(ctx, input),
    }),
    sweep: action({ access: 'timer', input: z.strictObject({}).optional(), handle: (_input, ctx) => sweep(ctx) }),
  },
  signupFailures,
)

export const main = createFunction<SignupActions>('signup', actions)
