/**
 * LOCAL STAND-IN for WeChat's phone-number button. In WeChat, the button gives the page a one-time
 * code that only the function can exchange for the number the user's WeChat account has verified
 * (`phonenumber.getPhoneNumber`). Locally nobody verifies phones, so the host issues such a code for
 * a typed number at POST /api/_dev/phone-code (a signed-in dev session only), and LocalPlatform
 * reads it back. The code is `base64url(JSON {use: 'phone', phone, exp})` + "." + HMAC-SHA256 under
 * the dev session secret, over a purpose prefix: a dev session token is not a phone code, nor the
 * other way round. It expires after five minutes, as WeChat's does; a forged, altered or expired
 * code reads as nothing. Never part of a CloudBase bundle (only LocalPlatform uses it).
 */
import { createHmac, timingSafeEqual } from 'crypto'

export const PHONE_CODE_TTL_SECONDS = 5 * 60
const MAX_CODE_LENGTH = 512
const PURPOSE = 'phone-code'

function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(`${PURPOSE}\n${body}`).digest('base64url')
}

export function issuePhoneCode(phone: string, secret: string, now: Date, ttlSeconds = PHONE_CODE_TTL_SECONDS): string {
  if (!secret) throw new Error('no dev session secret: refusing to issue a phone code')
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds
  const body = Buffer.from(JSON.stringify({ use: 'phone', phone, exp })).toString('base64url')
  return `${body}.${sign(body, secret)}`
}

/** The number the code was issued for, or null when it is malformed, forged, for another use or expired at `now`. */
export function readPhoneCode(code: string, secret: string, now: Date): string | null {
  if (!secret || code.length > MAX_CODE_LENGTH) return null
  const [body, mac, extra] = code.split('.')
  if (!body || !mac || extra !== undefined) return null
  const expected = Buffer.from(sign(body, secret))
  const given = Buffer.from(mac)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
      use?: unknown
      phone?: unknown
      exp?: unknown
    }
    if (claims.use !== 'phone' || typeof claims.phone !== 'string' || typeof claims.exp !== 'number') return null
    return claims.exp * 1000 <= now.getTime() ? null : claims.phone
  } catch {
    return null
  }
}
