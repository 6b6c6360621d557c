/** The dispatcher every function shares: envelope, identity from context only, error mapping. */
import * as z from 'zod'
import { main as session } from '../../cloudfunctions/session/src'
import { main as activity } from '../../cloudfunctions/activity/src'
import { issueDevSession } from '../../server/platform/dev-session'
import { AppError } from '../../server/runtime/errors'
import { refuse } from '../../server/app/refusal'
import { action, createFunction, withFailures } from '../../server/runtime/function'
import { DEMO_PEOPLE, seedIfEmpty } from '../../host/seed'
import type { Me } from '@api/session'
import { call, expectOk } from '../support/call'
import { closePool, useFreshDatabase } from '../support/db'
import type { Pool } from 'pg'

let db: Pool
beforeAll(async () => {
  db = await useFreshDatabase()
  await seedIfEmpty(db)
})
afterAll(closePool)

describe('event envelope', () => {
  test.each([[null], ['list'], [[]], [{}], [{ action: 7 }], [{ action: '' }]])(
    'rejects event %j as INVALID_INPUT',
    async (event) => {
      expect(await activity(event, {})).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    },
  )

  test('an unknown action is UNKNOWN_ACTION, including inherited object keys', async () => {
    for (const name of ['delete', 'constructor', '__proto__', 'toString']) {
      expect(await call(activity, name)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
    }
  })
})

describe('identity comes only from the context', () => {
  test('anonymous callers are UNAUTHENTICATED for signed-in actions', async () => {
    expect(await call(session, 'me')).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' })
  })

  test('an openid or userInfo in the event is ignored', async () => {
    const forged = {
      action: 'me',
      userInfo: { openId: DEMO_PEOPLE.district_admin.openid },
      openid: DEMO_PEOPLE.district_admin.openid,
    }
    expect(await session(forged, {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    const viaData = await session({ action: 'me', data: { openid: DEMO_PEOPLE.district_admin.openid } }, {})
    expect(viaData.ok).toBe(false)
  })

  test('a session signed with another secret, tampered or expired is not a caller', async () => {
    const good = issueDevSession(DEMO_PEOPLE.youth.openid, 'test-dev-session-secret')
    const [body, mac] = good.split('.')
    const tampered = `${Buffer.from(JSON.stringify({ sub: DEMO_PEOPLE.district_admin.openid, exp: 9e9 })).toString('base64url')}.${mac}`
    const tokens = [
      issueDevSession(DEMO_PEOPLE.youth.openid, 'another-secret'),
      tampered,
      `${body}.`,
      issueDevSession(DEMO_PEOPLE.youth.openid, 'test-dev-session-secret', 60, Date.now() - 3600_000),
    ]
    for (const devSessionToken of tokens) {
      expect(await session({ action: 'me' }, { devSessionToken })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    }
  })

  test('session.me answers each demo person with their roles', async () => {
    const admin = expectOk(await call<Me>(session, 'me', undefined, DEMO_PEOPLE.district_admin.openid))
    expect(admin.roles).toEqual(['youth', 'district_admin'])
    const organiser = expectOk(await call<Me>(session, 'me', undefined, DEMO_PEOPLE.organiser.openid))
    expect(organiser.roles).toEqual(['youth', 'unit_admin'])
    expect(organiser.units).toEqual([expect.objectContaining({ name: '中国邮政镇江分公司团委', role: 'admin' })])
    const youth = expectOk(await call<Me>(session, 'me', undefined, DEMO_PEOPLE.youth.openid))
    expect(youth).toMatchObject({ nickname: '李青（青年）', roles: ['youth'], units: [] })
  })

  test('a first-time caller becomes a person exactly once', async () => {
    const openid = 'dev:new:first-timer'
    const a = expectOk(await call<Me>(session, 'me', undefined, openid))
    const b = expectOk(await call<Me>(session, 'me', undefined, openid))
    expect(a.userId).toBe(b.userId)
    const rows = await db.query('select count(*)::int as n from app_user where openid = $1', [openid])
    expect(rows.rows[0].n).toBe(1)
  })
})

describe('error mapping', () => {
  const boom = createFunction<{
    crash: { request: undefined; response: never }
    refuse: { request: undefined; response: never }
  }>('test', {
    crash: action({
      access: 'public',
      input: z.undefined(),
      handle: async () => {
        throw new Error('secret detail: password=hunter2')
      },
    }),
    refuse: action({
      access: 'public',
      input: z.undefined(),
      handle: async () => {
        throw new AppError('CONFLICT', '名额已满')
      },
    }),
  })

  test('an unexpected exception answers INTERNAL with a request id and no internals, and is logged', async () => {
    const logged: string[] = []
    const spy = jest.spyOn(console, 'error').mockImplementation((line: string) => {
      logged.push(line)
    })
    const r = await boom({ action: 'crash' }, { request_id: 'req-123' })
    spy.mockRestore()
    expect(r).toEqual({ ok: false, code: 'INTERNAL', message: '服务开小差了，请稍后重试', requestId: 'req-123' })
    expect(JSON.stringify(r)).not.toMatch(/hunter2|Error|at /)
    expect(logged.join('\n')).toMatch(/req-123.*secret detail/)
  })

  test('a domain refusal keeps its code and Chinese message', async () => {
    expect(await boom({ action: 'refuse' }, {})).toEqual({ ok: false, code: 'CONFLICT', message: '名额已满' })
  })

  test('a database outage is INTERNAL, not a crash', async () => {
    const saved = process.env.DATABASE_URL
    await closePool()
    process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:1/nowhere'
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
    try {
      expect(await call(activity, 'list')).toMatchObject({ ok: false, code: 'INTERNAL' })
    } finally {
      spy.mockRestore()
      await closePool()
      process.env.DATABASE_URL = saved
    }
  })
})

describe('typed failures become answers at the edge', () => {
  type Refusals = { kind: 'seatTaken' } | { kind: 'tooYoung'; minAge: number }
  const refusing = (failure: { kind: string }) =>
    createFunction(
      'demo',
      withFailures<{ go: { request: undefined; response: void } }, Refusals>(
        {
          go: action({
            access: 'public',
            input: z.strictObject({}).optional(),
            async handle() {
              refuse(failure)
            },
          }),
        },
        {
          seatTaken: { code: 'FULL', message: '名额已满' },
          tooYoung: ({ minAge }) => ({ code: 'NOT_ELIGIBLE', message: `须年满 ${minAge} 岁` }),
        },
      ),
    )

  test('a refusal is answered from the function’s table, with the facts it carries', async () => {
    expect(await refusing({ kind: 'seatTaken' })({ action: 'go' })).toEqual({
      ok: false,
      code: 'FULL',
      message: '名额已满',
    })
    expect(await refusing({ kind: 'tooYoung', minAge: 18 } as Refusals)({ action: 'go' })).toEqual({
      ok: false,
      code: 'NOT_ELIGIBLE',
      message: '须年满 18 岁',
    })
  })

  test('common failures are mapped once for every function', async () => {
    expect(await refusing({ kind: 'notFound', thing: 'activity' } as { kind: string })({ action: 'go' })).toEqual({
      ok: false,
      code: 'NOT_FOUND',
      message: '活动不存在或已下线',
    })
  })

  test('a refusal nobody mapped is a bug: INTERNAL, logged, no kind shown', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const answer = await refusing({ kind: 'somethingNew' })({ action: 'go' })
      expect(answer).toMatchObject({ ok: false, code: 'INTERNAL' })
      expect(JSON.stringify(answer)).not.toContain('somethingNew')
      expect(spy.mock.calls.map((c) => String(c[0])).join('\n')).toContain('somethingNew')
    } finally {
      spy.mockRestore()
    }
  })
})

describe('text hygiene in the dispatcher', () => {
  type Echo = { note: string; tags?: string[] }
  const echo = createFunction<{ echo: { request: Echo; response: Echo } }>('demo', {
    echo: action({
      access: 'public',
      input: z.strictObject({ note: z.string(), tags: z.array(z.string()).optional() }),
      async handle(input) {
        return input
      },
    }),
  })

  test('a control character anywhere in a payload is refused before the schema, naming the field', async () => {
    expect(await echo({ action: 'echo', data: { note: 'ok', tags: ['a', 'b\u0000'] } })).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '第 2 个标签含有无法显示的控制字符，请删除后重试',
      fields: { 'tags.1': '第 2 个标签含有无法显示的控制字符' },
    })
  })

  test('a field without a label is still refused, naming no field', async () => {
    expect(await echo({ action: 'echo', data: { note: 'ok', other: 'x\u0007' } })).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '填写的内容含有无法显示的控制字符，请删除后重试',
      fields: { other: '含有无法显示的控制字符' },
    })
  })

  test('tab, line feed and carriage return pass', async () => {
    expect(await echo({ action: 'echo', data: { note: 'a\tb\r\nc' } })).toEqual({
      ok: true,
      data: { note: 'a\tb\r\nc' },
    })
  })
})
