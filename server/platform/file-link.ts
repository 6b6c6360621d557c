/**
 * Local host only: short-lived, signed links to stored files (exports), the local stand-in for
 * CloudBase's temporary file URLs. A link is `/files/<path>?exp=<unix seconds>&sig=<HMAC>`, where the
 * HMAC-SHA256 covers the exact stored path and the expiry, under a secret the host keeps in its data
 * dir (QINGJU_FILES_SECRET). Without a valid, unexpired signature for that very path, nothing is served.
 */
import { createHmac, timingSafeEqual } from 'crypto'
import { FILE_LINK_TTL_SECONDS } from './platform'

const MAX_SIG_LENGTH = 64

/** What a signature allows: reading a stored file, or writing one new file (an upload ticket). */
export type FileLinkPurpose = 'files' | 'upload'

function mac(path: string, exp: number, secret: string, purpose: FileLinkPurpose): string {
  return createHmac('sha256', secret).update(`${purpose}\n${path}\n${exp}`).digest('base64url')
}

/** The signed link to `path` (relative to the files dir, `/`-separated), valid until now + ttl. */
export function signFileLink(path: string, secret: string, now: Date, ttlSeconds = FILE_LINK_TTL_SECONDS): string {
  if (!secret) throw new Error('no files secret: refusing to sign a file link')
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds
  const encoded = path.split('/').map(encodeURIComponent).join('/')
  return `/files/${encoded}?exp=${exp}&sig=${mac(path, exp, secret, 'files')}`
}

/**
 * The local stand-in for a client upload to CloudBase storage: a signed ticket to PUT one new file at
 * exactly `path` before now + ttl (`/upload/<path>?exp=&sig=`). The server issues it only to whoever may
 * attach that file; the host writes nothing without it and never overwrites.
 */
export function signUploadTicket(path: string, secret: string, now: Date, ttlSeconds = FILE_LINK_TTL_SECONDS): string {
  if (!secret) throw new Error('no files secret: refusing to sign an upload ticket')
  const exp = Math.floor(now.getTime() / 1000) + ttlSeconds
  const encoded = path.split('/').map(encodeURIComponent).join('/')
  return `/upload/${encoded}?exp=${exp}&sig=${mac(path, exp, secret, 'upload')}`
}

export type FileLinkCheck = 'ok' | 'missing' | 'invalid' | 'expired'

/** Whether `exp` and `sig` (as given in the query) sign exactly `path` and have not expired at `now`. */
export function checkFileLink(
  path: string,
  exp: string | null,
  sig: string | null,
  secret: string,
  now: Date,
  purpose: FileLinkPurpose = 'files',
): FileLinkCheck {
  if (!exp || !sig) return 'missing'
  if (!secret || !/^\d{1,12}$/.test(exp) || sig.length > MAX_SIG_LENGTH) return 'invalid'
  const expected = Buffer.from(mac(path, Number(exp), secret, purpose))
  const given = Buffer.from(sig)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid'
  return Number(exp) * 1000 <= now.getTime() ? 'expired' : 'ok'
}

/**
 * The stored path a signed request names (`<prefix><path>?exp=&sig=`), if its signature for `purpose` holds
 * at `now`: the one check both the download route (/files/) and the upload route (/upload/) make.
 */
export function signedPathOf(
  url: URL,
  prefix: '/files/' | '/upload/',
  secret: string,
  now: Date,
  purpose: FileLinkPurpose,
): { ok: true; path: string } | { ok: false; expired: boolean } {
  let path: string
  try {
    path = decodeURIComponent(url.pathname.slice(prefix.length))
  } catch {
    return { ok: false, expired: false }
  }
  const verdict = checkFileLink(path, url.searchParams.get('exp'), url.searchParams.get('sig'), secret, now, purpose)
  return verdict === 'ok' ? { ok: true, path } : { ok: false, expired: verdict === 'expired' }
}
