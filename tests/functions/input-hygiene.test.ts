/**
 * Bad text gets a clear error and loses nothing (issue 11): control characters in free text and
 * phone numbers that reach nobody. The sweep over every action's text fields is in role-matrix.test.ts.
 */
import type { Profile } from '@api/signup'
import { main as org } from '../../cloudfunctions/org/src'
import { main as signup } from '../../cloudfunctions/signup/src'
import { call, expectOk } from '../support/call'
import { PEOPLE, useWorld } from '../support/world'

const w = useWorld()

const application = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  kind: 'school',
  contactName: '王老师',
  contactPhone: '13905112233',
  intro: '学校团委',
  ...extra,
})

describe('control characters', () => {
  test('a NUL in my real name is INVALID_INPUT naming the field, and my profile keeps what it had', async () => {
    expectOk(await call(signup, 'updateProfile', { realName: '李青' }, PEOPLE.youth))
    expect(await call(signup, 'updateProfile', { realName: '李\u0000青' }, PEOPLE.youth)).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '真实姓名含有无法显示的控制字符，请删除后重试',
      fields: { realName: '真实姓名含有无法显示的控制字符' },
    })
    expect(expectOk(await call<Profile>(signup, 'profile', undefined, PEOPLE.youth)).realName).toBe('李青')
  })

  test('a NUL in a unit application’s contact name is INVALID_INPUT, and no application is made', async () => {
    const r = await call(
      org,
      'apply',
      application('控制字符中学团委', { contactName: '王\u0000老师' }),
      'w:nul-applicant',
    )
    expect(r).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { contactName: '联系人含有无法显示的控制字符' },
    })
    const { rows } = await w.db.query("select count(*)::int as n from org_unit where name = '控制字符中学团委'")
    expect(rows[0].n).toBe(0)
  })

  test('an escape character in a unit’s introduction is INVALID_INPUT', async () => {
    const r = await call(org, 'updateUnit', { unitId: w.unitA, intro: '简介\u001b[31m' }, PEOPLE.orgA)
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', fields: { intro: '简介含有无法显示的控制字符' } })
  })

  test('line breaks and tabs are ordinary text', async () => {
    expectOk(await call(org, 'updateUnit', { unitId: w.unitA, intro: '第一行\n第二行\t（完）' }, PEOPLE.orgA))
  })
})

describe('phone numbers', () => {
  // A person's own phone is never typed (it comes from WeChat's phone button: identity.test.ts);
  // typed numbers remain for a guardian and a unit's contact.
  const guardian = (phone: string) => ({ guardian: { name: '李母', phone, consent: true } })

  test.each(['12345', '1390511223', '139051122334', '23905112233', '0511-80000000', 'call me'])(
    '%s is not a mobile number: INVALID_INPUT with a Chinese message, nothing saved',
    async (phone) => {
      expectOk(await call(signup, 'updateProfile', guardian('13905110001'), PEOPLE.youth))
      expect(await call(signup, 'updateProfile', guardian(phone), PEOPLE.youth)).toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
        fields: { 'guardian.phone': '监护人的手机号格式不正确，请填写 11 位手机号码' },
      })
      expect(expectOk(await call<Profile>(signup, 'profile', undefined, PEOPLE.youth)).guardian?.phone).toBe(
        '13905110001',
      )
    },
  )

  test.each([
    ['139 0511 2233', '13905112233'],
    ['139-0511-2233', '13905112233'],
    ['+86 139 0511 2233', '13905112233'],
    ['8613905112233', '13905112233'],
  ])('%s is kept as the 11 digits %s', async (typed, stored) => {
    expectOk(await call(signup, 'updateProfile', guardian(typed), PEOPLE.youth))
    expect(expectOk(await call<Profile>(signup, 'profile', undefined, PEOPLE.youth)).guardian?.phone).toBe(stored)
  })

  test('a unit application needs a mobile contact number', async () => {
    const r = await call(org, 'apply', application('座机中学团委', { contactPhone: '0511-80000000' }), 'w:landline')
    expect(r).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fields: { contactPhone: '联系电话格式不正确，请填写 11 位手机号码' },
    })
  })
})
