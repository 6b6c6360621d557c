/** Browsing published activities: anyone may list, open and filter them. */
import type * as z from 'zod'
import type { ActivityDetail, ActivityListResponse, Category, activityListRequest } from '@api/activity'
import { homeDistrictId } from '../../config'
import { encodeCursor } from '../../domain/cursor'
import { shanghaiMonthRange } from '../../domain/shanghai-time'
import { findActivity, listActivities, listCategories } from '../../store/activities'
import type { AppContext } from '../context'
import { found } from '../refusal'
import { coverLinks, toCard, toDetail } from './present'
import { cursorOrRefuse } from './shared'

export async function listPublished(
  ctx: AppContext,
  input: z.output<typeof activityListRequest>,
): Promise<ActivityListResponse> {
  const range = input.month ? shanghaiMonthRange(input.month.year, input.month.month) : undefined
  const page = await listActivities(ctx.db, {
    districtId: input.district ?? homeDistrictId(),
    status: input.status,
    category: input.category,
    unitId: input.unitId,
    startsWithin: range ? { from: range.start, to: range.end } : undefined,
    keyword: input.keyword,
    after: cursorOrRefuse(input.cursor),
    limit: input.limit,
    now: ctx.now,
  })
  const links = await coverLinks(ctx, page.rows)
  return {
    items: page.rows.map((a) => toCard(a, ctx.now, links)),
    nextCursor: page.last ? encodeCursor(page.last) : null,
  }
}

/** A published (or finished, or cancelled) event; drafts do not exist for browsers. */
export async function getPublished(ctx: AppContext, id: string): Promise<ActivityDetail> {
  const activity = found(await findActivity(ctx.db, id).then((a) => (a?.state === 'draft' ? null : a)), 'activity')
  return toDetail(activity, ctx.now, await coverLinks(ctx, [activity]))
}

export async function categories(ctx: AppContext): Promise<{ items: Category[] }> {
  return { items: await listCategories(ctx.db) }
}
