/** The local host's demo people (never part of the WeChat build). */
export const DEV_PERSONAS = ['youth', 'organiser', 'district_admin', 'new'] as const
export type DevPersona = (typeof DEV_PERSONAS)[number]
