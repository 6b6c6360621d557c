import type { YouthGroupApplyRequest } from '@api/youth-group'
import { callFunction } from '@/services/cloud'

export const myYouthGroups = () => callFunction('org', 'myYouthGroups', {})

export const applyYouthGroup = (req: YouthGroupApplyRequest) => callFunction('org', 'applyYouthGroup', req)

/** The group's upcoming and current venue bookings (its leader sees and cancels them). */
export const groupBookings = (groupId: string) => callFunction('venue', 'groupBookings', { groupId })

export const cancelGroupBooking = (bookingId: string) => callFunction('venue', 'cancel', { bookingId })
