/** The score function's answers to its use cases' failures: stable codes and Chinese messages. */
import type { ScoreFailure } from '../../../server/app/score/failures'
import { commonFailures, type FailureTable } from '../../../server/runtime/failures'

export const scoreFailures: FailureTable<ScoreFailure> = {
  ...commonFailures,
  notScoreViewer: { code: 'FORBIDDEN', message: '只有本单位的组织者或团区委可以查看单位评分' },
  notDistrictAdmin: { code: 'FORBIDDEN', message: '只有团区委可以查看排名、导出和设置权重' },
}
