import type { RecordMineRequest } from '@api/record'
import { callFunction } from '@/services/cloud'

export const myRecord = (req: RecordMineRequest) => callFunction('record', 'mine', req)
export const mySummary = () => callFunction('record', 'summary', {})
