/** Cloud function `activity`: browse the published activities of a district. */
import { activityGetRequest, activityListRequest, categoryListRequest, type ActivityActions } from '@api/activity'
import { homeDistrictId } from '../../../server/config'
import { decodeCursor, encodeCursor } from '../../../server/domain/cursor'
import { invalidInput, notFound } from '../../../server/runtime/errors'
import { action, createFunction, type ActionTable } from '../../../server/runtime/function'
import { getActivity, listActivities, listCategories } from '../../../server/store/activities'

export const actions: ActionTable<ActivityActions> = {
  list: action({
    access: 'public',
    input: activityListRequest.default({ status: 'active', limit: 20 }),
    async handle(input, { db, now }) {
      const after = input.cursor ? decodeCursor(input.cursor) : undefined
      if (after === null) throw invalidInput('分页参数无效，请刷新后重试', { cursor: '格式不正确' })
      const page = await listActivities(db, {
        districtId: input.district ?? homeDistrictId(),
        status: input.status,
        category: input.category,
        after,
        limit: input.limit,
        now,
      })
      return { items: page.items, nextCursor: page.last ? encodeCursor(page.last) : null }
    },
  }),

  get: action({
    access: 'public',
    input: activityGetRequest,
    async handle(input, { db, now }) {
      const activity = await getActivity(db, input.id, now)
      if (!activity) throw notFound('活动')
      return activity
    },
  }),

  categories: action({
    access: 'public',
    input: categoryListRequest,
    async handle(_input, { db }) {
      return { items: await listCategories(db) }
    },
  }),
}

export const main = createFunction<ActivityActions>('activity', actions)
