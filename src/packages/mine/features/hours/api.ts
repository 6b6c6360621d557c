import { callFunction } from '@/services/cloud'

export const getMyHours = () => callFunction('hours', 'mine', {})
export const getCertificate = (from: string, to: string) => callFunction('hours', 'certificate', { from, to })
