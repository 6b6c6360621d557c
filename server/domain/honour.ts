/** Honours (荣誉): the pure rules of nominating and deciding. */

export type HonourRuleFailure =
  | { kind: 'badWindow' }
  | { kind: 'nominationsClosed' }
  | { kind: 'quotaFull'; quota: number }
  | { kind: 'alreadyDecided' }
  | { kind: 'declineNeedsReason' }

/** A kind's nomination window must close after it opens. */
export function checkWindow(opensAt: Date, closesAt: Date): HonourRuleFailure | null {
  return closesAt.getTime() > opensAt.getTime() ? null : { kind: 'badWindow' }
}

/** Whether nominations for a kind are open at `now` (from opensAt, until closesAt). */
export const nominationsOpen = (kind: { opensAt: Date; closesAt: Date }, now: Date): boolean =>
  now.getTime() >= kind.opensAt.getTime() && now.getTime() < kind.closesAt.getTime()

export function checkNominationOpen(kind: { opensAt: Date; closesAt: Date }, now: Date): HonourRuleFailure | null {
  return nominationsOpen(kind, now) ? null : { kind: 'nominationsClosed' }
}

/** A unit may make `quota` nominations for a kind (declined ones do not count); null: no limit. */
export function checkQuota(quota: number | null, used: number): HonourRuleFailure | null {
  return quota !== null && used >= quota ? { kind: 'quotaFull', quota } : null
}

/** A pending nomination is decided once; declining says why. */
export function checkDecision(state: string, approve: boolean, reason: string): HonourRuleFailure | null {
  if (state !== 'pending') return { kind: 'alreadyDecided' }
  if (!approve && reason.trim().length < 2) return { kind: 'declineNeedsReason' }
  return null
}
