/** Home cards (issue 16): the 附近 cursor and avatar upload names. */
import { decodeCursor, decodeDistanceCursor, encodeCursor, encodeDistanceCursor } from '../../server/domain/cursor'
import { avatarPath, isAvatarOf, isUploadPath } from '../../server/domain/files/uploads'

const ID = '3761801e-5a81-43b9-b054-c0ee46b73f1f'
const USER = '9b2f8c1e-0d4a-4e6b-8f3a-2c1d0e9f8a7b'
const R = '0123456789abcdef0123456789abcdef'

describe('distance cursor', () => {
  test.each([
    [1234, ID],
    [0, ID],
    [null, ID],
  ])('round-trips (%p, id) in URL-safe characters', (distanceMeters, id) => {
    const token = encodeDistanceCursor({ distanceMeters, id })
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeDistanceCursor(token)).toEqual({ distanceMeters, id })
  })

  test('the two orders never take each other’s cursors', () => {
    expect(decodeDistanceCursor(encodeCursor({ startAt: new Date('2026-11-27T10:00:00.000Z'), id: ID }))).toBeNull()
    expect(decodeCursor(encodeDistanceCursor({ distanceMeters: 5, id: ID }))).toBeNull()
  })

  test.each([
    ['negative', ['near', -1, ID]],
    ['fractional', ['near', 1.5, ID]],
    ['text distance', ['near', '5', ID]],
    ['bad id', ['near', 5, "1' or '1'='1"]],
    ['untagged', ['far', 5, ID]],
  ])('rejects a %s cursor', (_label, value) => {
    expect(decodeDistanceCursor(Buffer.from(JSON.stringify(value)).toString('base64url'))).toBeNull()
  })
})

describe('avatar upload names', () => {
  test('under a digest of the person (not their id), then 128 random bits; an upload name', () => {
    const path = avatarPath(USER, R, 'jpg')
    expect(path).toMatch(new RegExp(`^avatars/[0-9a-f]{32}/${R}\\.jpg$`))
    expect(path).not.toContain(USER)
    expect(isUploadPath(path)).toBe(true)
    expect(isAvatarOf(`local://${path}`, USER)).toBe(true)
    expect(isAvatarOf(`cloud://env-1.bucket/${path}`, USER)).toBe(true)
  })

  test("another person's avatar, a name without random bits, another kind of image: not this person's avatar", () => {
    expect(isAvatarOf(`local://${avatarPath(ID, R, 'jpg')}`, USER)).toBe(false)
    expect(isAvatarOf(`local://${avatarPath(USER, R, 'jpg').replace(R, 'me')}`, USER)).toBe(false)
    expect(isAvatarOf(`local://images/runzhou/u-1/${R}.jpg`, USER)).toBe(false)
    expect(isAvatarOf('https://example.com/a.jpg', USER)).toBe(false)
    expect(() => avatarPath(USER, 'abc', 'jpg')).toThrow()
  })
})
