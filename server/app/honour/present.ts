/** How honour rows are answered: dates as ISO text, names as each reader may see them. */
import type { HonourKind, HonourNomination } from '@api/honour'
import { nominationsOpen } from '../../domain/honour'
import type { HonourKindRow, NominationRow } from '../../store/honours'

export const presentKind = (k: HonourKindRow, now: Date): HonourKind => ({
  id: k.id,
  year: k.year,
  name: k.name,
  quotaPerUnit: k.quotaPerUnit,
  opensAt: k.opensAt.toISOString(),
  closesAt: k.closesAt.toISOString(),
  open: nominationsOpen(k, now),
})

/** For the nominating unit's organisers and the district: the whole name (they know the person). */
export const presentNomination = (n: NominationRow): HonourNomination => ({
  id: n.id,
  kindId: n.kindId,
  kindName: n.kindName,
  year: n.year,
  unitId: n.unitId,
  unitName: n.unitName,
  userId: n.userId,
  name: n.realName ?? n.nickname,
  reason: n.reason,
  record: n.record,
  state: n.state,
  declineReason: n.declineReason,
  createdAt: n.createdAt.toISOString(),
  decidedAt: n.decidedAt?.toISOString() ?? null,
})
