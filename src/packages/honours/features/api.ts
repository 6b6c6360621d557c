/** The honour pages' calls of the `honour` function. */
import type { HonourCandidates, HonourKind, HonourNomination, HonourRoll, MyHonour } from '@api/honour'
import { callFunction } from '@/services/cloud'

export const HONOUR_PAGES = '/packages/honours/pages'

export const honourRoll = (year: number): Promise<HonourRoll> => callFunction('honour', 'roll', { year })
export const myHonours = (): Promise<{ items: MyHonour[] }> => callFunction('honour', 'mine', undefined)
export const honourKinds = (year: number): Promise<{ items: HonourKind[] }> => callFunction('honour', 'kinds', { year })
export const honourCandidates = (kindId: string, unitId: string): Promise<HonourCandidates> =>
  callFunction('honour', 'candidates', { kindId, unitId })
export const nominate = (input: {
  kindId: string
  unitId: string
  userId: string
  reason: string
}): Promise<HonourNomination> => callFunction('honour', 'nominate', input)
export const pendingNominations = (year: number): Promise<{ items: HonourNomination[] }> =>
  callFunction('honour', 'nominations', { year, state: 'pending' })
export const decideHonour = (nominationId: string, approve: boolean, reason = ''): Promise<HonourNomination> =>
  callFunction('honour', 'decide', { nominationId, approve, reason })

/** 12.5 小时 · 参加活动 4 次 · 证明 1 份 */
export function recordLine(r: HonourNomination['record']): string {
  return `${r.year} 年志愿服务 ${r.approvedHours} 小时 · 参加活动 ${r.activitiesAttended} 次 · 志愿服务证明 ${r.certificates.length} 份`
}
