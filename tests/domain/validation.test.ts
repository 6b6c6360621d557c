import { activityListRequest } from '@api/activity'
import { validationError } from '../../server/runtime/validation'

function errorFor(input: unknown) {
  const r = activityListRequest.safeParse(input, { reportInput: true })
  if (r.success) throw new Error('expected a validation failure')
  return validationError(r.error)
}

test('reports each bad field in Chinese with a stable code', () => {
  const e = errorFor({ limit: 500, status: 'x', extra: true })
  expect(e.code).toBe('INVALID_INPUT')
  expect(e.fields).toEqual({ limit: '不能大于 50', status: '取值无效', _: '不支持的字段：extra' })
  expect(e.message).toBe('请求参数有误（status：取值无效）')
})

test('says a missing value is missing and a wrong type is a wrong type', () => {
  expect(errorFor({ limit: 'ten' }).fields).toEqual({ limit: '类型不正确' })
})
