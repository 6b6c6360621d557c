/**
 * Every cloud function by name → its `main(event, context)`: the same entries that
 * `npm run build:cloud` bundles for CloudBase. Used by the local host and the tests.
 */
import { main as activity } from '../cloudfunctions/activity/src'
import { main as checkin } from '../cloudfunctions/checkin/src'
import { main as hours } from '../cloudfunctions/hours/src'
import type { FunctionMain } from '../server/runtime/function'
import { main as org } from '../cloudfunctions/org/src'
import { main as plan } from '../cloudfunctions/plan/src'
import { main as rating } from '../cloudfunctions/rating/src'
import { main as score } from '../cloudfunctions/score/src'
import { main as session } from '../cloudfunctions/session/src'
import { main as signup } from '../cloudfunctions/signup/src'
import { main as venue } from '../cloudfunctions/venue/src'
import { main as survey } from '../cloudfunctions/survey/src'
import { main as wish } from '../cloudfunctions/wish/src'
import { main as honour } from '../cloudfunctions/honour/src'
import { main as record } from '../cloudfunctions/record/src'
import { main as star } from '../cloudfunctions/star/src'

export const functions: Record<string, FunctionMain> = {
  activity,
  checkin,
  hours,
  session,
  org,
  plan,
  signup,
  venue,
  rating,
  score,
  survey,
  wish,
  honour,
  record,
  star,
}
