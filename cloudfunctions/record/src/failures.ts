/** The record function's answers to its use cases' failures: stable codes and Chinese messages. */
import type { RecordFailure } from '../../../server/app/record/failures'
import { commonFailures, type FailureTable } from '../../../server/runtime/failures'

export const recordFailures: FailureTable<RecordFailure> = {
  ...commonFailures,
  notRecordViewer: { code: 'FORBIDDEN', message: '只有本单位的组织者或团区委可以查看成员在本单位的成长档案' },
}
