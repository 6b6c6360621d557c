/**
 * What people see of their hours: the public notice of an event's hours (names masked), my
 * hours, a certificate (志愿服务证明) of my approved hours in a period, and its public check.
 * Entries whose notice ended are approved before they are read.
 */
import type {
  ActivityHoursRequest,
  Certificate,
  CertificateRequest,
  HoursNotice,
  MyEventHours,
  MyHours,
  VerifyRequest,
  VerifyResult,
} from '@api/hours'
import { randomBytes } from 'crypto'
import { homeDistrictId } from '../../config'
import { certificateCode, maskName, normaliseCode } from '../../domain/hours/certificate'
import type { HoursFailure } from '../../domain/hours/failures'
import {
  approvedByActivity,
  certificateByCode,
  districtName,
  insertCertificate,
  myHoursRows,
  noticeRows,
  realNameOf,
  sameCertificate,
} from '../../store/hours'
import { PG, pgCode } from '../../store/tx'
import { ensureUser } from '../../store/users'
import type { AppContext, SignedInContext } from '../context'
import { approveNoticed } from './notice'
import { visibleEvent } from '../organiser'
import { refuse } from '../refusal'

const r1 = (n: number) => Math.round(n * 10) / 10

/** Printed on every certificate: what it is, and what it is not. */
export const CERTIFICATE_DISCLAIMER =
  '本证明依据青聚平台记录的已确认时长出具，仅供参考；志愿服务时长以全国志愿服务信息系统等官方系统认证为准。'

export async function hoursNotice(ctx: SignedInContext, input: ActivityHoursRequest): Promise<HoursNotice> {
  const e = await visibleEvent(ctx, input.activityId)
  const rows = await noticeRows(ctx.db, e.id, ctx.now)
  return {
    activityId: e.id,
    title: e.title,
    items: rows.map((r) => ({
      name: maskName(r.name),
      day: r.day,
      hours: r.hours,
      noticeUntil: r.noticeUntil.toISOString(),
    })),
  }
}

export async function myHours(ctx: SignedInContext): Promise<MyHours> {
  const user = await ensureUser(ctx.db, ctx.caller.openid)
  await approveNoticed(ctx.db, ctx.now, { userId: user.id })
  const rows = await myHoursRows(ctx.db, user.id)
  const events = new Map<string, MyEventHours>()
  for (const r of rows) {
    const ev = events.get(r.activityId) ?? {
      activityId: r.activityId,
      title: r.title,
      unitName: r.unitName,
      hours: 0,
      pendingHours: 0,
      days: [],
    }
    if (r.status === 'approved') ev.hours = r1(ev.hours + r.hours)
    if (r.status === 'pending') ev.pendingHours = r1(ev.pendingHours + r.hours)
    ev.days.push({
      day: r.day,
      hours: r.hours,
      status: r.status,
      kind: r.kind,
      noticeUntil: r.noticeUntil?.toISOString() ?? null,
    })
    events.set(r.activityId, ev)
  }
  const years = new Map<number, number>()
  for (const r of rows)
    if (r.status === 'approved')
      years.set(Number(r.day.slice(0, 4)), (years.get(Number(r.day.slice(0, 4))) ?? 0) + r.hours)
  return {
    totalHours: r1(rows.filter((r) => r.status === 'approved').reduce((sum, r) => sum + r.hours, 0)),
    byYear: [...years.entries()].sort((a, b) => b[0] - a[0]).map(([year, hours]) => ({ year, hours: r1(hours) })),
    events: [...events.values()],
  }
}

export async function issueCertificate(ctx: SignedInContext, input: CertificateRequest): Promise<Certificate> {
  const user = await ensureUser(ctx.db, ctx.caller.openid)
  const holderName = (await realNameOf(ctx.db, user.id)) ?? refuse<HoursFailure>({ kind: 'realNameMissing' })
  await approveNoticed(ctx.db, ctx.now, { userId: user.id })
  const rows = await approvedByActivity(ctx.db, user.id, input.from, input.to)
  if (!rows.length) refuse<HoursFailure>({ kind: 'noApprovedHours' })
  const activities = rows.map((r) => ({ title: r.title, unitName: r.unitName, days: r.days, hours: r1(r.hours) }))
  const totalHours = r1(activities.reduce((sum, a) => sum + a.hours, 0))
  const issuer = `青聚 · ${(await districtName(ctx.db, homeDistrictId())) ?? '团区委'}`
  const content = { userId: user.id, holderName, from: input.from, to: input.to, totalHours, activities }
  // Issuing the same period again, with nothing changed, gives back the same certificate.
  const same = await sameCertificate(ctx.db, content)
  let code = same?.code ?? ''
  const issuedAt = same?.issuedAt ?? ctx.now
  for (let attempt = 0; !code; attempt++) {
    const candidate = certificateCode(randomBytes(10))
    try {
      await insertCertificate(ctx.db, { ...content, code: candidate, issuer, issuedAt: ctx.now })
      code = candidate
    } catch (err) {
      // 50 random bits: a collision is all but impossible, but a retry costs nothing.
      if (pgCode(err) !== PG.uniqueViolation || attempt >= 2) throw err
    }
  }
  const image = await ctx.platform.miniProgramCode(code, 'packages/verify/pages/verify/index')
  return {
    code,
    holderName,
    from: input.from,
    to: input.to,
    totalHours,
    activities,
    issuedAt: issuedAt.toISOString(),
    issuer,
    verifyImage: `data:image/png;base64,${image.toString('base64')}`,
    disclaimer: CERTIFICATE_DISCLAIMER,
  }
}

export async function verifyCertificate(ctx: AppContext, input: VerifyRequest): Promise<VerifyResult> {
  const code = normaliseCode(input.code)
  if (!code) return { genuine: false }
  const c = await certificateByCode(ctx.db, code)
  if (!c) return { genuine: false }
  return {
    genuine: true,
    code: c.code,
    holderName: maskName(c.holderName),
    from: c.from,
    to: c.to,
    totalHours: c.totalHours,
    activities: c.activities.map((a) => ({ title: a.title, unitName: a.unitName, hours: a.hours })),
    issuedAt: c.issuedAt.toISOString(),
    issuer: c.issuer,
  }
}
