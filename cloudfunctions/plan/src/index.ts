/** Cloud function `plan`: the district's annual activity list (年度活动清单) and its completion. */
import {
  completionRequest,
  lineCreateRequest,
  lineRemoveRequest,
  lineUpdateRequest,
  planExportRequest,
  planGetRequest,
  planImportRequest,
  planPublishRequest,
  type PlanActions,
} from '@api/plan'
import type { PlanFailure } from '../../../server/app/plan/failures'
import { addLine, publishPlan, removeLine, updateLine } from '../../../server/app/plan/lines'
import { completion, getPlan } from '../../../server/app/plan/read'
import { exportPlan, importPlan } from '../../../server/app/plan/sheet'
import { action, createFunction, withFailures } from '../../../server/runtime/function'
import { planFailures } from './failures'

export const actions = withFailures<PlanActions, PlanFailure>(
  {
    get: action({ access: 'public', input: planGetRequest, handle: (input, ctx) => getPlan(ctx, input.year) }),
    addLine: action({ access: 'signed_in', input: lineCreateRequest, handle: (input, ctx) => addLine(ctx, input) }),
    updateLine: action({
      access: 'signed_in',
      input: lineUpdateRequest,
      handle: (input, ctx) => updateLine(ctx, input),
    }),
    removeLine: action({
      access: 'signed_in',
      input: lineRemoveRequest,
      handle: (input, ctx) => removeLine(ctx, input.lineId),
    }),
    publish: action({
      access: 'signed_in',
      input: planPublishRequest,
      handle: (input, ctx) => publishPlan(ctx, input.year),
    }),
    importXlsx: action({
      access: 'signed_in',
      input: planImportRequest,
      handle: (input, ctx) => importPlan(ctx, input),
    }),
    exportXlsx: action({
      access: 'signed_in',
      input: planExportRequest,
      handle: (input, ctx) => exportPlan(ctx, input.year),
    }),
    completion: action({
      access: 'signed_in',
      input: completionRequest,
      handle: (input, ctx) => completion(ctx, input.year),
    }),
  },
  planFailures,
)

export const main = createFunction<PlanActions>('plan', actions)
