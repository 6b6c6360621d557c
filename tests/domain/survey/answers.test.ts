/** Survey rules (pure): building questions, reading answers against them, the count differences, results. */
import type { SurveyQuestion } from '@api/survey'
import { readSurveyAnswers, tallyDelta, tallyKeys } from '../../../server/domain/survey/answers'
import { buildQuestions, checkOpenable } from '../../../server/domain/survey/questions'
import { surveyResults } from '../../../server/domain/survey/results'

const questions = buildQuestions([
  { kind: 'single', title: '类别', required: true, options: ['甲', '乙', '丙'] },
  { kind: 'multi', title: '时间', required: false, options: ['一', '二', '三'], maxPicks: 2 },
  { kind: 'scale', title: '满意度', required: true },
  { kind: 'text', title: '建议', required: false },
]) as SurveyQuestion[]

describe('buildQuestions', () => {
  test('ids by position, options only on choice questions, pick limits only on multiple choice', () => {
    expect(questions.map((q) => [q.id, q.options.map((o) => o.id), q.maxPicks])).toEqual([
      ['q1', ['o1', 'o2', 'o3'], null],
      ['q2', ['o1', 'o2', 'o3'], 2],
      ['q3', [], null],
      ['q4', [], null],
    ])
    expect(buildQuestions([{ kind: 'scale', title: 's', required: true, options: ['x', 'y'] }])).toMatchObject([
      { options: [] },
    ])
  })

  test('duplicate options and a pick limit above the options are refused with the question’s number', () => {
    expect(
      buildQuestions([
        { kind: 'scale', title: 's', required: true },
        { kind: 'single', title: 'x', required: true, options: ['a', 'a'] },
      ]),
    ).toEqual({ kind: 'duplicateOption', questionNo: 2 })
    expect(buildQuestions([{ kind: 'multi', title: 'x', required: true, options: ['a', 'b'], maxPicks: 3 }])).toEqual({
      kind: 'maxPicksTooMany',
      questionNo: 1,
    })
  })

  test('a survey opens only with a question', () => {
    expect(checkOpenable([])).toEqual({ kind: 'surveyEmpty' })
    expect(checkOpenable(questions)).toBeNull()
  })
})

describe('readSurveyAnswers', () => {
  const ok = [
    { questionId: 'q1', optionIds: ['o2'] },
    { questionId: 'q3', value: 5 },
  ]

  test('valid answers, choices stored in the questionnaire’s order, empty ones left out', () => {
    expect(
      readSurveyAnswers(questions, [
        ...ok,
        { questionId: 'q2', optionIds: ['o3', 'o1'] },
        { questionId: 'q4', text: '  多办活动 ' },
      ]),
    ).toEqual({ q1: ['o2'], q2: ['o1', 'o3'], q3: 5, q4: '多办活动' })
    expect(
      readSurveyAnswers(questions, [...ok, { questionId: 'q2', optionIds: [] }, { questionId: 'q4', text: ' ' }]),
    ).toEqual({
      q1: ['o2'],
      q3: 5,
    })
  })

  test.each([
    [
      'a required question left out',
      [{ questionId: 'q1', optionIds: ['o1'] }],
      { kind: 'answerRequired', questionNo: 3 },
    ],
    ['an unknown option', [{ questionId: 'q1', optionIds: ['o4'] }], { kind: 'answerInvalid', questionNo: 1 }],
    [
      'two on a single choice',
      [{ questionId: 'q1', optionIds: ['o1', 'o2'] }],
      { kind: 'answerInvalid', questionNo: 1 },
    ],
    [
      'too many picks',
      [{ questionId: 'q2', optionIds: ['o1', 'o2', 'o3'] }],
      { kind: 'tooManyPicks', questionNo: 2, maxPicks: 2 },
    ],
    ['a repeated option', [{ questionId: 'q2', optionIds: ['o1', 'o1'] }], { kind: 'answerInvalid', questionNo: 2 }],
    ['a scale of 0', [{ questionId: 'q3', value: 0 }], { kind: 'answerInvalid', questionNo: 3 }],
    ['a scale of 6', [{ questionId: 'q3', value: 6 }], { kind: 'answerInvalid', questionNo: 3 }],
    ['a fractional scale', [{ questionId: 'q3', value: 3.5 }], { kind: 'answerInvalid', questionNo: 3 }],
    ['options on a scale', [{ questionId: 'q3', optionIds: ['o1'] }], { kind: 'answerInvalid', questionNo: 3 }],
    ['a value on a text', [{ questionId: 'q4', value: 3 }], { kind: 'answerInvalid', questionNo: 4 }],
    ['an unknown question', [{ questionId: 'q9', value: 3 }], { kind: 'answerInvalid', questionNo: null }],
    [
      'a text of 501 characters',
      [{ questionId: 'q4', text: '字'.repeat(501) }],
      { kind: 'answerInvalid', questionNo: 4 },
    ],
  ])('%s', (_what, answers, failure) => {
    const rest = ok.filter((a) => !answers.some((b) => b.questionId === a.questionId))
    const input = _what === 'a required question left out' ? answers : [...answers, ...rest]
    expect(readSurveyAnswers(questions, input)).toEqual(failure)
  })

  test('answering a question twice is refused', () => {
    expect(readSurveyAnswers(questions, [...ok, { questionId: 'q1', optionIds: ['o1'] }])).toEqual({
      kind: 'answerInvalid',
      questionNo: 1,
    })
  })
})

describe('tallyDelta and results', () => {
  test('a first answer adds the response, the answered questions and the choices', () => {
    expect(tallyDelta(questions, null, { q1: ['o2'], q3: 4, q4: '好' })).toEqual([
      { questionId: '', choice: '', delta: 1 },
      { questionId: 'q1', choice: '', delta: 1 },
      { questionId: 'q1', choice: 'o2', delta: 1 },
      { questionId: 'q3', choice: '', delta: 1 },
      { questionId: 'q3', choice: '4', delta: 1 },
      { questionId: 'q4', choice: '', delta: 1 },
    ])
  })

  test('an edit subtracts the old answers and adds the new, and changes nothing that stayed', () => {
    expect(tallyDelta(questions, { q1: ['o2'], q2: ['o1'], q3: 4 }, { q1: ['o2'], q3: 2, q4: '好' })).toEqual([
      { questionId: 'q2', choice: '', delta: -1 },
      { questionId: 'q2', choice: 'o1', delta: -1 },
      { questionId: 'q3', choice: '2', delta: 1 },
      { questionId: 'q3', choice: '4', delta: -1 },
      { questionId: 'q4', choice: '', delta: 1 },
    ])
  })

  test('every delta names a count created when the survey opened', () => {
    const keys = new Set(tallyKeys(questions).map((k) => `${k.questionId}/${k.choice}`))
    const d = tallyDelta(questions, null, { q1: ['o3'], q2: ['o1', 'o2'], q3: 1, q4: 'x' })
    for (const x of d) expect(keys).toContain(`${x.questionId}/${x.choice}`)
    expect(keys.size).toBe(1 + 4 + 3 + 3 + 5)
  })

  test('results: counts, percentages of those who answered, the scale’s mean', () => {
    const r = surveyResults(questions, [
      { questionId: '', choice: '', count: 3 },
      { questionId: 'q1', choice: '', count: 3 },
      { questionId: 'q1', choice: 'o1', count: 2 },
      { questionId: 'q1', choice: 'o3', count: 1 },
      { questionId: 'q3', choice: '', count: 2 },
      { questionId: 'q3', choice: '5', count: 1 },
      { questionId: 'q3', choice: '2', count: 1 },
    ])
    expect(r.responses).toBe(3)
    expect(r.questions[0].choices.map((c) => [c.key, c.count, c.percent])).toEqual([
      ['o1', 2, 66.7],
      ['o2', 0, 0],
      ['o3', 1, 33.3],
    ])
    expect(r.questions[1]).toMatchObject({ answered: 0, average: null })
    expect(r.questions[2]).toMatchObject({ answered: 2, average: 3.5 })
    expect(r.questions[2].choices.map((c) => c.label)).toEqual(['1 分', '2 分', '3 分', '4 分', '5 分'])
  })
})
