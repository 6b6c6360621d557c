/** Member units (成员单位), their members and invites, and the district they belong to. */
import type { UnitKind, UnitMember, UnitRole, UnitStatus } from '@api/org'
import type { Db } from './tx'

export interface UnitRecord {
  id: string
  districtId: string
  name: string
  kind: UnitKind
  intro: string
  status: UnitStatus
  contactName: string
  contactPhone: string
  applicantId: string | null
  reviewReason: string | null
  reviewedAt: Date | null
  createdAt: Date
}

interface UnitRow {
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

function toRecord(r: UnitRow): UnitRecord {
  return {
    id: r.id,
    districtId: r.district_id,
    name: r.name,
    kind: r.kind,
    intro: r.intro,
    status: r.status,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    applicantId: r.applicant_id,
    reviewReason: r.review_reason,
    reviewedAt: r.reviewed_at,
    createdAt: r.created_at,
  }
}

export async function findUnit(db: Db, id: string, forUpdate = false): Promise<UnitRecord | null> {
  const { rows } = await db.query<UnitRow>(
    `select ${UNIT_COLUMNS} from org_unit where id = $1${forUpdate ? ' for update' : ''}`,
    [id],
  )
  return rows[0] ? toRecord(rows[0]) : null
}

export async function listUnits(db: Db, districtId: string, status: UnitStatus): Promise<UnitRecord[]> {
  const { rows } = await db.query<UnitRow>(
    `select ${UNIT_COLUMNS} from org_unit where district_id = $1 and status = $2 order by created_at, id`,
    [districtId, status],
  )
  return rows.map(toRecord)
}

/** The units a person applied for, newest first. */
export async function listApplications(db: Db, applicantId: string, limit: number): Promise<UnitRecord[]> {
  const { rows } = await db.query<UnitRow>(
    `select ${UNIT_COLUMNS} from org_unit where applicant_id = $1 order by created_at desc, id limit $2`,
    [applicantId, limit],
  )
  return rows.map(toRecord)
}

/** The districts the given units belong to. */
export async function districtsOfUnits(db: Db, unitIds: string[]): Promise<string[]> {
  const { rows } = await db.query<{ district_id: string }>(
    'select district_id from org_unit where id = any($1::uuid[])',
    [unitIds],
  )
  return rows.map((r) => r.district_id)
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
): Promise<UnitRecord> {
  const { rows } = await db.query<UnitRow>(
    `insert into org_unit (district_id, name, kind, intro, contact_name, contact_phone, applicant_id, status)
     values ($1, $2, $3, $4, $5, $6, $7, 'pending') returning ${UNIT_COLUMNS}`,
    [u.districtId, u.name, u.kind, u.intro, u.contactName, u.contactPhone, u.applicantId],
  )
  return toRecord(rows[0])
}

export async function setUnitReview(
  db: Db,
  id: string,
  status: 'admitted' | 'rejected',
  reason: string | null,
  reviewerId: string,
  at: Date,
): Promise<UnitRecord> {
  const { rows } = await db.query<UnitRow>(
    `update org_unit set status = $2, review_reason = $3, reviewed_by = $4, reviewed_at = $5 where id = $1 returning ${UNIT_COLUMNS}`,
    [id, status, reason, reviewerId, at],
  )
  return toRecord(rows[0])
}

export async function updateUnitProfile(
  db: Db,
  id: string,
  p: Partial<{ name: string; kind: UnitKind; intro: string; contactName: string; contactPhone: string }>,
): Promise<UnitRecord> {
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
  return toRecord(rows[0])
}

export async function addMember(db: Db, unitId: string, userId: string, role: UnitRole): Promise<boolean> {
  const r = await db.query(
    'insert into unit_member (unit_id, user_id, role) values ($1, $2, $3) on conflict do nothing',
    [unitId, userId, role],
  )
  return (r.rowCount ?? 0) > 0
}

/** The unit's member rows, locked so two admins cannot demote each other at once. */
export async function lockMembers(db: Db, unitId: string): Promise<{ userId: string; role: UnitRole }[]> {
  const { rows } = await db.query<{ user_id: string; role: UnitRole }>(
    'select user_id, role from unit_member where unit_id = $1 for update',
    [unitId],
  )
  return rows.map((r) => ({ userId: r.user_id, role: r.role }))
}

export async function removeMember(db: Db, unitId: string, userId: string): Promise<void> {
  await db.query('delete from unit_member where unit_id = $1 and user_id = $2', [unitId, userId])
}

export async function setMemberRole(db: Db, unitId: string, userId: string, role: UnitRole): Promise<void> {
  await db.query('update unit_member set role = $3 where unit_id = $1 and user_id = $2', [unitId, userId, role])
}

export async function hasAdmin(db: Db, unitId: string): Promise<boolean> {
  const r = await db.query("select 1 from unit_member where unit_id = $1 and role = 'admin'", [unitId])
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

export interface InviteRecord {
  unitId: string
  expiresAt: Date
  uses: number
  maxUses: number
}

export async function insertInvite(
  db: Db,
  code: string,
  unitId: string,
  createdBy: string,
  expiresAt: Date,
): Promise<void> {
  await db.query('insert into unit_invite (code, unit_id, created_by, expires_at) values ($1, $2, $3, $4)', [
    code,
    unitId,
    createdBy,
    expiresAt,
  ])
}

/** The invite behind a code, unlocked (a first look before the transaction). */
export function peekInvite(db: Db, code: string): Promise<InviteRecord | null> {
  return readInvite(db, code, '')
}

/** The invite behind a code, locked until the transaction ends. */
export function lockInvite(db: Db, code: string): Promise<InviteRecord | null> {
  return readInvite(db, code, 'for update')
}

async function readInvite(db: Db, code: string, lock: '' | 'for update'): Promise<InviteRecord | null> {
  const { rows } = await db.query<{ unit_id: string; expires_at: Date; uses: number; max_uses: number }>(
    `select unit_id, expires_at, uses, max_uses from unit_invite where code = $1 ${lock}`,
    [code],
  )
  const r = rows[0]
  return r ? { unitId: r.unit_id, expiresAt: r.expires_at, uses: r.uses, maxUses: r.max_uses } : null
}

export async function spendInvite(db: Db, code: string): Promise<void> {
  await db.query('update unit_invite set uses = uses + 1 where code = $1', [code])
}

export interface DistrictRecord {
  id: string
  name: string
  allowAdhocEvents: boolean
}

export async function findDistrict(db: Db, id: string): Promise<DistrictRecord | null> {
  const { rows } = await db.query<{ id: string; name: string; allow_adhoc_events: boolean }>(
    'select id, name, allow_adhoc_events from district where id = $1',
    [id],
  )
  const r = rows[0]
  return r ? { id: r.id, name: r.name, allowAdhocEvents: r.allow_adhoc_events } : null
}
