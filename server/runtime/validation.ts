/** Turns zod issues into field-level Chinese messages for INVALID_INPUT answers. */
import type * as z from 'zod'
import { invalidInput, type AppError } from './errors'

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '不能为空' : '类型不正确'
    case 'too_big':
      return issue.origin === 'string' ? `长度不能超过 ${issue.maximum}` : `不能大于 ${issue.maximum}`
    case 'too_small':
      return issue.origin === 'string' ? `长度不能少于 ${issue.minimum}` : `不能小于 ${issue.minimum}`
    case 'invalid_format':
      return '格式不正确'
    case 'invalid_value':
      return '取值无效'
    case 'unrecognized_keys':
      return `不支持的字段：${issue.keys.join('、')}`
    default:
      return '取值无效'
  }
}

export function validationError(error: z.ZodError): AppError {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.length ? issue.path.map(String).join('.') : '_'
    fields[path] ??= describe(issue)
  }
  const [firstPath, firstMessage] = Object.entries(fields)[0] ?? ['_', '取值无效']
  const where = firstPath === '_' ? '' : `${firstPath}：`
  return invalidInput(`请求参数有误（${where}${firstMessage}）`, fields)
}
