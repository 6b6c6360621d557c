/** The survey function's answers to its use cases' failures: stable codes and Chinese messages. */
import type { SurveyFailure } from '../../../server/app/survey/failures'
import { commonFailures, type FailureTable } from '../../../server/runtime/failures'

const MISSING = { survey: '问卷', unit: '单位', activity: '活动', plan: '年度活动清单' } as const

export const surveyFailures: FailureTable<SurveyFailure> = {
  ...commonFailures,
  missing: ({ what }) => ({ code: 'NOT_FOUND', message: `${MISSING[what]}不存在或已下线` }),
  notSurveyAuthor: { code: 'FORBIDDEN', message: '只有团区委或本单位的组织者可以发起问卷' },
  notSurveyManager: { code: 'FORBIDDEN', message: '只有发起问卷的单位或团区委可以管理问卷、查看结果' },
  notInAudience: { code: 'FORBIDDEN', message: '您不在本问卷的调查范围内' },
  surveyNotDraft: { code: 'CONFLICT', message: '问卷已发布，不能再修改' },
  surveyNotOpen: { code: 'SURVEY_CLOSED', message: '问卷未开放或已结束' },
  surveyEmpty: { code: 'INVALID_INPUT', message: '请至少添加一道题目再发布', fields: { questions: '没有题目' } },
  duplicateOption: ({ questionNo }) => ({
    code: 'INVALID_INPUT',
    message: `第 ${questionNo} 题有重复的选项`,
    fields: { questions: '选项重复' },
  }),
  maxPicksTooMany: ({ questionNo }) => ({
    code: 'INVALID_INPUT',
    message: `第 ${questionNo} 题的最多可选项数超过了选项数`,
    fields: { questions: '可选项数过多' },
  }),
  answerRequired: ({ questionNo }) => ({
    code: 'INVALID_INPUT',
    message: `第 ${questionNo} 题为必答题，请作答`,
    fields: { answers: '有必答题未作答' },
  }),
  answerInvalid: ({ questionNo }) => ({
    code: 'INVALID_INPUT',
    message: questionNo === null ? '答案与问卷的题目不符，请刷新后重试' : `第 ${questionNo} 题的答案无效`,
    fields: { answers: '答案无效' },
  }),
  tooManyPicks: ({ questionNo, maxPicks }) => ({
    code: 'INVALID_INPUT',
    message: `第 ${questionNo} 题最多选择 ${maxPicks} 项`,
    fields: { answers: '选择过多' },
  }),
  audienceNotOwn: { code: 'INVALID_INPUT', message: '单位问卷只能面向本单位的成员或本单位的活动' },
  audienceIncomplete: { code: 'INVALID_INPUT', message: '请选择问卷面向的单位或活动' },
  planOnlyForDistrict: { code: 'INVALID_INPUT', message: '只有团区委的问卷可以关联年度活动清单' },
  badCursor: { code: 'INVALID_INPUT', message: '翻页参数无效，请刷新后重试' },
}
