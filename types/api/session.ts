/**
 * API contract of the `session` cloud function: who am I.
 * The caller's identity always comes from the platform context (OPENID in CloudBase,
 * a signed dev session in the local host), never from the request payload.
 */
import * as z from 'zod'
import { text } from './common'

export type Role = 'youth' | 'unit_admin' | 'district_admin'

export interface Me {
  userId: string
  nickname: string
  roles: Role[]
  /** Member units this person manages. */
  units: { id: string; name: string; role: 'admin' | 'organiser' }[]
}

/**
 * Binds the phone WeChat's phone button vouches for: `code` is the button's `e.detail.code`
 * (locally, the code the host's /api/_dev/phone-code issues for a typed number).
 */
export const bindPhoneRequest = z.strictObject({ code: text(1, 512) })
export type BindPhoneRequest = z.input<typeof bindPhoneRequest>

export interface BoundPhone {
  phone: string
  phoneVerified: true
}

export interface SessionActions {
  me: { request: Record<string, never> | undefined; response: Me }
  bindPhone: { request: BindPhoneRequest; response: BoundPhone }
}
