/** A unit as the API shows it: the contact phone whole only to those who may see it. */
import type { Unit, UnitDetail } from '@api/org'
import { can, roleIn, type Actor } from '../../domain/policy'
import { maskPhone } from '../../domain/privacy'
import type { UnitRecord } from '../../store/units'

export function toUnit(u: UnitRecord): Unit {
  return { id: u.id, districtId: u.districtId, name: u.name, kind: u.kind, intro: u.intro, status: u.status }
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
