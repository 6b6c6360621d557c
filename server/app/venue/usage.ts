/**
 * The district's venue usage (阵地使用率): the report and its xlsx export. The district admin sees
 * every venue; the organisers of a unit see the venues their units own.
 */
import { randomBytes } from 'crypto'
import type * as z from 'zod'
import type { UsageExport, VenueUsage, usageRequest } from '@api/venue'
import { homeDistrictId } from '../../config'
import { isDistrictAdmin } from '../../domain/policy'
import { addDays } from '../../domain/venue/calendar'
import { venueCan } from '../../domain/venue/access'
import { usageMonths, usageReport } from '../../domain/venue/usage'
import { shanghaiDay } from '../../domain/shanghai-time'
import { hoursOfVenues, usageSums, usageVenues } from '../../store/venues'
import { writeVenueUsageSheet } from '../../xlsx/venue-usage-sheet'
import { requireActor } from '../actor'
import type { SignedInContext } from '../context'
import { countExport } from '../rate-limit'
import { allow, refuse } from '../refusal'
import type { VenueFailure } from './failures'
import { venueOrMissing } from './venues'

type UsageInput = z.output<typeof usageRequest>

/** Which venues the caller may see the usage of: one (checked), all (district admin) or their units'. */
async function scopeOf(ctx: SignedInContext, input: UsageInput) {
  const actor = await requireActor(ctx)
  const districtId = homeDistrictId()
  if (input.venueId) {
    const venue = await venueOrMissing(ctx.db, input.venueId)
    allow<VenueFailure>(venueCan.runBookings(actor, venue), { kind: 'notUsageViewer' })
    return { districtId, venueId: venue.id, ownerUnitIds: null }
  }
  if (isDistrictAdmin(actor, districtId)) return { districtId, venueId: null, ownerUnitIds: null }
  const units = [...actor.unitRoles.keys()]
  if (units.length === 0) refuse<VenueFailure>({ kind: 'notUsageViewer' })
  return { districtId, venueId: null, ownerUnitIds: units }
}

/** The venues in the caller's scope; organisers of units that own no venue have nothing to see. */
async function venuesFor(ctx: SignedInContext, input: UsageInput) {
  const scope = await scopeOf(ctx, input)
  const venues = await usageVenues(ctx.db, scope.districtId, scope)
  if (venues.length === 0 && scope.ownerUnitIds) refuse<VenueFailure>({ kind: 'notUsageViewer' })
  return { districtId: scope.districtId, venues }
}

async function report(
  ctx: SignedInContext,
  input: UsageInput,
  { districtId, venues }: Awaited<ReturnType<typeof venuesFor>>,
): Promise<VenueUsage> {
  const scope = { districtId }
  const months = usageMonths(input.year, input.month)
  const ids = venues.map((v) => v.id)
  const first = shanghaiDay(months[0].start)
  const last = addDays(shanghaiDay(months[months.length - 1].end), -1)
  const [hours, sums] = await Promise.all([
    hoursOfVenues(ctx.db, scope.districtId, ids, first, last),
    usageSums(ctx.db, scope.districtId, ids, months),
  ])
  const usage = usageReport(
    months,
    venues.map((v) => ({
      venueId: v.id,
      venueName: v.name,
      ownerUnitId: v.ownerUnitId,
      ownerName: v.ownerName,
      facilities: v.facilities,
      weekly: hours.get(v.id)?.weekly ?? [],
      exceptions: hours.get(v.id)?.exceptions ?? [],
    })),
    sums,
  )
  return { year: input.year, month: input.month ?? null, ...usage }
}

export async function venueUsage(ctx: SignedInContext, input: UsageInput): Promise<VenueUsage> {
  return report(ctx, input, await venuesFor(ctx, input))
}

/** The same report as a workbook, stored privately, reached by a 10-minute link; counted as an export. */
export async function exportVenueUsage(ctx: SignedInContext, input: UsageInput): Promise<UsageExport> {
  const venues = await venuesFor(ctx, input)
  await countExport(ctx)
  const usage = await report(ctx, input, venues)
  const content = await writeVenueUsageSheet(usage)
  const label = input.month ? `${input.year}-${String(input.month).padStart(2, '0')}` : String(input.year)
  const stamp = ctx.now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14)
  const { fileId } = await ctx.platform.uploadFile(
    `exports/venues/${homeDistrictId()}/usage-${label}-${stamp}-${randomBytes(16).toString('base64url')}.xlsx`,
    content,
  )
  const url = await ctx.platform.fileLink(fileId, ctx.now)
  return { fileName: `阵地使用情况-${label}.xlsx`, fileId, url }
}
