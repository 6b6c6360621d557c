/**
 * Local host only: act as a seeded demo person. Never part of the WeChat build.
 * HTTP form: POST /api/_dev/login  {"persona":"youth"}  →  {"ok":true,"data":{"token":"…","persona":"youth","nickname":"…"}}
 *           POST /api/_dev/login  {"persona":"new","name":"小王"}  → always the same newcomer 小王
 * Then send `Authorization: Bearer <token>` with every POST /api/<function>.
 */
import * as z from 'zod'
import { DEV_PERSONAS, MAX_CLOCK_OFFSET_MS, type DevPersona } from '../contract/dev-login'

export { DEV_PERSONAS, MAX_CLOCK_OFFSET_MS, type DevPersona } from '../contract/dev-login'

export const devLoginRequest = z.strictObject({
  persona: z.enum(DEV_PERSONAS),
  /** With persona "new": the same name always signs in as the same person (its nickname). */
  name: z.string().trim().min(1).max(16).optional(),
})
export type DevLoginRequest = z.input<typeof devLoginRequest>

export interface DevPersonaInfo {
  persona: DevPersona
  label: string
  nickname: string
}

export interface DevLoginResponse {
  token: string
  persona: DevPersona
  nickname: string
}

/** The local host's test clock (`POST /api/_dev/clock`, only with QINGJU_TEST_CLOCK=1): a bounded whole offset. */
export const devClockRequest = z.strictObject({
  offsetMs: z.number().int().min(-MAX_CLOCK_OFFSET_MS).max(MAX_CLOCK_OFFSET_MS),
})

/**
 * The local stand-in for WeChat's phone-number button (`POST /api/_dev/phone-code`, signed in): the
 * host issues a short-lived code for a typed number, which `session.bindPhone` then exchanges, as
 * the button's code is in WeChat. The number is checked by bindPhone, not here.
 */
export const devPhoneCodeRequest = z.strictObject({
  phone: z.string().trim().min(1).max(20),
})
export type DevPhoneCodeRequest = z.input<typeof devPhoneCodeRequest>

export interface DevPhoneCodeResponse {
  code: string
}
