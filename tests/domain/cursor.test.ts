import { decodeCursor, encodeCursor } from '../../server/domain/cursor'

const ID = '3761801e-5a81-43b9-b054-c0ee46b73f1f'

test('round-trips the sort key exactly, in URL-safe characters', () => {
  const c = { startAt: new Date('2026-11-27T10:00:00.123Z'), id: ID }
  const token = encodeCursor(c)
  expect(token).toMatch(/^[A-Za-z0-9_-]+$/)
  expect(decodeCursor(token)).toEqual(c)
})

test.each([
  ['empty', ''],
  ['not base64 json', '!!!'],
  ['object', Buffer.from('{"a":1}').toString('base64url')],
  ['three items', Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', ID, 1])).toString('base64url')],
  ['bad date', Buffer.from(JSON.stringify(['yesterday', ID])).toString('base64url')],
  ['non-canonical date', Buffer.from(JSON.stringify(['2026-01-01', ID])).toString('base64url')],
  ['bad id', Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', "1' or '1'='1"])).toString('base64url')],
])('rejects a %s cursor', (_label, token) => {
  expect(decodeCursor(token)).toBeNull()
})
