/** Member units (成员单位), their members and invites. */
import type { Unit, UnitDetail, UnitKind, UnitMember, UnitRole, UnitStatus } from '@api/org'
import type { Db } from './tx'

export interface UnitRow {
  id: string
  district_id: string
  name: string
  kind: UnitKind
  intro: string
  status: UnitStatus
  contact_name: string
  contact_phone: string
  applicant_id: string | null
  review_reason: string | null
  reviewed_at: Date | null
  created_at: Date
}

const UNIT_COLUMNS = `id, district_id, name, kind, intro, status, contact_name, contact_phone, applicant_id,
  review_reason, reviewed_at, created_at`

export async function findUnit(db: Db, id: string, forUpdate = false): Promise<UnitRow | null> {
  const { rows } = await db.query<UnitRow>(
    `select ${UNIT_COLUMNS} from org_unit where id = $1${forUpdate ? ' for update' : ''}`,
    [id],
  )
  return rows[0] ?? null
}

export async function listUnits(db: Db, districtId: string, status: UnitStatus): Promise<Unit[]> {
  const { rows } = await db.query<UnitRow>(
    `select ${UNIT_COLUMNS} from org_unit where district_id = $1 and status = $2 order by created_at, id`,
    [districtId, status],
  )
  return rows.map(toUnit)
}

export async function insertUnit(
  db: Db,
  u: {
    districtId: string
    name: string
    kind: UnitKind
    intro: string
    contactName: string
    contactPhone: string
    applicantId: string
  },
): Promise<UnitRow> {
  const { rows } = await db.query<UnitRow>(
    `insert into org_unit (district_id, name, kind, intro, contact_name, contact_phone, applicant_id, status)
     values ($1, $2, $3, $4, $5, $6, $7, 'pending') returning ${UNIT_COLUMNS}`,
    [u.districtId, u.name, u.kind, u.intro, u.contactName, u.contactPhone, u.applicantId],
  )
  return rows[0]
}

export async function setUnitReview(
  db: Db,
  id: string,
  status: 'admitted' | 'rejected',
  reason: string | null,
  reviewerId: string,
  at: Date,
): Promise<UnitRow> {
  const { rows } = await db.query<UnitRow>(
    `update org_unit set status = $2, review_reason = $3, reviewed_by = $4, reviewed_at = $5 where id = $1 returning ${UNIT_COLUMNS}`,
    [id, status, reason, reviewerId, at],
  )
  return rows[0]
}

export async function updateUnitProfile(
  db: Db,
  id: string,
  p: Partial<{ name: string; kind: UnitKind; intro: string; contactName: string; contactPhone: string }>,
): Promise<UnitRow> {
  const { rows } = await db.query<UnitRow>(
    `update org_unit set name = coalesce($2, name), kind = coalesce($3, kind), intro = coalesce($4, intro),
       contact_name = coalesce($5, contact_name), contact_phone = coalesce($6, contact_phone)
     where id = $1 returning ${UNIT_COLUMNS}`,
    [id, p.name ?? null, p.kind ?? null, p.intro ?? null, p.contactName ?? null, p.contactPhone ?? null],
  )
  // Keep the denormalised search text of the unit's events in step with its name.
  if (p.name) {
    await db.query(`update activity set search_text = title || ' ' || place_name || ' ' || $2 where unit_id = $1`, [
      id,
      p.name,
    ])
  }
  return rows[0]
}

export async function addMember(db: Db, unitId: string, userId: string, role: UnitRole): Promise<boolean> {
  const r = await db.query(
    'insert into unit_member (unit_id, user_id, role) values ($1, $2, $3) on conflict do nothing',
    [unitId, userId, role],
  )
  return (r.rowCount ?? 0) > 0
}

export async function listMembers(db: Db, unitId: string): Promise<UnitMember[]> {
  const { rows } = await db.query<{ user_id: string; nickname: string; role: UnitRole }>(
    `select m.user_id, u.nickname, m.role from unit_member m join app_user u on u.id = m.user_id
     where m.unit_id = $1 order by m.role, u.nickname, m.user_id`,
    [unitId],
  )
  return rows.map((r) => ({ userId: r.user_id, nickname: r.nickname, role: r.role }))
}

export function toUnit(r: UnitRow): Unit {
  return { id: r.id, districtId: r.district_id, name: r.name, kind: r.kind, intro: r.intro, status: r.status }
}

export function toUnitDetail(
  r: UnitRow,
  myRole: UnitRole | null,
  showContact: boolean,
  mask: (p: string) => string,
): UnitDetail {
  return {
    ...toUnit(r),
    contactName: r.contact_name,
    contactPhone: showContact ? r.contact_phone : mask(r.contact_phone),
    reviewReason: r.review_reason,
    reviewedAt: r.reviewed_at ? r.reviewed_at.toISOString() : null,
    createdAt: r.created_at.toISOString(),
    myRole,
  }
}
