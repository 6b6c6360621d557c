/** Turns zod issues into field-level Chinese messages for INVALID_INPUT answers. */
import { CONTROL_CHARACTER } from '@contract/text'
import type * as z from 'zod'
import { invalidInput, type AppError } from './errors'

/** A message our own schemas wrote (Chinese) is shown as written; zod's English defaults are replaced. */
const OWN_MESSAGE = /[\u4e00-\u9fff]/

function describe(issue: z.core.$ZodIssue): string {
  if (OWN_MESSAGE.test(issue.message)) return issue.message
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

const MAX_DEPTH = 8

/**
 * Text hygiene for every action in one place: a payload whose strings (values or keys, at any depth)
 * hold a control character is refused before its schema runs, naming the fields.
 */
export function controlCharacterError(raw: unknown): AppError | null {
  const fields: Record<string, string> = {}
  const visit = (value: unknown, path: string[], depth: number) => {
    if (typeof value === 'string') {
      if (CONTROL_CHARACTER.test(value)) fields[path.join('.') || '_'] = '含有无法显示的控制字符'
      return
    }
    if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return
    for (const [key, child] of Object.entries(value)) {
      if (CONTROL_CHARACTER.test(key)) fields[[...path, '_'].join('.')] = '含有无法显示的控制字符'
      else visit(child, [...path, key], depth + 1)
    }
  }
  visit(raw, [], 0)
  if (Object.keys(fields).length === 0) return null
  return invalidInput('填写的内容含有无法显示的控制字符，请删除后重试', fields)
}
