/**
 * Cloud function `activity`: browse published activities (anyone), and post and run them
 * (organisers of the unit, or the district admin).
 */
import {
  activityCancelRequest,
  activityCreateRequest,
  activityGetRequest,
  activityIdRequest,
  activityListRequest,
  activityManageListRequest,
  activityUpdateRequest,
  categoryListRequest,
  type ActivityActions,
} from '@api/activity'
import { categories, getPublished, listPublished } from '../../../server/app/activity/browse'
import { cancelActivity, finishActivity, publishActivity } from '../../../server/app/activity/lifecycle'
import { changes, manageGet, manageList } from '../../../server/app/activity/manage'
import { createActivity, updateActivity } from '../../../server/app/activity/post'
import { posterCode } from '../../../server/app/activity/share'
import { action, createFunction, withFailures } from '../../../server/runtime/function'
import type { ActivityFailure } from '../../../server/app/activity/failures'
import { activityFailures } from './failures'

export const actions = withFailures<ActivityActions, ActivityFailure>(
  {
    list: action({
      access: 'public',
      input: activityListRequest.default({ status: 'active', limit: 20 }),
      handle: (input, ctx) => listPublished(ctx, input),
    }),
    get: action({ access: 'public', input: activityGetRequest, handle: (input, ctx) => getPublished(ctx, input.id) }),
    categories: action({ access: 'public', input: categoryListRequest, handle: (_input, ctx) => categories(ctx) }),
    create: action({
      access: 'signed_in',
      input: activityCreateRequest,
      handle: (input, ctx) => createActivity(ctx, input),
    }),
    update: action({
      access: 'signed_in',
      input: activityUpdateRequest,
      handle: (input, ctx) => updateActivity(ctx, input),
    }),
    publish: action({
      access: 'signed_in',
      input: activityIdRequest,
      handle: (input, ctx) => publishActivity(ctx, input.id),
    }),
    cancel: action({
      access: 'signed_in',
      input: activityCancelRequest,
      handle: (input, ctx) => cancelActivity(ctx, input.id, input.reason, input.releaseBookings),
    }),
    finish: action({
      access: 'signed_in',
      input: activityIdRequest,
      handle: (input, ctx) => finishActivity(ctx, input.id),
    }),
    manageGet: action({
      access: 'signed_in',
      input: activityIdRequest,
      handle: (input, ctx) => manageGet(ctx, input.id),
    }),
    manageList: action({
      access: 'signed_in',
      input: activityManageListRequest,
      handle: (input, ctx) => manageList(ctx, input),
    }),
    changes: action({ access: 'signed_in', input: activityIdRequest, handle: (input, ctx) => changes(ctx, input.id) }),
    posterCode: action({
      access: 'public',
      input: activityIdRequest,
      handle: (input, ctx) => posterCode(ctx, input.id),
    }),
  },
  activityFailures,
)

export const main = createFunction<ActivityActions>('activity', actions)
