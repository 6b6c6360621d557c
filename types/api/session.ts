/**
 * API contract of the `session` cloud function: who am I.
 * The caller's identity always comes from the platform context (OPENID in CloudBase,
 * a signed dev session in the local host), never from the request payload.
 */
export type Role = 'youth' | 'unit_admin' | 'district_admin'

export interface Me {
  userId: string
  nickname: string
  roles: Role[]
  /** Member units this person manages. */
  units: { id: string; name: string; role: 'admin' | 'organiser' }[]
}

export interface SessionActions {
  me: { request: Record<string, never> | undefined; response: Me }
}
