/** Wishes as the API answers them. */
import type { WishDetail, WishEvent, WishSummary } from '@api/wish'
import { wishStage } from '../../domain/wish'
import type { WishLineEvent, WishRecord } from '../../store/wishes'

const asEvent = (e: WishLineEvent): WishEvent => ({
  id: e.id,
  title: e.title,
  startAt: e.startAt.toISOString(),
  endAt: e.endAt.toISOString(),
})

export function stageOf(w: WishRecord, now: Date) {
  const events = [
    ...(w.heldEvent ? [{ state: 'finished' as const, endAt: w.heldEvent.endAt }] : []),
    ...(w.nextEvent ? [{ state: 'published' as const, endAt: w.nextEvent.endAt }] : []),
  ]
  return wishStage(w.planLineId !== null, events, now)
}

export function toSummary(w: WishRecord, now: Date): WishSummary {
  return {
    id: w.id,
    title: w.title,
    category: w.category,
    categoryName: w.categoryName,
    body: w.body,
    months: w.months,
    supporters: w.supporters,
    stage: stageOf(w, now),
    createdAt: w.createdAt.toISOString(),
    claimedBy: w.claimedUnitId && w.claimedUnitName ? { unitId: w.claimedUnitId, unitName: w.claimedUnitName } : null,
  }
}

export function toDetail(
  w: WishRecord,
  now: Date,
  threshold: number,
  mine: WishDetail['mine'],
  showReason: boolean,
): WishDetail {
  const stage = stageOf(w, now)
  const event = stage === 'held' ? w.heldEvent : stage === 'scheduled' ? w.nextEvent : null
  return {
    ...toSummary(w, now),
    state: w.state,
    hiddenReason: showReason ? w.hiddenReason : null,
    claimedAt: w.claimedAt?.toISOString() ?? null,
    line: w.line,
    event: event ? asEvent(event) : null,
    threshold,
    mine,
  }
}
