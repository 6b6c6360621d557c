const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/**
 * A random 16-character key for one sign-up tap session: the server answers a retried call
 * with the same key with the first result. WeChat's JS engine has no `crypto`: fall back to Math.random.
 */
export function newIdempotencyKey(length = 16): string {
  const bytes = new Uint8Array(length)
  const c = (globalThis as { crypto?: { getRandomValues?(a: Uint8Array): Uint8Array } }).crypto
  if (c?.getRandomValues) c.getRandomValues(bytes)
  else for (let i = 0; i < length; i++) bytes[i] = Math.floor(Math.random() * 256)
  let key = ''
  for (const b of bytes) key += ALPHABET[b % ALPHABET.length]
  return key
}
