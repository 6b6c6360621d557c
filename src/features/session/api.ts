import type { BoundPhone, Me } from '@api/session'
import { callFunction } from '@/services/cloud'

export function fetchMe(): Promise<Me> {
  return callFunction('session', 'me', {})
}

/** Binds the phone behind a phone-button code (in H5: the local host's stand-in code). */
export function bindPhone(code: string): Promise<BoundPhone> {
  return callFunction('session', 'bindPhone', { code })
}
