/**
 * 我的数据 as an Excel workbook: one sheet per group (profile, units, applications, sign-ups, scans,
 * hours, certificates, youth groups, ratings, survey responses, wishes, 想参加), every value in Chinese.
 */
import type { MyData } from '@api/session'
import type { EntryKind, EntryStatus } from '@contract/hours'
import type { UnitStatus } from '@contract/org'
import { RATING_TAG_NAMES, type RatingTag } from '@contract/rating'
import type { RegistrationState } from '@contract/signup'
import { SURVEY_STATE_NAMES } from '@contract/survey'
import type { WishState } from '@contract/wish'
import { YOUTH_GROUP_KIND_NAMES, YOUTH_GROUP_STATE_NAMES } from '@contract/youth-group'
import { shanghaiDateTime } from '../domain/shanghai-time'

export const MY_DATA_SHEET_NAMES = {
  profile: '个人资料',
  units: '所属单位',
  applications: '成员单位申请',
  signups: '报名记录',
  scans: '签到记录',
  hours: '志愿服务时长',
  certificates: '志愿服务证明',
  youthGroups: '我负责的青年团体',
  ratings: '我的活动评价',
  surveys: '问卷回答',
  wishes: '我提出的心愿',
  wishSupports: '我想参加的心愿',
} as const

const REGISTRATION_NAMES: Record<RegistrationState, string> = {
  applied: '已申请',
  pending: '审核中',
  offered: '待确认',
  confirmed: '已报名',
  waitlisted: '候补中',
  rejected: '未通过',
  declined: '已放弃',
  expired: '已过期',
  cancelled: '已取消',
  attended: '已到场',
  no_show: '缺席',
}
const ENTRY_KIND_NAMES: Record<EntryKind, string> = {
  scan: '打卡',
  makeup: '补录',
  reversal: '冲正',
  correction: '更正',
}
const ENTRY_STATUS_NAMES: Record<EntryStatus, string> = { pending: '待确认', approved: '已确认', declined: '未通过' }
const UNIT_STATUS_NAMES: Record<UnitStatus, string> = { pending: '待审核', admitted: '已加入', rejected: '已驳回' }
const METHOD_NAMES = { site_code: '扫现场码', ticket: '出示入场券', walk_in: '现场登记' } as const
export const WISH_STATE_NAMES: Record<WishState, string> = { open: '展示中', withdrawn: '已撤回', hidden: '已隐藏' }

/** An instant on the Shanghai wall clock, whatever the server zone. */
const shanghai = (iso: string | null): string => (iso ? shanghaiDateTime(new Date(iso)) : '')

const tagsText = (tags: string[]) =>
  tags
    .map((t) => RATING_TAG_NAMES[t as RatingTag])
    .filter(Boolean)
    .join('、')

/** Writes the workbook; exceljs is loaded here, on the first export, so no other action pays for it. */
export async function writeMyDataSheet(d: MyData): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  const table = (name: string, headers: readonly string[], rows: (string | number)[][]) => {
    const sheet = book.addWorksheet(name)
    sheet.columns = headers.map((header, i) => ({ header, key: `c${i}`, width: i === 0 ? 28 : 16 }))
    sheet.getRow(1).font = { bold: true }
    for (const r of rows) sheet.addRow(r)
  }
  const p = d.profile
  table(
    MY_DATA_SHEET_NAMES.profile,
    ['项目', '内容'],
    [
      ['昵称', p.nickname],
      ['真实姓名', p.realName ?? ''],
      ['手机号', p.phone ?? ''],
      ['手机号验证时间', shanghai(p.phoneVerifiedAt)],
      ['出生日期', p.birthDate ?? ''],
      ['性别', p.gender ?? ''],
      ['共青团员', p.leagueMember ? '是' : '否'],
      ['证件类型', p.idType ?? ''],
      ['监护人', p.guardian ? `${p.guardian.name} ${p.guardian.phone}` : ''],
      ['监护人同意时间', shanghai(p.guardian?.consentAt ?? null)],
      ['注册时间', shanghai(p.createdAt)],
      ['同意隐私保护指引', p.privacyAgreedAt ? `${shanghai(p.privacyAgreedAt)}（版本 ${p.privacyVersion}）` : '未同意'],
    ],
  )
  table(
    MY_DATA_SHEET_NAMES.units,
    ['单位', '角色'],
    [
      ...d.units.map((u) => [u.name, u.role === 'admin' ? '管理员' : '组织者']),
      ...(d.districtAdmin ? [['团区委', '管理员']] : []),
    ],
  )
  table(
    MY_DATA_SHEET_NAMES.applications,
    ['单位', '状态', '联系人', '联系电话', '申请时间'],
    d.applications.map((a) => [
      a.unitName,
      UNIT_STATUS_NAMES[a.status],
      a.contactName,
      a.contactPhone,
      shanghai(a.createdAt),
    ]),
  )
  table(
    MY_DATA_SHEET_NAMES.signups,
    ['活动', '开始时间', '状态', '报名时间', '填写的信息'],
    d.signups.map((s) => [
      s.title,
      shanghai(s.startAt),
      REGISTRATION_NAMES[s.state],
      shanghai(s.createdAt),
      s.answers.map((a) => `${a.question}：${a.answer}`).join('；'),
    ]),
  )
  table(
    MY_DATA_SHEET_NAMES.scans,
    ['活动', '类型', '时间', '方式', '纬度', '经度'],
    d.scans.map((s) => [
      s.activityTitle,
      s.direction === 'in' ? '签到' : '签退',
      shanghai(s.scannedAt),
      METHOD_NAMES[s.method],
      s.latitude ?? '',
      s.longitude ?? '',
    ]),
  )
  table(
    MY_DATA_SHEET_NAMES.hours,
    ['活动', '日期', '类型', '小时', '状态'],
    d.hours.map((h) => [h.activityTitle, h.day, ENTRY_KIND_NAMES[h.kind], h.hours, ENTRY_STATUS_NAMES[h.status]]),
  )
  table(
    MY_DATA_SHEET_NAMES.certificates,
    ['编号', '起', '止', '总时长（小时）', '出具时间'],
    d.certificates.map((c) => [c.code, c.from, c.to, c.totalHours, shanghai(c.issuedAt)]),
  )
  table(
    MY_DATA_SHEET_NAMES.youthGroups,
    ['团体', '类型', '人数', '状态', '登记时间'],
    (d.youthGroups ?? []).map((g) => [
      g.name,
      YOUTH_GROUP_KIND_NAMES[g.kind],
      g.size,
      YOUTH_GROUP_STATE_NAMES[g.state],
      shanghai(g.createdAt),
    ]),
  )
  table(
    MY_DATA_SHEET_NAMES.ratings,
    ['活动', '星级', '标签', '留言', '评价时间'],
    (d.ratings ?? []).map((r) => [r.title, r.stars, tagsText(r.tags), r.comment ?? '', shanghai(r.ratedAt)]),
  )
  table(
    MY_DATA_SHEET_NAMES.surveys,
    ['问卷', '发起方', '状态', '填写时间', '题目', '回答'],
    (d.surveyResponses ?? []).flatMap((s) =>
      s.answers.map((a) => [
        s.title,
        s.ownerUnitName ?? '团区委',
        SURVEY_STATE_NAMES[s.status],
        shanghai(s.answeredAt),
        a.question,
        a.answer,
      ]),
    ),
  )
  table(
    MY_DATA_SHEET_NAMES.wishes,
    ['心愿', '类别', '说明', '希望月份', '状态', '想参加人数', '提出时间'],
    (d.wishes ?? []).map((w) => [
      w.title,
      w.categoryName,
      w.body,
      w.months.map((m) => `${m}月`).join('、'),
      WISH_STATE_NAMES[w.state],
      w.supporters,
      shanghai(w.createdAt),
    ]),
  )
  table(
    MY_DATA_SHEET_NAMES.wishSupports,
    ['心愿', '状态', '想参加时间'],
    (d.wishSupports ?? []).map((w) => [w.title, WISH_STATE_NAMES[w.state], shanghai(w.createdAt)]),
  )
  return Buffer.from(await book.xlsx.writeBuffer())
}
