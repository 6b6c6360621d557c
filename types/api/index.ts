/** Every cloud function and its actions: the one contract shared by pages and functions. */
import type { ActivityActions } from './activity'
import type { CheckinActions } from './checkin'
import type { HoursActions } from './hours'
import type { OrgActions } from './org'
import type { PlanActions } from './plan'
import type { RatingActions } from './rating'
import type { SessionActions } from './session'
import type { SignupActions } from './signup'
import type { VenueActions } from './venue'
import type { SurveyActions } from './survey'
import type { WishActions } from './wish'
import type { HonourActions } from './honour'
import type { ScoreActions } from './score'
import type { RecordActions } from './record'
import type { StarActions } from './star'

export interface CloudFunctions {
  activity: ActivityActions
  session: SessionActions
  org: OrgActions
  plan: PlanActions
  signup: SignupActions
  checkin: CheckinActions
  hours: HoursActions
  venue: VenueActions
  rating: RatingActions
  survey: SurveyActions
  wish: WishActions
  honour: HonourActions
  score: ScoreActions
  record: RecordActions
  star: StarActions
}

export type FunctionName = keyof CloudFunctions
export type ActionName<F extends FunctionName> = keyof CloudFunctions[F] & string
export type RequestOf<F extends FunctionName, A extends ActionName<F>> = CloudFunctions[F][A] extends {
  request: infer R
}
  ? R
  : never
export type ResponseOf<F extends FunctionName, A extends ActionName<F>> = CloudFunctions[F][A] extends {
  response: infer R
}
  ? R
  : never
