/** Certificate codes (unambiguous to type) and name masking. */
import fc from 'fast-check'
import { certificateCode, maskName, normaliseCode } from '../../../server/domain/hours/certificate'

describe('certificate codes', () => {
  test('QJ + 4 + dash + 6 characters of Crockford base32', () => {
    expect(certificateCode(new Uint8Array(10))).toBe('QJ0000-000000')
    expect(certificateCode(Uint8Array.from([31, 30, 29, 28, 18, 19, 20, 21, 22, 1]))).toBe('QJZYXW-JKMNP1')
    expect(() => certificateCode(new Uint8Array(9))).toThrow(RangeError)
  })

  test('property: every code normalises to itself, and typed variants (lower case, no dash, O for 0) find it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) => {
        const code = certificateCode(bytes)
        expect(code).toMatch(/^QJ[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{6}$/)
        expect(normaliseCode(code)).toBe(code)
        expect(normaliseCode(` ${code.toLowerCase().replace('-', '')} `)).toBe(code)
        expect(normaliseCode(code.slice(0, 2) + code.slice(2).replace(/0/g, 'O').replace(/1/g, 'I'))).toBe(code)
      }),
    )
  })

  test('not a code', () => {
    for (const bad of ['', 'QJ', 'QJ1234-12345', 'XX1234-123456', 'QJ1234-1234U6', 'QJ1234-1234567'])
      expect(normaliseCode(bad)).toBeNull()
  })
})

describe('maskName', () => {
  test.each([
    ['张三', '张*'],
    ['欧阳小明', '欧**明'],
    ['王', '*'],
    ['', '*'],
    ['李四光', '李*光'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked)
  })
})
