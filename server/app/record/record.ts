/**
 * The growth record (成长档案): one timeline per person built from what the system already knows —
 * events attended, approved hours per event, certificates, ratings given, wishes proposed and
 * claimed, youth groups led, honours — newest first, with a summary, and the year's stars from the star
 * service. Each kind is one statement, run in parallel. Unit membership has no joined time, so it is not on
 * the timeline.
 *
 * A unit's organisers see the part that happened in their unit: its events, the hours there and the honours
 * it nominated the person for. Ratings are anonymous and never shown to them; certificates, wishes and
 * groups are the person's own.
 */
import type * as z from 'zod'
import type {
  GrowthRecord,
  RecordItem,
  RecordKind,
  RecordStars,
  RecordSummary,
  recordMineRequest,
  recordOfMemberRequest,
} from '@api/record'
import { homeDistrictId } from '../../config'
import { can } from '../../domain/policy'
import { SHANGHAI_OFFSET_MS } from '../../domain/shanghai-time'
import {
  approvedHoursByEvent,
  attendedEvents,
  certificatesOf,
  groupsLed,
  honoursOf,
  ratingsGiven,
  wishesProposed,
  type Period,
  type RecordScope,
} from '../../store/record'
import { findUnit } from '../../store/units'
import type { Db } from '../../store/tx'
import { requireActor } from '../actor'
import type { SignedInContext } from '../context'
import { allow, found } from '../refusal'
import { yearStars } from '../star/mine'

type MineInput = z.output<typeof recordMineRequest>
type OfMemberInput = z.output<typeof recordOfMemberRequest>

/** What the organisers of a unit may see of a person's record. */
const UNIT_KINDS: readonly RecordKind[] = ['activity', 'hours', 'honour']

/** The Shanghai calendar year of an instant. */
export const shanghaiYearOf = (at: Date) => new Date(at.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear()

/** [start, end) of a Shanghai calendar year, as instants. */
export function shanghaiYearPeriod(year: number): Period {
  return {
    from: new Date(Date.UTC(year, 0, 1) - SHANGHAI_OFFSET_MS),
    to: new Date(Date.UTC(year + 1, 0, 1) - SHANGHAI_OFFSET_MS),
  }
}

const r1 = (n: number) => Math.round(n * 10) / 10

const item = (
  kind: RecordKind,
  at: Date,
  title: string,
  detail: string,
  more: Partial<RecordItem> = {},
): RecordItem => ({
  kind,
  at: at.toISOString(),
  title,
  detail,
  activityId: null,
  hours: null,
  stars: null,
  ...more,
})

const inPeriod = (at: Date, period: Period | null) => !period || (at >= period.from && at < period.to)

/** Reads the asked kinds in parallel (one statement each) and lays them out newest first. */
async function timeline(db: Db, scope: RecordScope, kinds: readonly RecordKind[]): Promise<RecordItem[]> {
  const want = new Set(kinds)
  const none = Promise.resolve([] as RecordItem[])
  const parts = await Promise.all([
    want.has('activity')
      ? attendedEvents(db, scope).then((rows) =>
          rows.map((r) => item('activity', r.endAt, r.title, r.unitName, { activityId: r.activityId })),
        )
      : none,
    want.has('hours')
      ? approvedHoursByEvent(db, scope).then((rows) =>
          rows.map((r) => item('hours', r.at, r.title, r.unitName, { activityId: r.activityId, hours: r1(r.hours) })),
        )
      : none,
    want.has('certificate')
      ? certificatesOf(db, scope).then((rows) =>
          rows.map((r) =>
            item('certificate', r.issuedAt, '志愿服务证明', `${r.periodFrom} 至 ${r.periodTo}`, {
              hours: r1(r.totalHours),
            }),
          ),
        )
      : none,
    want.has('rating')
      ? ratingsGiven(db, scope).then((rows) =>
          rows.map((r) =>
            item('rating', r.createdAt, r.title, r.unitName, { activityId: r.activityId, stars: r.stars }),
          ),
        )
      : none,
    want.has('wish') || want.has('wishClaimed')
      ? wishesProposed(db, scope).then((rows) =>
          rows.flatMap((r) => [
            ...(want.has('wish') && inPeriod(r.createdAt, scope.period)
              ? [item('wish', r.createdAt, r.title, '')]
              : []),
            ...(want.has('wishClaimed') && r.claimedAt && inPeriod(r.claimedAt, scope.period)
              ? [item('wishClaimed', r.claimedAt, r.title, r.claimedUnitName ?? '')]
              : []),
          ]),
        )
      : none,
    want.has('youthGroup')
      ? groupsLed(db, scope).then((rows) => rows.map((r) => item('youthGroup', r.approvedAt, r.name, '')))
      : none,
    want.has('honour')
      ? honoursOf(db, scope).then((rows) =>
          rows.map((r) => item('honour', r.decidedAt, `${r.year} 年度${r.kindName}`, r.unitName)),
        )
      : none,
  ])
  return parts.flat().sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.kind.localeCompare(b.kind)))
}

export function summarise(items: readonly RecordItem[]): RecordSummary {
  const count = (kind: RecordKind) => items.filter((i) => i.kind === kind).length
  return {
    activities: count('activity'),
    hours: r1(items.filter((i) => i.kind === 'hours').reduce((sum, i) => sum + (i.hours ?? 0), 0)),
    certificates: count('certificate'),
    ratings: count('rating'),
    wishes: count('wish'),
    wishesClaimed: count('wishClaimed'),
    youthGroups: count('youthGroup'),
    honours: count('honour'),
  }
}

/** A person's stars of a year as the record shows them: how many of the published indicators are met. */
export async function starsOfYear(db: Db, districtId: string, userId: string, year: number): Promise<RecordStars> {
  const { published, indicators } = await yearStars(db, districtId, userId, year)
  const met = indicators.filter((i) => i.met)
  return { year, published, earned: met.length, of: indicators.length, met: met.map((i) => i.name) }
}

export async function myRecord(ctx: SignedInContext, input: MineInput): Promise<GrowthRecord> {
  const actor = await requireActor(ctx)
  const year = input.year ?? null
  const scope: RecordScope = {
    districtId: homeDistrictId(),
    userId: actor.userId,
    period: year === null ? null : shanghaiYearPeriod(year),
  }
  const [items, stars] = await Promise.all([
    timeline(ctx.db, scope, input.kinds),
    starsOfYear(ctx.db, scope.districtId, actor.userId, year ?? shanghaiYearOf(ctx.now)),
  ])
  return { year, kinds: input.kinds, items, summary: summarise(items), stars }
}

export async function memberRecord(ctx: SignedInContext, input: OfMemberInput): Promise<GrowthRecord> {
  const [actor, maybeUnit] = await Promise.all([requireActor(ctx), findUnit(ctx.db, input.unitId)])
  const unit = found(maybeUnit, 'unit')
  allow(can.manageEvents(actor, unit), { kind: 'notRecordViewer' })
  const year = input.year ?? null
  const scope: RecordScope = {
    districtId: unit.districtId,
    userId: input.userId,
    period: year === null ? null : shanghaiYearPeriod(year),
    unitId: unit.id,
  }
  const items = await timeline(ctx.db, scope, UNIT_KINDS)
  return { year, kinds: [...UNIT_KINDS], items, summary: summarise(items), stars: null }
}
