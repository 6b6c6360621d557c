/**
 * API contract of the `signup` cloud function: signing up for activities, the waitlist, approval,
 * balanced quotas, apply-then-select draws, attendance, and the organiser's roster.
 */
import * as z from 'zod'
import type { ActivityPhase } from './activity'
import { phone, text, type UploadTarget } from './common'
import { UPLOAD_IMAGE_EXTS } from '../contract/files'
import {
  ID_TYPES,
  MY_TABS,
  QUESTION_KINDS,
  NOTICE_KINDS,
  NOTICE_TEXT_MAX,
  REGISTRATION_STATES,
  ROSTER_ATTENDANCE,
  type IdType,
  type NoticeKind,
  type RegistrationState,
} from '../contract/signup'

// Runtime constants live in a zod-free module pages may import; re-exported for existing imports.
export {
  ACTIVE_STATES,
  ID_TYPES,
  MY_TABS,
  NOTICE_KINDS,
  NOTICE_DAILY_LIMIT,
  NOTICE_KIND_NAMES,
  NOTICE_TEXT_MAX,
  QUESTION_KINDS,
  REGISTRATION_STATES,
  ROSTER_ATTENDANCE,
  SEAT_HOLDING,
  type IdType,
  type MyTab,
  type NoticeKind,
  type QuestionKind,
  type RosterAttendance,
  type RegistrationState,
} from '../contract/signup'

// ---------- Per-event settings (set by organisers) ----------

export const questionSchema = z.strictObject({
  /** Stable id referenced by answers and quotas, e.g. "gender". */
  id: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,31}$/, { message: '请使用小写字母开头的字母、数字组合' })
    .meta({ label: '问题编号' }),
  label: text(1, 60),
  kind: z.enum(QUESTION_KINDS),
  required: z.boolean().default(false),
  /** Choices for single/multi. */
  options: z.array(text(1, 30)).max(20).default([]),
})
export type FormQuestion = z.output<typeof questionSchema>

export const quotaSchema = z.strictObject({
  /** The answer to `quotaQuestionId` this quota holds, e.g. "男". */
  key: text(1, 30),
  capacity: z.number().int().min(1).max(100_000),
})

export const signupSettingsSchema = z.strictObject({
  /** fcfs: first come, first served. select: people apply in the window; the organiser picks or draws at close. */
  allocation: z.enum(['fcfs', 'select']).default('fcfs'),
  approvalRequired: z.boolean().default(false),
  waitlist: z.boolean().default(true),
  /** Who may sign up. */
  eligibility: z
    .strictObject({
      leagueMembersOnly: z.boolean().default(false),
      minAge: z.number().int().min(0).max(120).nullable().default(null),
      maxAge: z.number().int().min(0).max(120).nullable().default(null),
      /** Minimum attendance rate (0–1) over the recent record; null = no requirement. */
      minAttendanceRate: z.number().min(0).max(1).nullable().default(null),
    })
    .default({ leagueMembersOnly: false, minAge: null, maxAge: null, minAttendanceRate: null }),
  /** Hours before the start after which people can no longer cancel themselves. */
  cancelDeadlineHours: z.number().int().min(0).max(720).default(24),
  questions: z.array(questionSchema).max(20).default([]),
  /** Split capacity by the answer to this single-choice question; quotas must cover its options. */
  quotaQuestionId: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,31}$/)
    .nullable()
    .default(null),
  quotas: z.array(quotaSchema).max(20).default([]),
  /** When a seat frees up: confirm the next in line (direct), offer it (offer), or leave it to the organiser (off). */
  promotion: z.enum(['direct', 'offer', 'off']).default('direct'),
  offerHours: z.number().int().min(1).max(168).default(48),
  /** No promotion within this many hours before the start. */
  promotionCutoffHours: z.number().int().min(0).max(168).default(2),
  /**
   * Whether people must give their real name to sign up; null: by default, which is yes for mixers
   * (交友联谊) and for events that earn volunteer hours.
   */
  realNameRequired: z.boolean().nullable().default(null),
})
export type SignupSettings = z.output<typeof signupSettingsSchema>
export type SignupSettingsInput = z.input<typeof signupSettingsSchema>

export const settingsUpdateRequest = z.strictObject({ activityId: z.uuid(), settings: signupSettingsSchema })
export type SettingsUpdateRequest = z.input<typeof settingsUpdateRequest>

// ---------- People ----------

export const answersSchema = z.record(
  z.string().regex(/^[a-z][a-z0-9_]{0,31}$/),
  z.union([text(0, 500), z.array(text(1, 30)).max(20)]),
)

export const signupRequest = z.strictObject({
  activityId: z.uuid(),
  /** Client-generated per tap; a retried call with the same key returns the first result. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  answers: answersSchema.default({}),
  /** The person accepted the reminder subscribe message in this tap. */
  remind: z.boolean().default(false),
})
export type SignupRequest = z.input<typeof signupRequest>

export const registrationIdRequest = z.strictObject({ registrationId: z.uuid() })
export type RegistrationIdRequest = z.input<typeof registrationIdRequest>

export const myListRequest = z
  .strictObject({
    tab: z.enum(MY_TABS).default('upcoming'),
  })
  .optional()
export type MyListRequest = z.input<typeof myListRequest>

/** A guardian's consent for a person under 14, given in their profile: the guardian agrees (consent: true). */
export const guardianSchema = z.strictObject({
  name: text(1, 20).meta({ label: '姓名' }),
  phone: phone(),
  consent: z.literal(true).meta({ label: '同意声明' }),
})

/** A person's own profile. The phone is not typed here: it comes only from WeChat's phone button (session.bindPhone). */
export const profileUpdateRequest = z.strictObject({
  realName: text(1, 20).optional(),
  birthDate: z.iso.date().optional(),
  gender: z.enum(['男', '女']).optional(),
  leagueMember: z.boolean().optional(),
  idType: z.enum(ID_TYPES).optional(),
  guardian: guardianSchema.optional(),
  /** An avatar the person uploaded (signup.avatarUpload), or null to remove it. */
  avatar: z
    .string()
    .trim()
    .max(300)
    .regex(/^(cloud|local):\/\//, { message: '图片无效，请重新上传' })
    .nullable()
    .optional()
    .meta({ label: '头像' }),
})
export type ProfileUpdateRequest = z.input<typeof profileUpdateRequest>

export interface Profile {
  realName: string | null
  /** The bound phone, whole (it is the person's own). */
  phone: string | null
  /** The phone came from WeChat's phone button (session.bindPhone), not typed. */
  phoneVerified: boolean
  /** The guardian who consented for a person under 14, and when; null when none is on record. */
  guardian: { name: string; phone: string; consentAt: string } | null
  birthDate: string | null
  gender: '男' | '女' | null
  leagueMember: boolean
  /** For the hours export to the national systems; Qingju does not collect the ID number itself. */
  idType: IdType | null
  /** attended / (attended + no-shows) over the counting window; null without any record. */
  attendanceRate: number | null
  attended: number
  noShows: number
  /** A display link (short-lived) of the person's avatar; null (or absent) when none is set. */
  avatarUrl?: string | null
}

/** An upload name for the person's own avatar, in the picked file's kind. */
export const avatarUploadRequest = z.strictObject({
  file: z.enum(UPLOAD_IMAGE_EXTS).meta({ label: '图片格式' }),
})
export type AvatarUploadRequest = z.input<typeof avatarUploadRequest>

export interface Registration {
  id: string
  activityId: string
  state: RegistrationState
  quotaKey: string
  /** 1-based place among people waiting in the same quota; null unless waitlisted. */
  waitlistPosition: number | null
  offerExpiresAt: string | null
  answers: Record<string, string | string[]>
  reason: string | null
  createdAt: string
  /** Whether the person may still cancel it themselves. */
  cancellable: boolean
}

export interface MyRegistration extends Registration {
  activity: {
    id: string
    title: string
    startAt: string
    endAt: string
    placeName: string
    unitName: string
    phase: ActivityPhase
  }
}

// ---------- Organisers ----------

export const rosterRequest = z.strictObject({
  activityId: z.uuid(),
  state: z.enum(REGISTRATION_STATES).optional(),
  quotaKey: text(1, 30).optional(),
  /** Part of a name (real name or nickname), or the last 4 or more digits of a phone number. */
  search: text(1, 20).meta({ label: '搜索内容' }).optional(),
  /** After check-in opens: people who checked in (or were marked present), or not. */
  attendance: z.enum(ROSTER_ATTENDANCE).meta({ label: '签到情况' }).optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
})
export type RosterRequest = z.input<typeof rosterRequest>

export interface RosterPage {
  items: RosterEntry[]
  nextCursor: string | null
  /**
   * On the first page (no cursor): how many registrations match the search, quota and attendance
   * filters in each state (the state filter itself left out), for the chips; null on later pages.
   */
  counts: Partial<Record<RegistrationState, number>> | null
  /** Check-in has opened (the attendance filter applies from then on). */
  checkinOpen: boolean
}

// ---------- Notices to everyone confirmed (通知已报名人员) ----------

/** What a notice is about: 时间变更 / 地点变更 / 其他通知. */
export const sendNoticeRequest = z.strictObject({
  activityId: z.uuid(),
  kind: z.enum(NOTICE_KINDS).meta({ label: '通知类型' }),
  /** The note shown in the subscribe message's thing field: WeChat allows at most 20 characters. */
  text: text(1, NOTICE_TEXT_MAX).meta({ label: '通知内容' }),
})
export type SendNoticeRequest = z.input<typeof sendNoticeRequest>

export const noticeListRequest = z.strictObject({ activityId: z.uuid() })
export type NoticeListRequest = z.input<typeof noticeListRequest>

export interface ActivityNotice {
  id: string
  kind: NoticeKind
  text: string
  sentAt: string
  sentBy: { userId: string; nickname: string }
  /** Everyone confirmed when it was sent. */
  recipients: number
  /** Of them, people who had not subscribed to notices (WeChat delivers only to subscribers). */
  unreachable: number
}

export interface NoticeList {
  items: ActivityNotice[]
  /** Notices still allowed today (Shanghai calendar day). */
  leftToday: number
}

export const decideRequest = z.strictObject({
  registrationId: z.uuid(),
  decision: z.enum(['approve', 'reject']),
  reason: text(0, 200).optional(),
})
export type DecideRequest = z.input<typeof decideRequest>

export const moveQuotaRequest = z.strictObject({ registrationId: z.uuid(), quotaKey: text(1, 30) })
export type MoveQuotaRequest = z.input<typeof moveQuotaRequest>

export const drawRequest = z.strictObject({
  activityId: z.uuid(),
  /** Any string; the same seed over the same applicants gives the same result. Omitted: one is generated and recorded. */
  seed: z.string().min(1).max(64).optional(),
})
export type DrawRequest = z.input<typeof drawRequest>

export const pickRequest = z.strictObject({ activityId: z.uuid(), registrationIds: z.array(z.uuid()).min(1).max(500) })
export type PickRequest = z.input<typeof pickRequest>

export const attendanceRequest = z.strictObject({
  registrationId: z.uuid(),
  outcome: z.enum(['attended', 'no_show']),
})
export type AttendanceRequest = z.input<typeof attendanceRequest>

export const exportRosterRequest = z.strictObject({ activityId: z.uuid() })
export type ExportRosterRequest = z.input<typeof exportRosterRequest>

export interface RosterEntry extends Registration {
  person: {
    userId: string
    nickname: string
    realName: string | null
    phone: string | null
    gender: string | null
    age: number | null
    attendanceRate: number | null
  }
}

export interface DrawResult {
  seed: string
  /** Registration ids in draw order, per quota. */
  order: Record<string, string[]>
  offered: number
}

export interface SignupSummary {
  activityId: string
  capacity: number
  quotas: { key: string; capacity: number; taken: number; waiting: number }[]
  counts: Partial<Record<RegistrationState, number>>
  settings: SignupSettings
  /** The latest draw of an apply-then-select event, as recorded. */
  lastDraw: DrawResult | null
}

export interface SignupActions {
  /** The event's settings and live counts (public). */
  summary: { request: { activityId: string }; response: SignupSummary }
  settings: { request: SettingsUpdateRequest; response: SignupSummary }
  signup: { request: SignupRequest; response: Registration }
  cancel: { request: RegistrationIdRequest; response: Registration }
  acceptOffer: { request: RegistrationIdRequest; response: Registration }
  declineOffer: { request: RegistrationIdRequest; response: Registration }
  /** My registration for one event, or null. */
  mine: { request: { activityId: string }; response: Registration | null }
  myList: { request: MyListRequest; response: { items: MyRegistration[] } }
  profile: { request: Record<string, never> | undefined; response: Profile }
  updateProfile: { request: ProfileUpdateRequest; response: Profile }
  /** Where the person's new avatar goes (then `updateProfile({ avatar })` with the uploaded file id). */
  avatarUpload: { request: AvatarUploadRequest; response: UploadTarget }
  roster: { request: RosterRequest; response: RosterPage }
  decide: { request: DecideRequest; response: RosterEntry }
  moveQuota: { request: MoveQuotaRequest; response: RosterEntry }
  promote: { request: RegistrationIdRequest; response: RosterEntry }
  draw: { request: DrawRequest; response: DrawResult }
  pick: { request: PickRequest; response: { offered: number } }
  attendance: { request: AttendanceRequest; response: RosterEntry }
  /** A message to everyone confirmed (organisers only; at most NOTICE_DAILY_LIMIT per event a day). */
  sendNotice: { request: SendNoticeRequest; response: ActivityNotice }
  /** The event's notices, newest first (organisers only). */
  notices: { request: NoticeListRequest; response: NoticeList }
  /** The caller accepted the notice template for this event (one WeChat message per acceptance). */
  subscribeNotices: { request: NoticeListRequest; response: { subscribed: boolean } }
  /** The roster as .xlsx; `url` is a short-lived download link (about ten minutes). */
  exportRoster: { request: ExportRosterRequest; response: { fileName: string; fileId: string; url: string } }
  /** Time-driven housekeeping (expire offers, promote, send reminders); idempotent, safe to call anytime. */
  /** expired: offers past their time; linesClosed: people still waiting when their event started (now expired). */
  sweep: {
    request: Record<string, never> | undefined
    response: { expired: number; promoted: number; reminded: number; linesClosed: number }
  }
}
