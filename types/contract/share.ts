/**
 * Sharing an activity: the page a share card or a poster's mini-program code opens, and the code's
 * `scene`. WeChat allows at most 32 characters of scene, so an activity's scene is its id without
 * the dashes (32 hex digits); the activity page reads it back from its `scene` query.
 */

/** The page every share of an activity opens. */
export const ACTIVITY_PAGE = 'pages/activity/index'

/** WeChat's limit on a mini-program code's scene (wxacode.getUnlimited). */
export const SCENE_MAX_LENGTH = 32

const UUID = /^([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})$/i

/** An activity's scene: its id without dashes, lower case. */
export function activityScene(activityId: string): string {
  const m = UUID.exec(activityId)
  if (!m) throw new Error('an activity id is a uuid')
  return m.slice(1).join('').toLowerCase()
}

/**
 * The activity id a scene names, or null. The page gets the scene as WeChat hands it to onLoad
 * (URL-encoded); a scene with dashes, or in upper case, reads the same.
 */
export function activityOfScene(scene: string | null | undefined): string | null {
  if (!scene) return null
  let raw = scene
  try {
    raw = decodeURIComponent(scene)
  } catch {
    return null
  }
  const m = UUID.exec(raw.trim())
  return m ? m.slice(1).join('-').toLowerCase() : null
}
