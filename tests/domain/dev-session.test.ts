import { issueDevSession, verifyDevSession } from '../../server/platform/dev-session'

const SECRET = 'k'.repeat(32)
const NOW = 1_800_000_000_000

test('a token vouches for its openid until it expires', () => {
  const token = issueDevSession('dev:youth', SECRET, 60, NOW)
  expect(verifyDevSession(token, SECRET, NOW)).toBe('dev:youth')
  expect(verifyDevSession(token, SECRET, NOW + 59_999)).toBe('dev:youth')
  expect(verifyDevSession(token, SECRET, NOW + 60_000)).toBeNull()
})

test('a token signed with another secret, or with no secret configured, is refused', () => {
  const token = issueDevSession('dev:youth', SECRET, 60, NOW)
  expect(verifyDevSession(token, 'other', NOW)).toBeNull()
  expect(verifyDevSession(token, '', NOW)).toBeNull()
})

test.each([
  ['empty', ''],
  ['no signature', 'abc'],
  ['extra part', 'a.b.c'],
  ['oversized', 'a'.repeat(2000) + '.b'],
])('a %s token is refused', (_label, token) => {
  expect(verifyDevSession(token, SECRET, NOW)).toBeNull()
})

test('changing the claims breaks the signature', () => {
  const [, mac] = issueDevSession('dev:youth', SECRET, 60, NOW).split('.')
  const forgedBody = Buffer.from(JSON.stringify({ sub: 'dev:district_admin', exp: NOW / 1000 + 60 })).toString(
    'base64url',
  )
  expect(verifyDevSession(`${forgedBody}.${mac}`, SECRET, NOW)).toBeNull()
})
