/** The young person's calls of the `signup` function (detail page, 我的活动, 个人资料). */
import type { ProfileUpdateRequest, SignupRequest } from '@api/signup'
import type { MyTab } from '@contract/signup'
import { callFunction } from '@/services/cloud'

export type { MyTab } from '@contract/signup'

export const getSummary = (activityId: string) => callFunction('signup', 'summary', { activityId })
export const getMine = (activityId: string) => callFunction('signup', 'mine', { activityId })
export const signUp = (req: SignupRequest) => callFunction('signup', 'signup', req)
export const cancelRegistration = (registrationId: string) => callFunction('signup', 'cancel', { registrationId })
export const acceptOffer = (registrationId: string) => callFunction('signup', 'acceptOffer', { registrationId })
export const declineOffer = (registrationId: string) => callFunction('signup', 'declineOffer', { registrationId })
export const listMine = (tab: MyTab) => callFunction('signup', 'myList', { tab })
export const getProfile = () => callFunction('signup', 'profile', {})
export const updateProfile = (req: ProfileUpdateRequest) => callFunction('signup', 'updateProfile', req)
/** The person accepted the notice template in the sign-up tap: one message about a change may reach them. */
export const subscribeNotices = (activityId: string) => callFunction('signup', 'subscribeNotices', { activityId })
