/**
 * Issue 16, "no identifiers in user-facing text": for every action of every cloud function (found by
 * reading cloudfunctions/, so new functions and actions are swept without listing them), payloads
 * built from its schema that fail each field in turn — missing, wrong type, too long or too big, too
 * small, bad format, bad choice, a control character, an unknown key — are answered INVALID_INPUT in
 * Chinese that names the field by its label, with no ASCII identifier and no schema jargon. Validation runs before any role
 * check or database work (server/runtime/function.ts), so any signed-in person reaches it.
 */
import { randomUUID } from 'crypto'
import { readdirSync, existsSync } from 'fs'
import { join } from 'path'
import type * as z from 'zod'
import type { ApiResult } from '@api/result'
import type { ActionDef, FunctionMain } from '../../server/runtime/function'
import { childOf, core, fieldLabel, labelAt } from '../../server/runtime/validation'
import { tokenFor } from '../support/call'
import { PEOPLE } from '../support/world'

type Schema = z.core.$ZodType
type Path = (string | number)[]
type Def = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
type Checks = { _zod: { def: Def } }[]

const FUNCTIONS_DIR = join(__dirname, '../../cloudfunctions')

interface Action {
  name: string
  def: ActionDef<unknown>
  main: FunctionMain
}

/** Every action of every function under cloudfunctions/, from its exported action table. */
function everyAction(): Action[] {
  return readdirSync(FUNCTIONS_DIR)
    .filter((fn) => existsSync(join(FUNCTIONS_DIR, fn, 'src/index.ts')))
    .sort()
    .flatMap((fn) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(join(FUNCTIONS_DIR, fn, 'src')) as {
        actions: Record<string, ActionDef<unknown>>
        main: FunctionMain
      }
      return Object.keys(mod.actions)
        .sort()
        .map((action) => ({ name: `${fn}.${action}`, def: mod.actions[action], main: mod.main }))
    })
}

const ACTIONS = everyAction()

const defOf = (schema: Schema) => core(schema)._zod.def as unknown as Def
const accepts = (schema: Schema, value: unknown) => (schema as z.ZodType).safeParse(value).success

/** The object keys and list items a payload can hold, depth first, each with its schema. */
function fieldsOf(schema: Schema, path: Path = [], depth = 0): { path: Path; schema: Schema }[] {
  if (depth > 6) return []
  const def = defOf(schema)
  const out: { path: Path; schema: Schema }[] = []
  const keys: (string | number)[] =
    def.type === 'object' ? Object.keys(def.shape) : ['array', 'set', 'record'].includes(def.type) ? [0] : []
  if (def.type === 'union') for (const option of def.options as Schema[]) out.push(...fieldsOf(option, path, depth))
  if (def.type === 'intersection') out.push(...fieldsOf(def.left, path, depth), ...fieldsOf(def.right, path, depth))
  for (const key of keys) {
    const child = childOf(schema, key)
    if (!child) continue
    out.push({ path: [...path, key], schema: child }, ...fieldsOf(child, [...path, key], depth + 1))
  }
  return out
}

// ---------- valid samples, built from the schema ----------

/** Strings the project's formats accept (phones, invite and certificate codes, clock times, days…). */
const CANDIDATE_STRINGS = [
  '13905110001',
  'ABCDEFGH',
  'QJ2026-ABCDEF',
  '09:30',
  '2026-03-10',
  '2026-03',
  'gender',
  '123456',
  'A1',
  'https://example.com/a.png',
  'q1',
  'o1',
]

function sampleString(schema: Schema): unknown {
  const def = defOf(schema)
  const checks = (def.checks ?? []) as Checks
  let min = 0
  let max = 40
  for (const c of checks) {
    const cd = c._zod.def
    if (cd.check === 'min_length') min = Math.max(min, cd.minimum as number)
    if (cd.check === 'max_length') max = Math.min(max, cd.maximum as number)
    if (cd.check === 'length_equals') min = max = cd.length as number
  }
  const candidates: string[] = [
    randomUUID(),
    '2026-03-10T09:00:00+08:00',
    ...CANDIDATE_STRINGS,
    '青'.repeat(Math.max(min, 2)),
    'a'.repeat(Math.max(min, 2)),
    '青'.repeat(Math.max(min, 1)),
  ]
  if (max < 2) candidates.push('青')
  return candidates.find((s) => accepts(schema, s)) ?? '青年'
}

function sample(schema: Schema, depth = 0): unknown {
  if (depth > 8) return undefined
  const def = defOf(schema)
  let value: unknown
  switch (def.type) {
    case 'string':
      value = sampleString(schema)
      break
    case 'number': {
      const checks = (def.checks ?? []) as Checks
      let lo = 1
      for (const c of checks) {
        const cd = c._zod.def
        if (cd.check === 'greater_than') lo = Math.max(lo, Number(cd.value) + (cd.inclusive ? 0 : 1))
      }
      value = lo
      break
    }
    case 'boolean':
      value = true
      break
    case 'enum':
      value = Object.values(def.entries as Record<string, unknown>)[0]
      break
    case 'literal':
      value = (def.values as unknown[])[0]
      break
    case 'array': {
      const checks = (def.checks ?? []) as Checks
      const min = Math.max(1, ...checks.map((c) => (c._zod.def.check === 'min_length' ? c._zod.def.minimum : 0)))
      value = Array.from({ length: min }, () => sample(def.element, depth + 1))
      break
    }
    case 'object': {
      const obj: Record<string, unknown> = {}
      for (const [key, child] of Object.entries(def.shape as Record<string, Schema>)) {
        const v = sample(child, depth + 1)
        if (v !== undefined) obj[key] = v
      }
      value = obj
      break
    }
    case 'union': {
      const options = (def.options as Schema[]).map((o) => sample(o, depth + 1))
      value = options.find((v, i) => accepts((def.options as Schema[])[i], v)) ?? options[0]
      break
    }
    case 'record':
      value = {}
      break
    default:
      value = undefined
  }
  return value
}

/**
 * A valid payload where the schema allows one: a sample, less the optional fields a rule across
 * fields refuses (e.g. "a unit or a group, not both").
 */
function validSample(schema: Schema): unknown {
  let value = sample(schema)
  for (let round = 0; round < 5; round++) {
    const result = (schema as z.ZodType).safeParse(value)
    if (result.success) break
    const path = result.error.issues.find((i) => i.path.length > 0)?.path as Path | undefined
    if (!path) break
    const without = setAt(value, path, undefined, true)
    if (((schema as z.ZodType).safeParse(without).error?.issues.length ?? 0) >= result.error.issues.length) break
    value = without
  }
  return value
}

// ---------- failing payloads ----------

function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
    value,
  )
}

function setAt(value: unknown, path: Path, next: unknown, remove = false): unknown {
  if (path.length === 0) return next
  const [head, ...rest] = path
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>
  if (rest.length === 0 && remove) delete copy[head]
  else copy[head] = setAt(copy[head], rest, next, remove)
  return copy
}

interface Break {
  kind: string
  value?: unknown
  remove?: boolean
}

/** The ways one field can be got wrong, from its schema. */
function breaksOf(field: Schema): Break[] {
  const def = defOf(field)
  const out: Break[] = [{ kind: 'missing', remove: true }]
  switch (def.type) {
    case 'string':
      out.push({ kind: 'wrong type', value: 12345 }, { kind: 'bad format', value: '#格式#不对#' })
      out.push({ kind: 'too long', value: '青'.repeat(10_001) }, { kind: 'empty', value: '   ' })
      // Refused by the dispatcher before any schema (server/runtime/validation.ts controlCharacterError).
      out.push({ kind: 'control character', value: '青\u0007年' })
      break
    case 'number':
      out.push({ kind: 'wrong type', value: '十二' }, { kind: 'not whole', value: 1.5 })
      out.push({ kind: 'too big', value: 1e12 }, { kind: 'too small', value: -1e12 })
      break
    case 'boolean':
      out.push({ kind: 'wrong type', value: '是' })
      break
    case 'enum':
    case 'literal':
      out.push({ kind: 'bad choice', value: '不存在的选项' }, { kind: 'wrong type', value: 7 })
      break
    case 'array':
      out.push({ kind: 'wrong type', value: '一段文字' }, { kind: 'empty list', value: [] })
      out.push({ kind: 'too many', value: Array.from({ length: 1001 }, () => sample(def.element)) })
      break
    case 'object':
      out.push({ kind: 'wrong type', value: '一段文字' })
      break
    default:
      out.push({ kind: 'wrong type', value: [] })
  }
  return out
}

const CHINESE = /[\u4e00-\u9fff]/
const IDENTIFIER = /[A-Za-z_]{2,}/

async function send(a: Action, data: unknown): Promise<ApiResult<unknown>> {
  const context =
    a.def.access === 'timer'
      ? { request_id: 'messages', trigger: 'timer' as const }
      : { request_id: 'messages', devSessionToken: tokenFor(PEOPLE.admin) }
  return a.main({ action: a.name.split('.')[1], data }, context)
}

/** Every text a person could see in an INVALID_INPUT answer is Chinese without an identifier. */
function expectReadable(r: ApiResult<unknown>, where: string) {
  expect({ where, ok: r.ok, code: r.ok ? null : r.code }).toEqual({ where, ok: false, code: 'INVALID_INPUT' })
  if (r.ok) return
  for (const text of [r.message, ...Object.values(r.fields ?? {})]) {
    expect({ where, text, chinese: CHINESE.test(text) }).toEqual({ where, text, chinese: true })
    expect({ where, text, identifier: text.match(IDENTIFIER)?.[0] ?? null }).toEqual({
      where,
      text,
      identifier: null,
    })
  }
}

test('the sweep finds the action tables, and builds a valid payload for nearly every action', () => {
  expect(ACTIONS.length).toBeGreaterThan(100)
  // Only rules across fields (e.g. weights that add up to 100) defeat the sampler; a field failing
  // alone keeps each answer about that field.
  const invalid = ACTIONS.filter((a) => !accepts(a.def.input, validSample(a.def.input))).map((a) => a.name)
  expect(invalid.length).toBeLessThanOrEqual(Math.ceil(ACTIONS.length / 50))
  expect(ACTIONS.map((a) => a.name)).toEqual(
    expect.arrayContaining(['org.apply', 'org.acceptInvite', 'activity.create']),
  )
})

test('an unknown or missing action is answered without naming it', async () => {
  const [a] = ACTIONS
  for (const event of [{ action: 'dropTables', data: {} }, { data: {} }]) {
    const r = await a.main(event, { request_id: 'messages', devSessionToken: tokenFor(PEOPLE.admin) })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.message).toMatch(CHINESE)
      expect(r.message).not.toMatch(IDENTIFIER)
    }
  }
})

describe.each(ACTIONS)('$name', (a) => {
  const schema = a.def.input
  const fields = fieldsOf(schema)

  test('every field has a Chinese label', () => {
    const missing = fields
      .filter(({ path }) => typeof path[path.length - 1] === 'string')
      .filter(({ path, schema: s }) => !fieldLabel(s, path[path.length - 1]))
      .map(({ path }) => path.join('.'))
    expect(missing).toEqual([])
  })

  test('a payload that fails each field in turn is answered in Chinese naming the field', async () => {
    const base = validSample(schema)
    for (const { path, schema: field } of fields) {
      if (typeof path[path.length - 1] !== 'string') continue
      const parent = getAt(base, path.slice(0, -1))
      if (!parent || typeof parent !== 'object') continue
      const label = labelAt(schema, path)
      expect({ path: path.join('.'), label: label ?? null }).toEqual({
        path: path.join('.'),
        label: expect.any(String),
      })
      for (const b of breaksOf(field)) {
        const payload = setAt(base, path, b.value, b.remove)
        if (b.kind !== 'control character' && accepts(schema, payload)) continue
        const where = `${a.name} ${path.join('.')} (${b.kind})`
        const r = await send(a, payload)
        expectReadable(r, where)
        if (r.ok) continue
        // The field's own message names it; so does the answer's message when it is the first field wrong.
        const mine = Object.entries(r.fields ?? {}).find(([key]) => key === path.join('.'))
        if (!mine) continue // a refusal of the whole payload (e.g. "one of the two") is checked as readable above
        expect({ where, message: mine[1], named: mine[1].includes(label!) }).toEqual({
          where,
          message: mine[1],
          named: true,
        })
        if (Object.keys(r.fields ?? {})[0] === path.join('.')) {
          expect({ where, message: r.message, named: r.message.includes(label!) }).toEqual({
            where,
            message: r.message,
            named: true,
          })
        }
      }
    }
  })

  test('an unknown key is refused without naming it', async () => {
    const base = validSample(schema)
    const payload =
      base && typeof base === 'object' && !Array.isArray(base) ? { ...base, secretColumn: 1 } : { secretColumn: 1 }
    if (accepts(schema, payload)) return
    const r = await send(a, payload)
    expectReadable(r, `${a.name} unknown key`)
    if (!r.ok) expect(JSON.stringify([r.message, Object.values(r.fields ?? {})])).not.toContain('secretColumn')
  })
})
