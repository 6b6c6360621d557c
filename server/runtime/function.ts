/**
 * The dispatcher every cloud function is built from:
 *   event { action, data }  →  access check → schema validation → handler  →  { ok, data } | { ok: false, code, message }
 * Identity comes only from the platform context; nothing in `event` is trusted for it.
 * Unexpected exceptions are logged with a request id and answered as INTERNAL, never with a stack.
 */
import { systemClock } from './clock'
import { randomUUID } from 'crypto'
import type { Pool } from 'pg'
import type * as z from 'zod'
import type { ApiResult } from '@api/result'
import type { AppContext, SignedInContext } from '../app/context'
import { callLimiter } from '../app/rate-limit'
import { Refusal } from '../app/refusal'
import type { Failure } from '../domain/failure'
import { currentPlatform } from '../platform'
import type { FunctionContext, Platform } from '../platform/platform'
import { getPool } from '../store/pool'
import { AppError, unauthenticated } from './errors'
import { answerFor, type FailureTable } from './failures'
import { controlCharacterError, validationError } from './validation'

/**
 * Who may call an action. `timer` actions run only when the platform vouches that a scheduler
 * (CloudBase's timer trigger, the local host's sweep) made the call, never for a client.
 * Finer role checks happen inside the application services.
 */
export type Access = 'public' | 'signed_in' | 'timer'

export type ActionContext = AppContext
export type { SignedInContext }

export interface ActionDef<R> {
  access: Access
  /** The input schema (read by the validation messages' labels and by tests that sweep every field). */
  input: z.ZodType
  /** Validates the raw payload; throws INVALID_INPUT. Runs before any database work. */
  parse(raw: unknown): unknown
  handle(input: unknown, ctx: ActionContext): Promise<R>
}

type HandlerContext<A extends Access> = A extends 'signed_in' ? SignedInContext : ActionContext

/** Where a function keeps its failure table: beside its actions, so tests that build a function from them get it too. */
const FAILURES = Symbol('failures')

/** Declares one action: its input schema, who may call it, and its handler. */
export function action<S extends z.ZodType, R, A extends Access>(spec: {
  access: A
  input: S
  handle: (input: z.output<S>, ctx: HandlerContext<A>) => Promise<R>
}): ActionDef<R> {
  return {
    access: spec.access,
    input: spec.input,
    parse(raw) {
      const parsed = spec.input.safeParse(raw, { reportInput: true })
      if (!parsed.success) throw validationError(parsed.error, spec.input)
      return parsed.data
    },
    handle: (input, ctx) => spec.handle(input as z.output<S>, ctx as HandlerContext<A>),
  }
}

/** The action table of one function, checked against its contract in types/api. */
export type ActionTable<Contract> = {
  [K in keyof Contract]: ActionDef<Contract[K] extends { response: infer R } ? R : never>
}

/** An action table with the failure table that answers its services' refusals. */
export function withFailures<Contract, F extends Failure>(
  actions: ActionTable<Contract>,
  failures: FailureTable<F>,
): ActionTable<Contract> {
  return Object.assign(Object.create(null) as object, actions, { [FAILURES]: failures }) as ActionTable<Contract>
}

export interface FunctionDeps {
  platform: () => Platform
  db: () => Pool
  clock: () => Date
  /**
   * The limit on calls per person (every signed-in action): counts the call, throws a `Refusal`
   * (`rateLimited`) past the limit. One per process, shared by every function it serves.
   */
  limitCalls: (ctx: SignedInContext) => Promise<void>
}

/**
 * Off only on the local platform, never in CloudBase: for bench/signup.ts (the sign-up with and
 * without the limiter) and the function tests (hundreds of calls a second as one scripted person).
 */
const callLimitOff = () => process.env.QINGJU_PLATFORM === 'local' && process.env.QINGJU_CALL_LIMIT === 'off'
const limitCalls = callLimiter()

const defaultDeps: FunctionDeps = {
  platform: currentPlatform,
  db: getPool,
  clock: systemClock,
  // Read per call: the local host sets QINGJU_PLATFORM after this module has loaded.
  limitCalls: (ctx) => (callLimitOff() ? Promise.resolve() : limitCalls(ctx)),
}

export type FunctionMain = (event: unknown, context?: FunctionContext) => Promise<ApiResult<unknown>>

export function createFunction<Contract>(
  name: string,
  actions: ActionTable<Contract>,
  overrides: Partial<FunctionDeps> = {},
): FunctionMain {
  const deps = { ...defaultDeps, ...overrides }
  const table = actions as Record<string, ActionDef<unknown> | undefined>
  const failures = (actions as { [FAILURES]?: FailureTable<Failure> })[FAILURES]

  return async function main(event, context = {}) {
    const requestId = typeof context.request_id === 'string' ? context.request_id : randomUUID()
    try {
      const { actionName, data } = readEvent(event)
      const def = Object.prototype.hasOwnProperty.call(table, actionName) ? table[actionName] : undefined
      // Said without the action's name (issue 16: no identifiers in what people read).
      if (!def) throw new AppError('UNKNOWN_ACTION', '不支持该操作，请更新小程序后重试')
      const platform = deps.platform()
      const caller = platform.caller(context)
      if (def.access === 'signed_in' && !caller) throw unauthenticated()
      if (def.access === 'timer' && !platform.isScheduledRun(context)) {
        throw new AppError('FORBIDDEN', '该操作只能由系统定时任务执行')
      }
      const dirty = controlCharacterError(data, def.input)
      if (dirty) throw dirty
      const input = def.parse(data)
      const ctx: ActionContext = { caller, platform, db: deps.db(), now: deps.clock(), requestId }
      // Every signed-in call counts against the person's limit (a payload the schema refused did no work and does not).
      if (def.access === 'signed_in') await deps.limitCalls(ctx as SignedInContext)
      return { ok: true, data: await def.handle(input, ctx) }
    } catch (err) {
      if (err instanceof Refusal) {
        const answer = answerFor(err.failure, failures)
        if (answer) return { ok: false, ...answer }
      }
      if (err instanceof AppError) {
        return { ok: false, code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) }
      }
      console.error(
        JSON.stringify({
          level: 'error',
          fn: name,
          requestId,
          msg: err instanceof Error ? err.message : String(err),
          stack: err instanceof Error ? err.stack : undefined,
        }),
      )
      return { ok: false, code: 'INTERNAL', message: '服务开小差了，请稍后重试', requestId }
    }
  }
}

function readEvent(event: unknown): { actionName: string; data: unknown } {
  if (!event || typeof event !== 'object' || Array.isArray(event)) {
    throw new AppError('INVALID_INPUT', '请求格式不正确')
  }
  const {
    action: named,
    data,
    Type,
    TriggerName,
  } = event as { action?: unknown; data?: unknown; Type?: unknown; TriggerName?: unknown }
  // CloudBase timer triggers call with {Type: 'Timer', TriggerName}; the trigger's name is the action.
  // A client can send the same shape: only `timer` actions accept it, and only when the platform
  // confirms the trigger (see `Access`).
  const actionName = named === undefined && Type === 'Timer' ? TriggerName : named
  if (typeof actionName !== 'string' || !actionName)
    throw new AppError('INVALID_INPUT', '缺少要执行的操作，请更新小程序后重试')
  return { actionName, data }
}
