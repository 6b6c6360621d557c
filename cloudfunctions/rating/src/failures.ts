/** The rating function's answers to its use cases' failures: stable codes and Chinese messages. */
import type { RatingFailure } from '../../../server/app/rating/failures'
import { commonFailures, type FailureTable } from '../../../server/runtime/failures'

export const ratingFailures: FailureTable<RatingFailure> = {
  ...commonFailures,
  notAttended: { code: 'NOT_ATTENDED', message: '只有参加了活动（已签到）的人可以评价' },
  notEnded: { code: 'RATING_CLOSED', message: '活动结束后才能评价' },
  ratingClosed: { code: 'RATING_CLOSED', message: '评价已截止：活动结束 7 天内可以评价' },
  notRatingViewer: { code: 'FORBIDDEN', message: '只有活动所属单位的组织者或团区委可以查看评价' },
  notDistrictViewer: { code: 'FORBIDDEN', message: '只有团区委或本单位的组织者可以查看青年评议' },
}
