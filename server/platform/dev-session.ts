/**
 * Local host only: a signed session saying "this browser acts as <openid>".
 * Format: base64url(JSON {sub, exp}) + "." + base64url(HMAC-SHA256). The secret lives in
 * QINGJU_DEV_SESSION_SECRET, set by the local host from .data/; CloudBase never sets it.
 */
import { createHmac, timingSafeEqual } from 'crypto'

const MAX_TOKEN_LENGTH = 1024

function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url')
}

export function issueDevSession(openid: string, secret: string, ttlSeconds = 30 * 24 * 3600, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ sub: openid, exp: Math.floor(now / 1000) + ttlSeconds })).toString(
    'base64url',
  )
  return `${body}.${sign(body, secret)}`
}

/** The openid the token vouches for, or null if it is malformed, forged or expired. */
export function verifyDevSession(token: string, secret: string, now = Date.now()): string | null {
  if (!secret || token.length > MAX_TOKEN_LENGTH) return null
  const [body, mac, extra] = token.split('.')
  if (!body || !mac || extra !== undefined) return null
  const expected = Buffer.from(sign(body, secret))
  const given = Buffer.from(mac)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { sub?: unknown; exp?: unknown }
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null
    if (claims.exp * 1000 <= now) return null
    return claims.sub
  } catch {
    return null
  }
}
