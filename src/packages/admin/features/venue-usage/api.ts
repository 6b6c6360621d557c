import type { UsageRequest } from '@api/venue'
import { callFunction } from '@/services/cloud'

export const getVenueUsage = (req: UsageRequest) => callFunction('venue', 'usage', req)
export const exportVenueUsage = (req: UsageRequest) => callFunction('venue', 'exportUsage', req)
