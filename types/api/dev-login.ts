/**
 * Local host only: act as a seeded demo person. Never part of the WeChat build.
 * HTTP form: POST /api/_dev/login  {"persona":"youth"}  →  {"ok":true,"data":{"token":"…","me":{…}}}
 * Then send `Authorization: Bearer <token>` with every POST /api/<function>.
 */
export const DEV_PERSONAS = ['youth', 'organiser', 'district_admin', 'new'] as const
export type DevPersona = (typeof DEV_PERSONAS)[number]

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
