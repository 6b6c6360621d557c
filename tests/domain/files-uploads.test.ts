import {
  evidencePath,
  isEvidenceOf,
  isStarEvidenceOf,
  isUploadPath,
  starEvidencePath,
  storedPath,
} from '../../server/domain/files/uploads'

const scope = { districtId: 'runzhou', unitId: 'u-1', activityId: 'a-1' }
const R = '0123456789abcdef0123456789abcdef'

describe('evidence upload names', () => {
  test('a name is the scope, then 128 random bits and the kind', () => {
    expect(evidencePath(scope, R, 'png')).toBe(`evidence/runzhou/u-1/a-1/${R}.png`)
    expect(isUploadPath(evidencePath(scope, R, 'png'))).toBe(true)
  })

  test('no name without 128 random bits or with a scope that is not ids', () => {
    expect(() => evidencePath(scope, R.slice(1), 'jpg')).toThrow()
    expect(() => evidencePath(scope, R.toUpperCase(), 'jpg')).toThrow()
    expect(() => evidencePath({ ...scope, unitId: '../x' }, R, 'jpg')).toThrow()
  })

  test('the path a file id names, locally and in CloudBase; nothing for anything else', () => {
    expect(storedPath(`local://evidence/x/${R}.jpg`)).toBe(`evidence/x/${R}.jpg`)
    expect(storedPath(`cloud://env-1.6465-env-1-1300/evidence/x/${R}.jpg`)).toBe(`evidence/x/${R}.jpg`)
    for (const bad of ['https://a.b/c.jpg', '/files/evidence/x.jpg', 'local://a/../b', 'local://a//b', 'cloud://env']) {
      expect(storedPath(bad)).toBeNull()
    }
  })

  test('a file belongs to the event only if it is an upload name under that event', () => {
    const name = `local://evidence/runzhou/u-1/a-1/${R}.jpg`
    expect(isEvidenceOf(name, scope)).toBe(true)
    expect(isEvidenceOf(`cloud://env.bucket/evidence/runzhou/u-1/a-1/${R}.heic`, scope)).toBe(true)
    expect(isEvidenceOf(name, { ...scope, activityId: 'a-2' })).toBe(false)
    expect(isEvidenceOf(name, { ...scope, unitId: 'u-2' })).toBe(false)
    expect(isEvidenceOf(`local://evidence/runzhou/u-1/a-1/${R}.exe`, scope)).toBe(false)
    expect(isEvidenceOf(`local://evidence/runzhou/u-1/a-1/${R}.jpg.jpg`, scope)).toBe(false)
    expect(isEvidenceOf(`local://evidence/runzhou/u-1/a-1/photo.jpg`, scope)).toBe(false)
    expect(isEvidenceOf(`local://evidence/runzhou/u-1/a-1/sub/${R}.jpg`, scope)).toBe(false)
  })

  test('upload tickets are for upload names only', () => {
    expect(isUploadPath('exports/rosters/x.xlsx')).toBe(false)
    expect(isUploadPath(`evidence/a/b/${R}.jpg`)).toBe(false)
    expect(isUploadPath(`evidence/a/b/c/../${R}.jpg`)).toBe(false)
  })
})

describe('star evidence upload names', () => {
  const star = { districtId: 'runzhou', unitId: 'u-1', userId: 'p-1' }

  test('a name is the unit and the person, then 128 random bits; tickets are given for it', () => {
    expect(starEvidencePath(star, R, 'jpg')).toBe(`star-evidence/runzhou/u-1/p-1/${R}.jpg`)
    expect(isUploadPath(starEvidencePath(star, R, 'jpg'))).toBe(true)
    expect(isUploadPath(`star-evidence/runzhou/u-1/${R}.jpg`)).toBe(false)
    expect(() => starEvidencePath({ ...star, userId: '../x' }, R, 'jpg')).toThrow()
  })

  test("a file is the person's evidence for the unit only if it was named for both", () => {
    const name = `local://star-evidence/runzhou/u-1/p-1/${R}.jpg`
    expect(isStarEvidenceOf(name, star)).toBe(true)
    expect(isStarEvidenceOf(name, { ...star, userId: 'p-2' })).toBe(false)
    expect(isStarEvidenceOf(name, { ...star, unitId: 'u-2' })).toBe(false)
    expect(isStarEvidenceOf(`local://evidence/runzhou/u-1/p-1/${R}.jpg`, star)).toBe(false)
    expect(isStarEvidenceOf('https://example.com/a.jpg', star)).toBe(false)
  })
})
