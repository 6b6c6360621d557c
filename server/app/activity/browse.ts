/** Browsing published activities: anyone may list, open and filter them. */
import type * as z from 'zod'
import type { ActivityDetail, ActivityListResponse, Category, activityListRequest } from '@api/activity'
import { homeDistrictId } from '../../config'
import { decodeDistanceCursor, encodeCursor, encodeDistanceCursor } from '../../domain/cursor'
import { shanghaiMonthRange } from '../../domain/shanghai-time'
import { findShownActivity, listActivities, listActivitiesNear, listCategories } from '../../store/activities'
import type { AppContext } from '../context'
import { found, refuse } from '../refusal'
import type { ActivityFailure } from './failures'
import { coverLinks, toCard, toDetail } from './present'
import { cursorOrRefuse } from './shared'

export async function listPublished(
  ctx: AppContext,
  input: z.output<typeof activityListRequest>,
): Promise<ActivityListResponse> {
  const range = input.month ? shanghaiMonthRange(input.month.year, input.month.month) : undefined
  const filters = {
    districtId: input.district ?? homeDistrictId(),
    status: input.status,
    category: input.category,
    unitId: input.unitId,
    startsWithin: range ? { from: range.start, to: range.end } : undefined,
    keyword: input.keyword,
    limit: input.limit,
    now: ctx.now,
  }
  let rows, nextCursor: string | null
  if (input.near) {
    const after = input.cursor
      ? (decodeDistanceCursor(input.cursor) ?? refuse<ActivityFailure>({ kind: 'badCursor' }))
      : undefined
    const page = await listActivitiesNear(ctx.db, { ...filters, near: input.near, after })
    rows = page.rows
    nextCursor = page.last ? encodeDistanceCursor(page.last) : null
  } else {
    const page = await listActivities(ctx.db, { ...filters, after: cursorOrRefuse(input.cursor) })
    rows = page.rows
    nextCursor = page.last ? encodeCursor(page.last) : null
  }
  const links = await coverLinks(ctx, rows)
  return { items: rows.map((a) => toCard(a, ctx.now, links)), nextCursor }
}

/** A published (or finished, or cancelled) event; drafts do not exist for browsers. */
export async function getPublished(ctx: AppContext, id: string): Promise<ActivityDetail> {
  const activity = found(await findShownActivity(ctx.db, id).then((a) => (a?.state === 'draft' ? null : a)), 'activity')
  return toDetail(activity, ctx.now, await coverLinks(ctx, [activity]))
}

export async function categories(ctx: AppContext): Promise<{ items: Category[] }> {
  return { items: await listCategories(ctx.db) }
}
