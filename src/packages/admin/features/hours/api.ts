import type { ReportRequest } from '@api/hours'
import { callFunction } from '@/services/cloud'

export const getHoursReport = (req: ReportRequest) => callFunction('hours', 'report', req)
export const exportHoursSheet = (req: ReportRequest) => callFunction('hours', 'exportSheet', req)
