import { callFunction } from '@/services/cloud'

/** Records on the server that the signed-in person agreed to this version of the guide. */
export const agreePrivacy = (version: string) => callFunction('session', 'agreePrivacy', { version })
