import { callFunction } from '@/services/cloud'

/** Public: checks a certificate's verification code. */
export const verifyCertificate = (code: string) => callFunction('hours', 'verify', { code })
