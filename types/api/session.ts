/**
 * API contract of the `session` cloud function: who am I, privacy consent, my data, account deletion.
 * The caller's identity always comes from the platform context (OPENID in CloudBase,
 * a signed dev session in the local host), never from the request payload.
 */
import * as z from 'zod'
import type { EntryKind, EntryStatus } from '../contract/hours'
import type { UnitStatus } from '../contract/org'
import { DELETE_ACCOUNT_CONFIRM } from '../contract/session'
import type { RegistrationState } from '../contract/signup'
import type { SurveyState } from '../contract/survey'
import type { WishState } from '../contract/wish'
import type { YouthGroupKind, YouthGroupState } from '../contract/youth-group'
import { text } from './common'

export { DELETE_ACCOUNT_CONFIRM, DELETED_NICKNAME, PRIVACY_VERSION } from '../contract/session'

export type Role = 'youth' | 'unit_admin' | 'district_admin'

export interface PrivacyState {
  /** The guide's current version (PRIVACY_VERSION). */
  version: string
  /** Whether this person agreed to the current version. */
  agreed: boolean
  /** When they agreed to the version they last agreed to (ISO), if ever. */
  agreedAt: string | null
}

export interface Me {
  userId: string
  nickname: string
  roles: Role[]
  /** Member units this person manages. */
  units: { id: string; name: string; role: 'admin' | 'organiser' }[]
  privacy: PrivacyState
  /** My latest unit application while it is under review or was not admitted (then with the reason). */
  application: { unitId: string; unitName: string; status: 'pending' | 'rejected'; reason: string | null } | null
}

export const agreePrivacyRequest = z.strictObject({ version: text(1, 32) })
export type AgreePrivacyRequest = z.input<typeof agreePrivacyRequest>

export const emptyRequest = z.strictObject({}).optional()

/** 我的数据 download: the whole record as JSON (the default) or as an Excel workbook, one sheet per group. */
export const exportMyDataRequest = z.strictObject({ format: z.enum(['json', 'xlsx']).optional() }).optional()
export type ExportMyDataRequest = z.input<typeof exportMyDataRequest>

export const deleteAccountRequest = z.strictObject({
  confirm: z.literal(DELETE_ACCOUNT_CONFIRM, { error: `请输入“${DELETE_ACCOUNT_CONFIRM}”确认` }),
})
export type DeleteAccountRequest = z.input<typeof deleteAccountRequest>

/** Everything Qingju holds about the caller, grouped. Times are ISO instants, days YYYY-MM-DD. */
export interface MyData {
  generatedAt: string
  profile: {
    nickname: string
    realName: string | null
    phone: string | null
    birthDate: string | null
    gender: string | null
    leagueMember: boolean
    idType: string | null
    createdAt: string
    privacyVersion: string | null
    privacyAgreedAt: string | null
    /** When the phone was bound from WeChat's phone button (ISO); null for none or an older typed one. */
    phoneVerifiedAt: string | null
    /** The guardian who consented for a person under 14; null when none is on record. */
    guardian: { name: string; phone: string; consentAt: string } | null
  }
  /** Member units they belong to, and whether they administer the district. */
  units: { id: string; name: string; role: 'admin' | 'organiser' }[]
  districtAdmin: boolean
  /** Unit applications they submitted, with the contact details they gave. */
  applications: { unitName: string; status: UnitStatus; contactName: string; contactPhone: string; createdAt: string }[]
  signups: {
    activityId: string
    title: string
    startAt: string
    state: RegistrationState
    createdAt: string
    answers: { question: string; answer: string }[]
  }[]
  scans: {
    activityTitle: string
    direction: 'in' | 'out'
    method: 'site_code' | 'ticket' | 'walk_in'
    scannedAt: string
    latitude: number | null
    longitude: number | null
  }[]
  hours: { activityTitle: string; day: string; kind: EntryKind; hours: number; status: EntryStatus }[]
  certificates: { code: string; from: string; to: string; totalHours: number; issuedAt: string }[]
  /** Youth groups they lead (registered with the district). */
  youthGroups?: { name: string; kind: YouthGroupKind; state: YouthGroupState; size: number; createdAt: string }[]
  /** Ratings they gave after events: stars, tag codes (RATING_TAGS), their comment; ratedAt is the last change. */
  ratings?: {
    activityId: string
    title: string
    stars: number
    tags: string[]
    comment: string | null
    ratedAt: string
  }[]
  /** Their survey responses, each answer labelled by its question (options and scale values as text). */
  surveyResponses?: {
    surveyId: string
    title: string
    /** The unit that ran it; null: the district (团区委). */
    ownerUnitName: string | null
    status: SurveyState
    answeredAt: string
    answers: { question: string; answer: string }[]
  }[]
  /** Wishes (活动点单) they proposed. */
  wishes?: {
    id: string
    title: string
    categoryName: string
    body: string
    months: number[]
    state: WishState
    supporters: number
    createdAt: string
  }[]
  /** Wishes they added 想参加 to. */
  wishSupports?: { wishId: string; title: string; state: WishState; createdAt: string }[]
}

/**
 * Binds the phone WeChat's phone button vouches for: `code` is the button's `e.detail.code`
 * (locally, the code the host's /api/_dev/phone-code issues for a typed number).
 */
export const bindPhoneRequest = z.strictObject({ code: text(1, 512).meta({ label: '手机号授权' }) })
export type BindPhoneRequest = z.input<typeof bindPhoneRequest>

export interface BoundPhone {
  phone: string
  phoneVerified: true
}

export interface SessionActions {
  me: { request: Record<string, never> | undefined; response: Me }
  /** Records that the caller agreed to the guide's current version. */
  agreePrivacy: { request: AgreePrivacyRequest; response: PrivacyState }
  myData: { request: Record<string, never> | undefined; response: MyData }
  /** The same as a JSON file (or, with format 'xlsx', a workbook) behind a short-lived link. */
  exportMyData: {
    request: ExportMyDataRequest
    response: { fileName: string; fileId: string; url: string }
  }
  /**
   * Deletes the account: upcoming sign-ups cancelled (seats pass to the line), memberships removed,
   * personal fields and answers wiped, the openid replaced; approved hours and issued certificates
   * are kept under a placeholder name.
   */
  deleteAccount: { request: DeleteAccountRequest; response: { deleted: true } }
  bindPhone: { request: BindPhoneRequest; response: BoundPhone }
}
