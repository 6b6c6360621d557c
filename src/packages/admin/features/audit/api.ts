import type { AuditKind } from '@api/org'
import { callFunction } from '@/services/cloud'

/** One page of the district's audit log (reads of whole phone numbers), newest first. */
export const getAuditLog = (kind: AuditKind | null, cursor?: string) =>
  callFunction('org', 'auditLog', { ...(kind ? { kind } : {}), ...(cursor ? { cursor } : {}) })
