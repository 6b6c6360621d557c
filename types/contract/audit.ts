/** The audit log of reads of whole phone numbers (org.auditLog): its kinds and their Chinese labels. */
export const AUDIT_KINDS = ['roster_read', 'roster_change', 'roster_export', 'hours_export', 'plan_export'] as const
export type AuditKind = (typeof AUDIT_KINDS)[number]

export const AUDIT_KIND_NAMES: Record<AuditKind, string> = {
  roster_read: '查看报名名单',
  roster_change: '处理报名（显示手机号）',
  roster_export: '导出报名名单',
  hours_export: '导出志愿时长',
  plan_export: '导出年度清单',
}
