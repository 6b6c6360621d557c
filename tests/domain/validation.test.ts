import { activityListRequest } from '@api/activity'
import { unitApplyRequest } from '@api/org'
import { surveyCreateRequest } from '@api/survey'
import type * as z from 'zod'
import { validationError } from '../../server/runtime/validation'

function errorFor(schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input, { reportInput: true })
  if (r.success) throw new Error('expected a validation failure')
  return validationError(r.error, schema)
}

test('reports each bad field in Chinese by its label, with a stable code and no field names', () => {
  const e = errorFor(activityListRequest, { limit: 500, status: 'x', extra: true })
  expect(e.code).toBe('INVALID_INPUT')
  expect(e.fields).toEqual({
    limit: '每页条数不能超过 50',
    status: '状态不在可选范围内，请重新选择',
    _: '含有不支持的填写项，请刷新页面后重试',
  })
  expect(e.message).toBe('状态不在可选范围内，请重新选择（另有 2 处需要修改）')
})

test('says a missing value is to be filled in and a wrong type in words a person understands', () => {
  expect(errorFor(activityListRequest, { limit: 'ten' }).fields).toEqual({ limit: '每页条数请填写数字' })
  expect(
    errorFor(unitApplyRequest, { name: '某中学团委', contactName: '王老师', contactPhone: '13905110001' }),
  ).toMatchObject({
    message: '请选择单位类型',
    fields: { kind: '请选择单位类型' },
  })
})

test('an empty application says what to fill in for each required field, as the apply page does', () => {
  expect(errorFor(unitApplyRequest, { name: ' ', contactName: '', contactPhone: '' })).toMatchObject({
    message: '请填写单位名称（另有 3 处需要修改）',
    fields: {
      name: '请填写单位名称',
      kind: '请选择单位类型',
      contactName: '请填写联系人',
      contactPhone: '请填写联系电话',
    },
  })
})

test('a schema’s own message is said with the field’s label', () => {
  const e = errorFor(unitApplyRequest, {
    name: '某中学团委',
    kind: 'school',
    contactName: '王老师',
    contactPhone: '12345',
  })
  expect(e).toMatchObject({
    message: '联系电话格式不正确，请填写 11 位手机号码',
    fields: { contactPhone: '联系电话格式不正确，请填写 11 位手机号码' },
  })
})

test('a field inside a list is named by its place in the list', () => {
  const e = errorFor(surveyCreateRequest, {
    ownerUnitId: '00000000-0000-4000-8000-000000000001',
    title: '青年活动意向调查',
    audience: 'unit',
    questions: [
      { kind: 'text', title: '你的建议' },
      { kind: 'text', title: '' },
    ],
  })
  expect(e.fields?.['questions.1.title']).toBe('请填写第 2 个问题的标题')
})

test('without its schema (no labels known), a message still names no field', () => {
  const r = activityListRequest.safeParse({ limit: 500 }, { reportInput: true })
  if (r.success) throw new Error('expected a validation failure')
  expect(validationError(r.error).message).toBe('填写的内容不能超过 50')
})
