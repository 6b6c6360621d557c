/** The plan function's answers to its use cases' failures: today's codes and Chinese messages. */
import type { PlanFailure } from '../../../server/app/plan/failures'
import { commonFailures, type FailureTable } from '../../../server/runtime/failures'
import type { SheetProblem } from '../../../server/xlsx/plan-sheet'

const NOT_PLAN_EDITOR = {
  edit: '只有团区委管理员可以编辑年度活动清单',
  viewCompletion: '只有团区委管理员可以查看完成情况',
} as const

function sheetMessage(problem: SheetProblem): string {
  switch (problem.kind) {
    case 'unreadable':
      return '无法读取该文件，请上传 .xlsx 格式的 Excel 表格'
    case 'noWorksheet':
      return '表格中没有工作表'
    case 'missingHeaders':
      return `表头缺少：${problem.headers.join('、')}`
  }
}

export const planFailures: FailureTable<PlanFailure> = {
  ...commonFailures,
  notPlanEditor: ({ to }) => ({ code: 'FORBIDDEN', message: NOT_PLAN_EDITOR[to] }),
  lineUnitInvalid: { code: 'INVALID_INPUT', message: '请选择本区已通过审核的成员单位', fields: { unitId: '单位无效' } },
  unknownCategory: { code: 'INVALID_INPUT', message: '活动类别不存在', fields: { category: '取值无效' } },
  lineUnitLocked: { code: 'CONFLICT', message: '该条目已有活动，不能更换牵头单位' },
  lineHasEvents: { code: 'CONFLICT', message: '该条目已有活动，不能删除' },
  planEmpty: { code: 'CONFLICT', message: '清单为空，请先添加条目' },
  badSheet: ({ problem }) => {
    const message = sheetMessage(problem)
    return { code: 'INVALID_INPUT', message, fields: { fileBase64: message } }
  },
}
