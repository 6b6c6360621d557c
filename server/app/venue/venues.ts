/** Venues and their facilities: creating and editing (owner side), the public list and detail. */
import type * as z from 'zod'
import type {
  Facility,
  FacilityKind,
  FreeFacility,
  VenueDetail,
  VenueSummary,
  VenueTier,
  facilityCreateRequest,
  facilityUpdateRequest,
  venueCreateRequest,
  venueListRequest,
  venueUpdateRequest,
} from '@api/venue'
import { homeDistrictId } from '../../config'
import { shanghaiDay } from '../../domain/shanghai-time'
import { venueCan } from '../../domain/venue/access'
import { addDays, parseClock } from '../../domain/venue/calendar'
import { distanceMeters } from '../../domain/venue/distance'
import { hoursDaysFor, openThroughout } from '../../domain/venue/free-at'
import { checkHours } from '../../domain/venue/hours'
import { checkRules } from '../../domain/venue/rules'
import type { Actor } from '../../domain/policy'
import { PG, inTransaction, pgCode } from '../../store/tx'
import {
  anyAdmittedUnitIn,
  findFacility,
  findUnitBrief,
  facilitiesUnheldDuring,
  findVenue,
  hoursOfVenues,
  insertFacility,
  insertVenue,
  listFacilities,
  listVenues,
  replaceExceptions,
  replaceWeeklyHours,
  updateFacility,
  updateVenue,
  venueHours,
  type ExceptionRow,
  type FacilityRecord,
  type VenueRecord,
  type WeeklyRow,
} from '../../store/venues'
import type { Db } from '../../store/tx'
import { actorOf, requireActor } from '../actor'
import { ensureSafeText } from '../content'
import type { AppContext, SignedInContext } from '../context'
import { allow, check, refuse } from '../refusal'
import type { VenueFailure } from './failures'
import { checkImages, imageLinks } from '../images'
import { toDetail, toFacility, toSummary } from './present'

type HoursInput = { weekday: number; opens: string; closes: string }[]
type ExceptionsInput = { day: string; ranges: { opens: string; closes: string }[]; note: string }[]

const toWeekly = (hours: HoursInput): WeeklyRow[] =>
  hours.map((h) => ({ weekday: h.weekday, opens: parseClock(h.opens), closes: parseClock(h.closes) }))
const toExceptions = (exceptions: ExceptionsInput): ExceptionRow[] =>
  exceptions.map((e) => ({
    day: e.day,
    note: e.note,
    ranges: e.ranges.map((r) => ({ opens: parseClock(r.opens), closes: parseClock(r.closes) })),
  }))

function refuseDuplicate(kind: 'duplicateVenueName' | 'duplicateFacilityName') {
  return (err: unknown): never => {
    if (pgCode(err) === PG.uniqueViolation) refuse<VenueFailure>({ kind })
    throw err
  }
}

/** A venue of the home district, or NOT_FOUND. */
export async function venueOrMissing(db: Db, venueId: string, forUpdate = false): Promise<VenueRecord> {
  return (
    (await findVenue(db, homeDistrictId(), venueId, forUpdate)) ??
    refuse<VenueFailure>({ kind: 'missing', what: 'venue' })
  )
}

export async function facilityOrMissing(db: Db, facilityId: string): Promise<FacilityRecord> {
  return (
    (await findFacility(db, homeDistrictId(), facilityId)) ??
    refuse<VenueFailure>({ kind: 'missing', what: 'facility' })
  )
}

async function detailFor(ctx: AppContext, actor: Actor | null, venue: VenueRecord): Promise<VenueDetail> {
  const today = shanghaiDay(ctx.now)
  const [hours, facilities, member] = await Promise.all([
    venueHours(ctx.db, venue.districtId, venue.id, today, addDays(today, 366)),
    listFacilities(ctx.db, venue.districtId, venue.id),
    actor ? anyAdmittedUnitIn(ctx.db, venue.districtId, [...actor.unitRoles.keys()]) : Promise.resolve(false),
  ])
  return toDetail(venue, await imageLinks(ctx, venue.photos), {
    ...hours,
    facilities,
    wholeContact: venueCan.seeContact(actor, venue, member),
    canEdit: venueCan.edit(actor, venue),
    canRunBookings: venueCan.runBookings(actor, venue),
  })
}

export async function createVenue(
  ctx: SignedInContext,
  input: z.output<typeof venueCreateRequest>,
): Promise<VenueDetail> {
  const actor = await requireActor(ctx)
  const districtId = homeDistrictId()
  if (input.ownerUnitId) {
    const unit = await findUnitBrief(ctx.db, input.ownerUnitId)
    if (!unit || unit.districtId !== districtId) refuse<VenueFailure>({ kind: 'missing', what: 'unit' })
    if (unit.status !== 'admitted') refuse<VenueFailure>({ kind: 'unitNotAdmitted' })
  }
  allow<VenueFailure>(venueCan.edit(actor, { districtId, ownerUnitId: input.ownerUnitId }), { kind: 'notVenueEditor' })
  const weekly = toWeekly(input.hours)
  const exceptions = toExceptions(input.exceptions)
  check(checkHours(weekly, exceptions))
  checkImages(input.photos, { districtId, unitId: input.ownerUnitId })
  await ensureSafeText(ctx, input.name, input.intro, input.address)
  const id = await inTransaction(ctx.db, async (tx) => {
    const venueId = await insertVenue(tx, {
      districtId,
      ownerUnitId: input.ownerUnitId,
      createdBy: actor.userId,
      name: input.name,
      tier: input.tier,
      address: input.address,
      latitude: input.location?.latitude ?? null,
      longitude: input.location?.longitude ?? null,
      photos: input.photos,
      intro: input.intro,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
    }).catch(refuseDuplicate('duplicateVenueName'))
    await replaceWeeklyHours(tx, districtId, venueId, weekly)
    await replaceExceptions(tx, districtId, venueId, exceptions)
    return venueId
  })
  return detailFor(ctx, actor, await venueOrMissing(ctx.db, id))
}

export async function editVenue(
  ctx: SignedInContext,
  input: z.output<typeof venueUpdateRequest>,
): Promise<VenueDetail> {
  const actor = await requireActor(ctx)
  const weekly = input.hours && toWeekly(input.hours)
  const exceptions = input.exceptions && toExceptions(input.exceptions)
  check(checkHours(weekly ?? [], exceptions ?? []))
  const current = await venueOrMissing(ctx.db, input.venueId)
  allow<VenueFailure>(venueCan.edit(actor, current), { kind: 'notVenueEditor' })
  // Photos kept as they were need no check; new ones must be the owner's own uploads (or https).
  checkImages(
    (input.photos ?? []).filter((p) => !current.photos.includes(p)),
    { districtId: current.districtId, unitId: current.ownerUnitId },
  )
  await ensureSafeText(ctx, input.name, input.intro, input.address)
  await inTransaction(ctx.db, async (tx) => {
    const venue = await venueOrMissing(tx, input.venueId, true)
    const location =
      input.location === undefined
        ? { latitude: venue.latitude, longitude: venue.longitude }
        : { latitude: input.location?.latitude ?? null, longitude: input.location?.longitude ?? null }
    await updateVenue(tx, venue.districtId, venue.id, {
      name: input.name ?? venue.name,
      tier: input.tier ?? venue.tier,
      address: input.address ?? venue.address,
      ...location,
      photos: input.photos ?? venue.photos,
      intro: input.intro ?? venue.intro,
      contactName: input.contactName ?? venue.contactName,
      contactPhone: input.contactPhone ?? venue.contactPhone,
    }).catch(refuseDuplicate('duplicateVenueName'))
    if (weekly) await replaceWeeklyHours(tx, venue.districtId, venue.id, weekly)
    // Past closures stay: they are what past months' opening hours (and so their usage) were counted from.
    if (exceptions) await replaceExceptions(tx, venue.districtId, venue.id, exceptions, shanghaiDay(ctx.now))
  })
  return detailFor(ctx, actor, await venueOrMissing(ctx.db, input.venueId))
}

export async function createFacility(
  ctx: SignedInContext,
  input: z.output<typeof facilityCreateRequest>,
): Promise<Facility> {
  const actor = await requireActor(ctx)
  const venue = await venueOrMissing(ctx.db, input.venueId)
  allow<VenueFailure>(venueCan.edit(actor, venue), { kind: 'notVenueEditor' })
  const { venueId: _venueId, ...fields } = input
  check(checkRules(fields))
  await ensureSafeText(ctx, input.name)
  return toFacility(
    await insertFacility(ctx.db, venue.districtId, venue.id, fields).catch(refuseDuplicate('duplicateFacilityName')),
  )
}

export async function editFacility(
  ctx: SignedInContext,
  input: z.output<typeof facilityUpdateRequest>,
): Promise<Facility> {
  const actor = await requireActor(ctx)
  const facility = await facilityOrMissing(ctx.db, input.facilityId)
  const venue = await venueOrMissing(ctx.db, facility.venueId)
  allow<VenueFailure>(venueCan.edit(actor, venue), { kind: 'notVenueEditor' })
  const { facilityId: _facilityId, ...changes } = input
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined))
  const { districtId: _d, id: _id, venueId: _v, ...current } = facility
  const next = { ...current, ...defined }
  check(checkRules(next))
  await ensureSafeText(ctx, input.name)
  return toFacility(
    await updateFacility(ctx.db, facility.districtId, facility.id, next).catch(
      refuseDuplicate('duplicateFacilityName'),
    ),
  )
}

/** The district's venues for anyone: by distance from `near` (附近) or by name; filtered by facility kind and tier. */
export async function venueList(
  ctx: AppContext,
  input: z.output<typeof venueListRequest>,
): Promise<{ items: VenueSummary[] }> {
  const districtId = homeDistrictId()
  const venues: { venue: VenueRecord; free?: FreeFacility[] }[] = input.freeAt
    ? await venuesFreeAt(ctx.db, districtId, input.facilityKind ?? null, input.tier, input.freeAt)
    : (await listVenues(ctx.db, districtId, { tier: input.tier, facilityKind: input.facilityKind })).map((venue) => ({
        venue,
      }))
  const near = input.near
  // The free facilities only when asked: without freeAt the summary is what it always was.
  // The list shows each venue's first photo only: one batch of links for the page.
  const links = await imageLinks(
    ctx,
    venues.map((v) => v.venue.photos[0]),
  )
  const summary = ({ venue, free }: (typeof venues)[number], distance: number | null): VenueSummary =>
    free ? { ...toSummary(venue, links, distance), freeFacilities: free } : toSummary(venue, links, distance)
  if (!near) return { items: venues.map((v) => summary(v, null)) }
  const withDistance = venues.map((v) =>
    summary(
      v,
      v.venue.latitude !== null && v.venue.longitude !== null
        ? distanceMeters(near, { latitude: v.venue.latitude, longitude: v.venue.longitude })
        : null,
    ),
  )
  // Venues without coordinates go last.
  withDistance.sort((a, b) => (a.distanceMeters ?? Infinity) - (b.distanceMeters ?? Infinity))
  return { items: withDistance }
}

/**
 * The venues with at least one facility (of the kind) free for the whole range: not held by a
 * booking or block (the store, one statement) and the venue open throughout (the domain).
 */
async function venuesFreeAt(
  db: Db,
  districtId: string,
  kind: FacilityKind | null,
  tier: VenueTier | undefined,
  range: { startAt: string; endAt: string },
): Promise<{ venue: VenueRecord; free: FreeFacility[] }[]> {
  const start = new Date(range.startAt)
  const end = new Date(range.endAt)
  const [venues, unheld] = await Promise.all([
    listVenues(db, districtId, { tier, facilityKind: kind ?? undefined }),
    facilitiesUnheldDuring(db, districtId, start, end, kind),
  ])
  const byVenue = new Map<string, FreeFacility[]>()
  for (const f of unheld) {
    const list = byVenue.get(f.venueId) ?? []
    list.push({ id: f.id, kind: f.kind, name: f.name })
    byVenue.set(f.venueId, list)
  }
  const candidates = venues.filter((v) => byVenue.has(v.id))
  if (candidates.length === 0) return []
  const { fromDay, toDay } = hoursDaysFor(start, end)
  const hours = await hoursOfVenues(
    db,
    districtId,
    candidates.map((v) => v.id),
    fromDay,
    toDay,
  )
  return candidates
    .filter((v) => {
      const h = hours.get(v.id)
      return h !== undefined && openThroughout(h.weekly, h.exceptions, start, end)
    })
    .map((v) => ({ venue: v, free: byVenue.get(v.id) ?? [] }))
}

export async function venueDetail(ctx: AppContext, venueId: string): Promise<VenueDetail> {
  const actor = await actorOf(ctx)
  return detailFor(ctx, actor, await venueOrMissing(ctx.db, venueId))
}
