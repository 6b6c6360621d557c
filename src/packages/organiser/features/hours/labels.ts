/** How ledger entries read to an organiser: kinds, statuses and review flags in plain Chinese. */
import type { AuditRecord, LedgerEntry } from '@api/hours'
import type { DayStatus, HOURS_FLAGS } from '@contract/hours'
import { STATUS_NAMES, hoursText } from '@/features/hours/format'

export { KIND_NAMES, STATUS_NAMES, dayText, hoursText, statusView as entryStatus } from '@/features/hours/format'

type Flag = (typeof HOURS_FLAGS)[number] | Exclude<DayStatus, 'ok' | 'needs_review'>

/** Every flag of the contract has its words: a new flag there is a compile error here. */
const FLAG_TEXT: Record<Flag, string> = {
  missing_check_out: '未签退，需核实',
  repeated_check_in: '重复签到（按第一次计）',
  check_out_without_check_in: '有签退无签到（已忽略）',
  extra_pairs_ignored: '当天签到超过 3 次，多出的未计',
  far_from_venue: '签到位置离活动地点较远，需核实',
  adjusted: '组织者已手动调整',
  below_minimum: '在场不足规定比例，不计时长',
  participation_only: '该类活动只记参与，不计时长',
}

const isFlag = (flag: string): flag is Flag => Object.prototype.hasOwnProperty.call(FLAG_TEXT, flag)

/** A review flag in plain Chinese; unknown flags still say that someone should look. */
export function flagText(flag: string): string {
  return isFlag(flag) ? FLAG_TEXT[flag] : `需核实（${flag}）`
}

/** Every flag of an entry, plus 需核实 when the server says so without a flag we can name. */
export function entryFlags(e: Pick<LedgerEntry, 'flags' | 'needsReview'>): string[] {
  const texts = e.flags.map(flagText)
  if (e.needsReview && !texts.some((t) => t.includes('需核实'))) texts.push('需核实')
  return [...new Set(texts)]
}

/** 150 → "2小时30分", 45 → "45分". */
export function minutesText(m: number): string {
  const h = Math.floor(m / 60)
  const rest = m % 60
  if (h === 0) return `${rest}分`
  return rest ? `${h}小时${rest}分` : `${h}小时`
}

export const AUDIT_ACTIONS: Record<AuditRecord['action'], string> = {
  close: '汇总',
  adjust: '调整',
  decline: '不通过',
  makeup: '补录',
  confirm: '确认',
  approve: '公示期满生效',
  correct: '更正',
}

/** "2.5 小时（待确认）", or "—" when there was nothing before / after. */
export function auditSide(s: AuditRecord['before']): string {
  return s ? `${hoursText(s.hours)} 小时（${STATUS_NAMES[s.status]}）` : '—'
}
