/**
 * Turns zod issues into the Chinese messages of INVALID_INPUT answers, the way a form would say them:
 * each names the field by its Chinese label (types/api/labels.ts, or a schema's own `.meta({ label })`)
 * and says what is wrong in plain words, never a field name or zod's English.
 */
import { CONTROL_CHARACTER } from '@contract/text'
import { FIELD_LABELS, measureWord } from '@api/labels'
import * as z from 'zod'
import { invalidInput, type AppError } from './errors'

/**
 * A message our own schemas wrote (Chinese, no ASCII words) is used; zod's English defaults are
 * replaced, even when they quote Chinese choices (Invalid option: expected one of "男"|"女").
 */
const isOwnMessage = (message: string) => /[\u4e00-\u9fff]/.test(message) && !/[A-Za-z]{2,}/.test(message)

/** What a person calls a field whose label is unknown (never its key). */
const SOME_FIELD = '填写的内容'

type Schema = z.core.$ZodType
type PathKey = PropertyKey

const defOf = (schema: Schema) => schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>

/** The schema and every wrapper inside it (optional, default, pipe's input side, lazy…), outermost first. */
export function layers(schema: Schema): Schema[] {
  const out: Schema[] = []
  let current: Schema | undefined = schema
  for (let depth = 0; current && depth < 20; depth++) {
    out.push(current)
    const def = defOf(current)
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'nonoptional':
      case 'readonly':
      case 'catch':
        current = def.innerType as Schema
        break
      case 'pipe':
        current = (defOf(def.in as Schema).type === 'transform' ? def.out : def.in) as Schema
        break
      case 'lazy':
        current = (def.getter as () => Schema)()
        break
      default:
        current = undefined
    }
  }
  return out
}

/** The innermost schema (what the value is: a string, an object, a list…). */
export const core = (schema: Schema): Schema => layers(schema).at(-1) ?? schema

function metaLabel(schema: Schema): string | undefined {
  for (const layer of layers(schema)) {
    const label = (z.globalRegistry.get(layer) as { label?: unknown } | undefined)?.label
    if (typeof label === 'string') return label
  }
  return undefined
}

/** The schema of one child (an object's field, a list's item), or undefined. */
export function childOf(schema: Schema, key: PathKey): Schema | undefined {
  const inner = core(schema)
  const def = defOf(inner)
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, Schema>
      return typeof key === 'string' && Object.prototype.hasOwnProperty.call(shape, key) ? shape[key] : undefined
    }
    case 'array':
      return def.element as Schema
    case 'set':
      return def.valueType as Schema
    case 'record':
      return def.valueType as Schema
    case 'tuple':
      return typeof key === 'number' ? ((def.items as Schema[])[key] ?? (def.rest as Schema | undefined)) : undefined
    case 'union':
      for (const option of def.options as Schema[]) {
        const child = childOf(option, key)
        if (child) return child
      }
      return undefined
    case 'intersection':
      return childOf(def.left as Schema, key) ?? childOf(def.right as Schema, key)
    default:
      return undefined
  }
}

/** The label of one field by its schema and key: its own `.meta({ label })`, else the table's. */
export function fieldLabel(schema: Schema | undefined, key: PathKey): string | undefined {
  const own = schema ? metaLabel(schema) : undefined
  if (own) return own
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(FIELD_LABELS, key)
    ? FIELD_LABELS[key]
    : undefined
}

/**
 * The Chinese name of the field at a path, e.g. ['questions', 1, 'title'] → 第 2 个问题的标题.
 * Undefined for the payload itself (an empty path) or a field without a label.
 */
export function labelAt(root: Schema, path: readonly PathKey[]): string | undefined {
  const parts: string[] = []
  let schema: Schema | undefined = root
  for (const key of path) {
    const child: Schema | undefined = schema ? childOf(schema, key) : undefined
    if (typeof key === 'number') {
      const list = parts.pop()
      if (list === undefined) return undefined
      parts.push(`第 ${key + 1} ${measureWord(list)}${list}`)
    } else {
      const label = fieldLabel(child, key)
      if (!label) return undefined
      parts.push(label)
    }
    schema = child
  }
  return parts.length ? parts.join('的') : undefined
}

/** Whether a person picks this field (a choice, a switch, a thing from a list) rather than types it. */
function isChoice(schema: Schema | undefined): boolean {
  if (!schema) return false
  const inner = core(schema)
  const def = defOf(inner)
  if (def.type === 'enum' || def.type === 'literal' || def.type === 'boolean') return true
  if (def.type === 'union') return (def.options as Schema[]).every((o) => isChoice(o))
  return def.type === 'string' && def.format === 'uuid'
}

const isList = (schema: Schema | undefined) => !!schema && ['array', 'set'].includes(defOf(core(schema)).type)

const NUMERIC = new Set(['number', 'int', 'bigint'])

/** What is wrong with one field, in the words of a form. */
function describe(issue: z.core.$ZodIssue, label: string | undefined, field: Schema | undefined): string {
  const L = label ?? SOME_FIELD
  const own = isOwnMessage(issue.message) ? issue.message : null
  switch (issue.code) {
    case 'invalid_type': {
      if (!label) return issue.input === undefined ? '请填写完整的信息' : '提交的内容格式不正确，请刷新后重试'
      if (issue.input === undefined || issue.input === null) {
        if (isList(field)) return `请添加${L}`
        return isChoice(field) ? `请选择${L}` : `请填写${L}`
      }
      if (NUMERIC.has(issue.expected)) return `${L}请填写数字`
      if (issue.expected === 'boolean') return `请选择${L}`
      if (issue.expected === 'string') {
        if (isChoice(field)) return `请重新选择${L}`
        const format = field ? defOf(core(field)).format : undefined
        if (format === 'datetime' || format === 'time') return `${L}格式不正确，请重新选择时间`
        if (format === 'date') return `${L}格式不正确，请重新选择日期`
        return `${L}请填写文字`
      }
      return `${L}填写有误，请重新填写`
    }
    case 'too_big': {
      const max = String(issue.maximum)
      if (own) return withLabel(L, own)
      switch (issue.origin) {
        case 'string':
          return `${L}不能超过 ${max} 个字`
        case 'array':
        case 'set':
          return `${L}最多 ${max} ${measureWord(L)}`
        case 'date':
          return `${L}太晚了，请重新选择`
        default:
          return issue.inclusive === false ? `${L}应小于 ${max}` : `${L}不能超过 ${max}`
      }
    }
    case 'too_small': {
      const min = Number(issue.minimum)
      if (own) return withLabel(L, own)
      switch (issue.origin) {
        case 'string':
          return min <= 1 || issue.input === '' ? `请填写${L}` : `${L}至少 ${min} 个字`
        case 'array':
        case 'set':
          return min <= 1 ? `请至少添加一${measureWord(L)}${L}` : `${L}至少 ${min} ${measureWord(L)}`
        case 'date':
          return `${L}太早了，请重新选择`
        default:
          return issue.inclusive === false ? `${L}应大于 ${min}` : `${L}不能小于 ${min}`
      }
    }
    case 'invalid_format': {
      if (issue.input === '' && label) return isChoice(field) ? `请选择${L}` : `请填写${L}`
      if (own) return own.includes(L) ? own : `${L}格式不正确，${own}`
      switch (issue.format) {
        case 'uuid':
        case 'guid':
          return `${L}无效，请重新选择`
        case 'datetime':
          return `${L}格式不正确，请重新选择时间`
        case 'date':
          return `${L}格式不正确，请重新选择日期`
        case 'time':
          return `${L}格式不正确，请重新选择时间`
        case 'email':
          return `${L}格式不正确，请填写正确的邮箱地址`
        case 'url':
          return `${L}格式不正确，请填写正确的网址`
        default:
          return `${L}格式不正确`
      }
    }
    case 'invalid_value':
      if (own) return withLabel(L, own)
      if (issue.values.length === 1 && issue.values[0] === true) return `请勾选${L}`
      if (issue.input === undefined) return `请选择${L}`
      return `${L}不在可选范围内，请重新选择`
    case 'not_multiple_of':
      return `${L}应为 ${String(issue.divisor)} 的整数倍`
    case 'unrecognized_keys':
      return '含有不支持的填写项，请刷新页面后重试'
    default:
      if (own) return label ? withLabel(L, own) : own
      return `${L}填写有误，请检查后重新填写`
  }
}

/**
 * A schema's own message: a predicate (含有…, 不能…) gets the field's label in front; a whole
 * sentence (开始日期不能晚于结束日期, 单位和团体只能选择一个) is said as written.
 */
function withLabel(label: string, own: string): string {
  if (own.includes(label)) return own
  if (/^(含有|不能|不可|应|须|必须|需|只能|最多|至少|已|未)/.test(own)) return `${label}${own}`
  return own
}

/**
 * The INVALID_INPUT answer for a payload its schema refused: `fields` keeps each failing path
 * (pages mark their inputs by it) with its message; the message is the first field's, naming it.
 */
export function validationError(error: z.ZodError, schema?: Schema): AppError {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.length ? issue.path.map(String).join('.') : '_'
    if (fields[path] !== undefined) continue
    const label = schema ? labelAt(schema, issue.path) : undefined
    let field: Schema | undefined = schema
    for (const key of issue.path) field = field ? childOf(field, key) : undefined
    fields[path] = describe(issue, label, issue.path.length ? field : undefined)
  }
  const messages = Object.values(fields)
  const first = messages[0] ?? '提交的内容格式不正确，请刷新后重试'
  const more = messages.length > 1 ? `（另有 ${messages.length - 1} 处需要修改）` : ''
  return invalidInput(`${first}${more}`, fields)
}

const MAX_DEPTH = 8

/**
 * Text hygiene for every action in one place: a payload whose strings (values or keys, at any depth)
 * hold a control character is refused before its schema runs, naming the fields by their labels.
 */
export function controlCharacterError(raw: unknown, schema?: Schema): AppError | null {
  const fields: Record<string, string> = {}
  const visit = (value: unknown, path: (string | number)[], depth: number) => {
    if (typeof value === 'string') {
      if (CONTROL_CHARACTER.test(value)) {
        const label = schema ? labelAt(schema, path) : undefined
        fields[path.join('.') || '_'] = `${label ?? ''}含有无法显示的控制字符`
      }
      return
    }
    if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return
    for (const [key, child] of Object.entries(value)) {
      if (CONTROL_CHARACTER.test(key)) fields[[...path, '_'].join('.')] = '含有无法显示的控制字符'
      else visit(child, [...path, Array.isArray(value) ? Number(key) : key], depth + 1)
    }
  }
  visit(raw, [], 0)
  const first = Object.values(fields)[0]
  if (first === undefined) return null
  const what = first === '含有无法显示的控制字符' ? '填写的内容含有无法显示的控制字符' : first
  return invalidInput(`${what}，请删除后重试`, fields)
}
