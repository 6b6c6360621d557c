/**
 * Certificate codes and what a certificate shows. A code is 'QJ' + 10 characters of Crockford
 * base32 (no I, L, O, U: nothing to misread when typed from a printout), shown as QJxxxx-xxxxxx.
 * 50 random bits: guessing a valid code is hopeless even with millions issued.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** Formats 10 random bytes' worth of entropy (only the low 5 bits of each byte are used). */
export function certificateCode(random: Uint8Array): string {
  if (random.length < 10) throw new RangeError('need 10 random bytes')
  const chars = Array.from(random.subarray(0, 10), (b) => ALPHABET[b & 31])
  return `QJ${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`
}

/** Normalises what someone typed: upper case, no spaces, the dash where it belongs, O→0, I/L→1. */
export function normaliseCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '')
  if (!raw.startsWith('QJ')) return null
  const body = raw.slice(2).replace(/O/g, '0').replace(/[IL]/g, '1')
  if (body.length !== 10 || [...body].some((c) => !ALPHABET.includes(c))) return null
  return `QJ${body.slice(0, 4)}-${body.slice(4)}`
}

/** 张三 → 张*, 欧阳小明 → 欧**明: enough for the holder to recognise, not enough to identify. */
export function maskName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length <= 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}
