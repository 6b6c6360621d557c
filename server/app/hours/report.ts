/** The district's sums of approved hours: the report, and the sheet for the national volunteer systems. */
import { randomBytes } from 'crypto'
import type { DistrictHoursReport, ReportRequest } from '@api/hours'
import { homeDistrictId } from '../../config'
import type { HoursFailure } from '../../domain/hours/failures'
import { isDistrictAdmin } from '../../domain/policy'
import { districtSums, exportRows } from '../../store/hours'
import { writeHoursSheet } from '../../xlsx/hours-sheet'
import { requireActor } from '../actor'
import { logRead } from '../audit/log'
import { countExport } from '../rate-limit'
import type { SignedInContext } from '../context'
import { allow } from '../refusal'

/** [first day, day after the last) of a year or one of its months. */
export function period(year: number, month?: number): [string, string] {
  if (!month) return [`${year}-01-01`, `${year + 1}-01-01`]
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`
  return [`${year}-${String(month).padStart(2, '0')}-01`, next]
}

const r1 = (n: number | null) => Math.round((n ?? 0) * 10) / 10

async function districtAdmin(ctx: SignedInContext, task: 'report' | 'export') {
  const actor = await requireActor(ctx)
  const districtId = homeDistrictId()
  allow<HoursFailure>(isDistrictAdmin(actor, districtId), { kind: 'notDistrictAdmin', task })
  return { districtId, actorId: actor.userId }
}

export async function hoursReport(ctx: SignedInContext, input: ReportRequest): Promise<DistrictHoursReport> {
  const { districtId } = await districtAdmin(ctx, 'report')
  const { total, byUnit, byMonth } = await districtSums(ctx.db, districtId, ...period(input.year, input.month))
  return {
    year: input.year,
    month: input.month ?? null,
    totalHours: r1(total.hours),
    people: total.people,
    byUnit: byUnit.map((r) => ({ ...r, hours: r1(r.hours) })),
    byMonth: byMonth.map((r) => ({ month: r.month, hours: r1(r.hours), people: r.people })),
  }
}

export async function exportHoursSheet(ctx: SignedInContext, input: ReportRequest) {
  const { districtId, actorId } = await districtAdmin(ctx, 'export')
  await countExport(ctx)
  const rows = await exportRows(ctx.db, districtId, ...period(input.year, input.month))
  const content = await writeHoursSheet(
    rows.map((r) => ({
      name: r.realName ?? '',
      nickname: r.nickname,
      idType: r.idType ?? '',
      phone: r.phone ?? '',
      activity: r.title,
      day: r.day,
      hours: r1(r.hours),
      organiser: r.unitName,
    })),
  )
  const label = input.month ? `${input.year}-${String(input.month).padStart(2, '0')}` : String(input.year)
  const fileName = `志愿服务时长-${label}.xlsx`
  const stamp = ctx.now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14)
  // Names, phones and hours: private, at an unguessable name, reached only by a short-lived link.
  const { fileId } = await ctx.platform.uploadFile(
    `exports/hours/${districtId}/${label}-${stamp}-${randomBytes(16).toString('base64url')}.xlsx`,
    content,
  )
  const url = await ctx.platform.fileLink(fileId, ctx.now)
  const people = new Set(rows.filter((r) => r.phone).map((r) => r.phone)).size
  await logRead(ctx.db, ctx, {
    actorId,
    districtId,
    kind: 'hours_export',
    year: input.year,
    month: input.month ?? null,
    people,
  })
  return { fileName, fileId, url, rows: rows.length }
}
