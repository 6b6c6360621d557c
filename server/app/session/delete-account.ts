/**
 * 注销账号, in one transaction: the person's row is locked; every unit and district they administer
 * must keep another admin (else nothing is written); their upcoming sign-ups are cancelled through the
 * sign-up engine's seat release, so a freed seat passes to the next in line exactly as when they cancel
 * themselves; memberships go, unit applications still under review are closed, and the youth groups
 * they lead are declined (pending) or suspended (approved), a group answering to its leader; personal fields and answers are wiped and the openid replaced
 * (`pseudonymiseUser`). Approved hours and issued certificates stay, under the placeholder name.
 * Youth voice: rating comments go (stars and tags stay in the counts); survey text answers go and
 * each response's counts are moved in the same transaction (its text questions' "answered" counts
 * subtracted, its choices and scale values kept, anonymously), so the counts still equal a recount
 * of the stored responses; wishes nobody else wants and no unit claimed are withdrawn and their words
 * replaced, the others stay (their proposer shows as 已注销用户); 想参加 given stays in the counts.
 * The promoted people's notices are sent after the commit.
 */
import { DELETED_NICKNAME } from '@api/session'
import { ACTIVE_STATES } from '@contract/signup'
import { randomUUID } from 'crypto'
import { checkAdminsLeft } from '../../domain/account'
import {
  closeLedYouthGroups,
  lockAdministeredDistricts,
  lockAdministeredUnits,
  lockUser,
  otherDistrictAdmins,
  otherUnitAdmins,
  pseudonymiseUser,
  removeAllMemberships,
  responsesOf,
  retireUnsupportedWishes,
  upcomingRegistrationIds,
  withdrawPendingApplications,
} from '../../store/personal-data'
import { textAnswersOf, tallyDelta } from '../../domain/survey/answers'
import { applyTally, findResponse, findSurvey, replaceTextAnswers, updateResponse } from '../../store/surveys'
import { findRegistration, loadSignupEvent, setRegistrationState } from '../../store/signups'
import { inTransaction, type Db } from '../../store/tx'
import { ensureUser } from '../../store/users'
import type { SignedInContext } from '../context'
import { sendNotices } from '../notify'
import { check } from '../refusal'
import { REASONS, type Notice } from '../signup/notices'
import { freeSeat } from '../signup/promotion'

/** Why a deleted person's pending unit application was closed (the district admin reads it). */
export const APPLICANT_DELETED = '申请人已注销账号'
/** Why the youth groups a deleted person led were closed (the district admin reads it). */
export const LEADER_DELETED = '负责人已注销账号'
/** The title left on a deleted person's wish that nobody else wanted (its words are gone). */
export const DELETED_WISH_TITLE = '已删除的心愿'

/**
 * Takes the person's text answers out of each of their survey responses. Lock order as when answering:
 * survey (share) → the response (update) → count rows in key order; the choices stay counted.
 */
async function dropSurveyTexts(tx: Db, userId: string, now: Date): Promise<void> {
  for (const { districtId, surveyId } of await responsesOf(tx, userId)) {
    const survey = await findSurvey(tx, districtId, surveyId, 'share')
    const before = survey && (await findResponse(tx, districtId, surveyId, userId, true))
    if (!survey || !before) continue
    const texts = new Set(textAnswersOf(survey.questions, before).map((t) => t.questionId))
    if (texts.size === 0) continue
    const after = Object.fromEntries(Object.entries(before).filter(([id]) => !texts.has(id)))
    await updateResponse(tx, districtId, surveyId, userId, after, now)
    await applyTally(tx, districtId, surveyId, tallyDelta(survey.questions, before, after))
    await replaceTextAnswers(tx, districtId, surveyId, userId, [])
  }
}

export async function deleteAccount(ctx: SignedInContext): Promise<{ deleted: true }> {
  const user = await ensureUser(ctx.db, ctx.caller.openid)
  const notices = await inTransaction(ctx.db, async (tx) => {
    if ((await lockUser(tx, user.id)).deleted) return []
    const units = await lockAdministeredUnits(tx, user.id)
    const districts = await lockAdministeredDistricts(tx, user.id)
    check(
      checkAdminsLeft(
        await Promise.all(
          units.map(async (u) => ({ unitName: u.unitName, otherAdmins: await otherUnitAdmins(tx, u.unitId, user.id) })),
        ),
        await Promise.all(districts.map(async (d) => ({ otherAdmins: await otherDistrictAdmins(tx, d, user.id) }))),
      ),
    )
    const produced: Notice[] = []
    for (const { id, activityId } of await upcomingRegistrationIds(tx, user.id, ACTIVE_STATES, ctx.now)) {
      const event = (await loadSignupEvent(tx, activityId, true))!
      const reg = (await findRegistration(tx, id, true))!
      if (!ACTIVE_STATES.includes(reg.state)) continue
      produced.push(...(await freeSeat(tx, event, reg, ctx.now)))
      await setRegistrationState(tx, reg.id, 'cancelled', ctx.now, { reason: REASONS.selfCancelled })
    }
    await removeAllMemberships(tx, user.id)
    await withdrawPendingApplications(tx, user.id, APPLICANT_DELETED, ctx.now)
    await closeLedYouthGroups(tx, user.id, LEADER_DELETED, ctx.now)
    await dropSurveyTexts(tx, user.id, ctx.now)
    await retireUnsupportedWishes(tx, user.id, DELETED_WISH_TITLE)
    await pseudonymiseUser(tx, user.id, {
      newOpenid: `deleted:${randomUUID()}`,
      placeholderNickname: DELETED_NICKNAME,
      at: ctx.now,
    })
    return produced
  })
  await sendNotices(ctx, notices)
  return { deleted: true }
}
