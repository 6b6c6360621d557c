/** 我的数据: everything held about the caller, on the page and as a downloadable JSON file. */
import type { ExportMyDataRequest, MyData, SessionActions } from '@api/session'
import { randomBytes } from 'crypto'
import { personalRecord, type PersonalRecord } from '../../store/personal-data'
import { ensureUser } from '../../store/users'
import type { SignedInContext } from '../context'
import { writeMyDataSheet } from '../../xlsx/my-data-sheet'
import { countExport } from '../rate-limit'

function answersOf(s: PersonalRecord['signups'][number]): MyData['signups'][number]['answers'] {
  const label = new Map(s.questions.map((q) => [q.id, q.label]))
  return Object.entries(s.answers).map(([id, value]) => ({
    question: label.get(id) ?? id,
    answer: Array.isArray(value) ? value.join('、') : value,
  }))
}

type SurveyResponse = PersonalRecord['surveyResponses'][number]

/** A survey response's answers labelled by its questions: option labels joined, a scale value as "n 分". */
function surveyAnswersOf(r: SurveyResponse): { question: string; answer: string }[] {
  return r.questions
    .filter((q) => r.answers[q.id] !== undefined)
    .map((q) => {
      const a = r.answers[q.id]
      const label = new Map(q.options.map((o) => [o.id, o.label]))
      return {
        question: q.title,
        answer: Array.isArray(a)
          ? a.map((id) => label.get(id) ?? id).join('、')
          : typeof a === 'number'
            ? `${a} 分`
            : a,
      }
    })
}

function guardianOf(g: PersonalRecord['profile']['guardian']): MyData['profile']['guardian'] {
  return g.name && g.phone && g.consentAt
    ? { name: g.name, phone: g.phone, consentAt: g.consentAt.toISOString() }
    : null
}

function toMyData(r: PersonalRecord, now: Date): MyData {
  return {
    generatedAt: now.toISOString(),
    profile: {
      ...r.profile,
      createdAt: r.profile.createdAt.toISOString(),
      privacyAgreedAt: r.profile.privacyAgreedAt ? r.profile.privacyAgreedAt.toISOString() : null,
      phoneVerifiedAt: r.profile.phoneVerifiedAt ? r.profile.phoneVerifiedAt.toISOString() : null,
      guardian: guardianOf(r.profile.guardian),
    },
    units: r.units,
    districtAdmin: r.districtAdmin,
    applications: r.applications.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
    signups: r.signups.map((s) => ({
      activityId: s.activityId,
      title: s.title,
      startAt: s.startAt.toISOString(),
      state: s.state,
      createdAt: s.createdAt.toISOString(),
      answers: answersOf(s),
    })),
    scans: r.scans.map((s) => ({ ...s, scannedAt: s.scannedAt.toISOString() })),
    hours: r.hours,
    certificates: r.certificates.map((c) => ({ ...c, issuedAt: c.issuedAt.toISOString() })),
    youthGroups: r.youthGroups.map((g) => ({ ...g, createdAt: g.createdAt.toISOString() })),
    ratings: r.ratings.map((x) => ({
      activityId: x.activityId,
      title: x.title,
      stars: x.stars,
      tags: x.tags,
      comment: x.comment,
      ratedAt: x.updatedAt.toISOString(),
    })),
    surveyResponses: r.surveyResponses.map((x) => ({
      surveyId: x.surveyId,
      title: x.title,
      ownerUnitName: x.ownerUnitName,
      status: x.status,
      answeredAt: x.updatedAt.toISOString(),
      answers: surveyAnswersOf(x),
    })),
    wishes: r.wishes.map((x) => ({ ...x, createdAt: x.createdAt.toISOString() })),
    wishSupports: r.wishSupports.map((x) => ({ ...x, createdAt: x.createdAt.toISOString() })),
  }
}

export async function myData(ctx: SignedInContext): Promise<MyData> {
  const user = await ensureUser(ctx.db, ctx.caller.openid)
  return toMyData(await personalRecord(ctx.db, user.id), ctx.now)
}

/**
 * The same record as a JSON file (or an Excel workbook, one sheet per group): stored private, at an
 * unguessable name, reached by a short-lived link.
 */
export async function exportMyData(
  ctx: SignedInContext,
  input: ExportMyDataRequest = {},
): Promise<SessionActions['exportMyData']['response']> {
  // Counted with every other export (RATE_LIMITED past 20 an hour): each call writes a file.
  await countExport(ctx)
  const data = await myData(ctx)
  const ext = input?.format === 'xlsx' ? 'xlsx' : 'json'
  const content = ext === 'xlsx' ? await writeMyDataSheet(data) : Buffer.from(JSON.stringify(data, null, 2), 'utf8')
  const { fileId } = await ctx.platform.uploadFile(
    `exports/my-data/${randomBytes(16).toString('base64url')}.${ext}`,
    content,
  )
  const url = await ctx.platform.fileLink(fileId, ctx.now)
  return { fileName: `青聚-我的数据.${ext}`, fileId, url }
}
