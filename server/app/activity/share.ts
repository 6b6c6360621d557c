/**
 * The mini-program code on an activity's 朋友圈 poster: anyone may ask for the code of a published
 * activity. The code (scene = the activity id without dashes, opening the activity page) is made
 * with WeChat once per activity, stored, and its file id kept; later posters get a display link to
 * the stored file (links are reused within an instance while fresh), so asking again costs one
 * indexed read and no call to WeChat.
 */
import { randomBytes } from 'crypto'
import type { ActivityPosterCode } from '@api/activity'
import { ACTIVITY_PAGE, activityScene } from '@contract/share'
import { findActivity } from '../../store/activities'
import { saveShareCodeFile, shareCodeFile, type ShareCodeKey } from '../../store/share-codes'
import type { AppContext } from '../context'
import { imageLinks, shownImage } from '../images'
import { found } from '../refusal'

export async function posterCode(ctx: AppContext, id: string): Promise<ActivityPosterCode> {
  const a = found(await findActivity(ctx.db, id).then((e) => (e?.state === 'published' ? e : null)), 'activity')
  const key: ShareCodeKey = { districtId: a.districtId, activityId: a.id }
  const scene = activityScene(a.id)
  const stored = await shareCodeFile(ctx.db, key)
  let codeUrl = stored ? shownImage(await imageLinks(ctx, [stored]), stored) : null
  if (!codeUrl) {
    // First poster of this activity (or its stored code is gone): make the code and keep it.
    const png = await ctx.platform.miniProgramCode(scene, ACTIVITY_PAGE)
    const cloudPath = `codes/${a.districtId}/${scene}-${randomBytes(16).toString('hex')}.png`
    const { fileId } = await ctx.platform.uploadFile(cloudPath, png)
    await saveShareCodeFile(ctx.db, key, fileId, ctx.now)
    codeUrl = await ctx.platform.fileLink(fileId, ctx.now)
  }
  return { activityId: a.id, scene, page: ACTIVITY_PAGE, codeUrl }
}
