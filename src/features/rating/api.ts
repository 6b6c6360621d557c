import type { DistrictRequest, RateRequest } from '@api/rating'
import { callFunction } from '@/services/cloud'

export const rateEvent = (req: RateRequest) => callFunction('rating', 'rate', req)
export const myRatings = () => callFunction('rating', 'mine', {})
export const eventRatings = (activityId: string) => callFunction('rating', 'eventSummary', { activityId })
export const districtRatings = (req: DistrictRequest) => callFunction('rating', 'district', req)
export const exportDistrictRatings = (req: DistrictRequest) => callFunction('rating', 'export', req)
