import { callFunction } from '@/services/cloud'

/** 志愿时长公示 of one event: confirmed hours on notice, names masked. */
export const getHoursNotice = (activityId: string) => callFunction('hours', 'notice', { activityId })
