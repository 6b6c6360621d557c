/** My identity code (身份码): what a site organiser scans to register me on the spot. */
import { callFunction } from '@/services/cloud'

export const getIdentityCode = () => callFunction('checkin', 'identityCode', {})
