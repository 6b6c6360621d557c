/** A unit as the API shows it: the contact phone whole only to those who may see it. */
import type { Unit, UnitDetail, UnitListItem } from '@api/org'
import { can, roleIn, type Actor } from '../../domain/policy'
import { maskPhone } from '../../domain/privacy'
import type { UnitRecord } from '../../store/units'

export function toUnit(u: UnitRecord): Unit {
  return { id: u.id, districtId: u.districtId, name: u.name, kind: u.kind, intro: u.intro, status: u.status }
}

/** An application as its reviewer sees it (the phone unmasked only for those who may see it). */
export function toApplication(u: UnitRecord, actor: Actor | null): UnitListItem {
  const d = toUnitDetail(u, actor)
  return {
    ...toUnit(u),
    application: {
      contactName: d.contactName,
      contactPhone: d.contactPhone,
      submittedAt: d.createdAt,
      reviewReason: d.reviewReason,
      reviewedAt: d.reviewedAt,
    },
  }
}

export function toUnitDetail(u: UnitRecord, actor: Actor | null): UnitDetail {
  return {
    ...toUnit(u),
    contactName: u.contactName,
    contactPhone: can.seeUnitContact(actor, u) ? u.contactPhone : maskPhone(u.contactPhone),
    reviewReason: u.reviewReason,
    reviewedAt: u.reviewedAt ? u.reviewedAt.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
    myRole: roleIn(actor, u.id),
  }
}
