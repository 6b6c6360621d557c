/** The signup function's failure table answers each refusal with the code and message the API has always given. */
import { signupFailures } from '../../../cloudfunctions/signup/src/failures'
import type { Failure } from '../../../server/domain/failure'
import type { SignupFailure } from '../../../server/domain/signup/failures'
import { answerFor, type FailureTable } from '../../../server/runtime/failures'

const answer = (f: SignupFailure) => answerFor(f, signupFailures as unknown as FailureTable<Failure>)

test('an age limit names both ends, "不限" for an open one', () => {
  expect(answer({ kind: 'tooYoung', minAge: 18, maxAge: null })).toEqual({
    code: 'NOT_ELIGIBLE',
    message: '本活动限 18–不限 岁报名',
  })
  expect(answer({ kind: 'tooOld', minAge: null, maxAge: 35 })).toEqual({
    code: 'NOT_ELIGIBLE',
    message: '本活动限 0–35 岁报名',
  })
})

test('attendance rates in whole percent', () =>
  expect(answer({ kind: 'attendanceTooLow', required: 0.8, actual: 0.666 })).toEqual({
    code: 'NOT_ELIGIBLE',
    message: '本活动要求到场率不低于 80%，你近期的到场率为 67%',
  }))

test('invalid answers: the first problem in the message, every one in fields', () =>
  expect(
    answer({ kind: 'invalidAnswers', problems: { 'answers.gender': 'required', 'answers.x': 'unknownQuestion' } }),
  ).toEqual({
    code: 'INVALID_INPUT',
    message: '报名信息有误：必填',
    fields: { 'answers.gender': '必填', 'answers.x': '没有这个问题' },
  }))

test('invalid settings: quota totals with both numbers', () =>
  expect(
    answer({
      kind: 'invalidSettings',
      problems: { quotas: 'quotaTotalNotCapacity', quotaQuestionId: 'quotaQuestionUnfit' },
      quotaTotal: 6,
      capacity: 5,
    }),
  ).toEqual({
    code: 'INVALID_INPUT',
    message: '报名设置有误：各配额之和（6）须等于活动名额（5）',
    fields: { quotas: '各配额之和（6）须等于活动名额（5）', quotaQuestionId: '配额须基于一个必答的单选题' },
  }))

test('each organiser-only act has its own FORBIDDEN message', () => {
  expect(answer({ kind: 'notOrganiser', act: 'draw' })).toEqual({
    code: 'FORBIDDEN',
    message: '只有本活动的组织者可以抽签',
  })
  expect(answer({ kind: 'notOrganiser', act: 'viewRoster' })).toEqual({
    code: 'FORBIDDEN',
    message: '只有本活动的组织者可以查看报名名单',
  })
})

test('the whole-event quota is named 全部', () => {
  expect(answer({ kind: 'quotaInUse', quotaKey: '' })?.message).toBe('配额「全部」已有报名，不能删除')
  expect(answer({ kind: 'quotaBelowTaken', quotaKey: '男', taken: 3 })?.message).toBe(
    '配额「男」已占用 3 个名额，不能少于此数',
  )
  expect(answer({ kind: 'quotaFull', quotaKey: '' })).toEqual({ code: 'FULL', message: '「全部」名额已满' })
})

test('a capacity the quotas decide is a CONFLICT on the capacity field', () =>
  expect(answer({ kind: 'capacitySetByQuotas' })).toEqual({
    code: 'CONFLICT',
    message: '该活动按配额报名，请在报名设置中调整各配额名额',
    fields: { capacity: '请调整配额' },
  }))
