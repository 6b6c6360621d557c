/**
 * Cloud function `record`: a person's growth record (成长档案), the part a unit's organisers see, and the
 * summary 我的 leads with.
 */
import { recordMineRequest, recordOfMemberRequest, recordSummaryRequest, type RecordActions } from '@api/record'
import type { RecordFailure } from '../../../server/app/record/failures'
import { memberRecord, myRecord } from '../../../server/app/record/record'
import { mySummary } from '../../../server/app/record/summary'
import { action, createFunction, withFailures } from '../../../server/runtime/function'
import { recordFailures } from './failures'

export const actions = withFailures<RecordActions, RecordFailure>(
  {
    mine: action({ access: 'signed_in', input: recordMineRequest, handle: (input, ctx) => myRecord(ctx, input) }),
    ofMember: action({
      access: 'signed_in',
      input: recordOfMemberRequest,
      handle: (input, ctx) => memberRecord(ctx, input),
    }),
    summary: action({ access: 'signed_in', input: recordSummaryRequest, handle: (_input, ctx) => mySummary(ctx) }),
  },
  recordFailures,
)

export const main = createFunction<RecordActions>('record', actions)
