/**
 * The words for an import's row problems: the import answers them (as data, with their row
 * numbers) in a successful response, one message per row with its problems joined by "；".
 */
import type { RowError, RowProblem } from '../../domain/plan-import'

function rowProblemText(p: RowProblem): string {
  switch (p.kind) {
    case 'noRows':
      return '表格中没有清单条目'
    case 'tooManyRows':
      return `一次最多导入 ${p.max} 条`
    case 'missingUnit':
      return '缺少单位名称'
    case 'unknownUnit':
      return `单位「${p.name}」不是本区已通过审核的成员单位`
    case 'unknownCategory':
      return `活动类别「${p.name}」不存在`
    case 'badTitle':
      return `活动名称须为 ${p.min}–${p.max} 个字`
    case 'badMonth':
      return `计划月份「${p.value}」应为 1–12`
    case 'targetCommunityTooLong':
      return `对接社区不能超过 ${p.max} 个字`
    case 'needsNoteTooLong':
      return `需求说明不能超过 ${p.max} 个字`
  }
}

export function rowMessages(errors: RowError[]): { row: number; message: string }[] {
  return errors.map((e) => ({ row: e.row, message: e.problems.map(rowProblemText).join('；') }))
}
