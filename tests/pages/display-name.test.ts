import { NO_NAME, displayName } from '@/utils/display-name'

test('a person is shown by real name, else nickname, else a placeholder', () => {
  expect(displayName({ realName: '李青', nickname: '小青' })).toBe('李青')
  expect(displayName({ realName: null, nickname: '小青' })).toBe('小青')
  expect(displayName({ realName: '  ', nickname: '小青' })).toBe('小青')
  expect(displayName({ realName: ' 李青 ', nickname: '' })).toBe('李青')
  expect(displayName({ realName: null, nickname: '' })).toBe(NO_NAME)
  expect(displayName({ nickname: '  ' }, '未知')).toBe('未知')
  expect(displayName(null)).toBe(NO_NAME)
})
