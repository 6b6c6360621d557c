/**
 * The API shapes of an event: a browse card, the public detail, the organiser's view. Covers and the
 * seat holders' avatars are shown through links (`coverLinks` first, one batch for a whole list).
 */
import type { ActivityCard, ActivityDetail, ManagedActivity } from '@api/activity'
import { activityPhase, seatsLeft } from '../../domain/activity-phase'
import type { ActivityRecord } from '../../store/activities'
import type { AppContext } from '../context'
import { imageLinks, shownImage, type ImageLinks } from '../images'

/** The display links of these events' covers and shown avatars, in one batch. */
export const coverLinks = (ctx: Pick<AppContext, 'platform' | 'now'>, records: ActivityRecord[]): Promise<ImageLinks> =>
  imageLinks(
    ctx,
    records.flatMap((a) => [a.coverUrl, ...a.avatars]),
  )

export function toCard(a: ActivityRecord, now: Date, links: ImageLinks): ActivityCard {
  return {
    id: a.id,
    title: a.title,
    category: { code: a.category, name: a.categoryName, awardsServiceHours: a.awardsServiceHours },
    unit: { id: a.unitId, name: a.unitName },
    startAt: a.startAt.toISOString(),
    endAt: a.endAt.toISOString(),
    placeName: a.placeName,
    capacity: a.capacity,
    seatsLeft: seatsLeft(a.capacity, a.seatsTaken),
    signedUp: a.seatsTaken,
    // Only avatars that got a link: a file gone from storage shows as a neutral circle.
    avatars: a.avatars.flatMap((ref) => shownImage(links, ref) ?? []),
    phase: activityPhase(a, now),
    coverUrl: shownImage(links, a.coverUrl),
    distanceMeters: a.distanceMeters,
  }
}

export function toDetail(a: ActivityRecord, now: Date, links: ImageLinks): ActivityDetail {
  return {
    ...toCard(a, now, links),
    description: a.description,
    placeAddress: a.placeAddress,
    location: a.location,
    signupOpensAt: a.signupOpensAt.toISOString(),
    signupClosesAt: a.signupClosesAt.toISOString(),
    contact: a.contact,
    recordsServiceHours: a.recordsServiceHours,
    planLine: a.planLine,
  }
}

export function toManaged(a: ActivityRecord, now: Date, links: ImageLinks): ManagedActivity {
  return {
    ...toDetail(a, now, links),
    coverSource: a.coverUrl,
    state: a.state,
    seatsTaken: a.seatsTaken,
    cancelReason: a.cancelReason,
    publishedAt: a.publishedAt ? a.publishedAt.toISOString() : null,
    updatedAt: a.updatedAt.toISOString(),
  }
}
