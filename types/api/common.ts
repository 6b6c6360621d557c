/** Schema pieces shared by several functions' contracts. */
import * as z from 'zod'
import { CONTROL_CHARACTER } from '../contract/text'
import { MAX_EVIDENCE_PHOTOS, UPLOAD_IMAGE_EXTS } from '../contract/files'

export const uuid = () => z.uuid()

/** Trimmed user-written text with a length cap; empty after trimming is "missing"; no control characters. */
export const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !CONTROL_CHARACTER.test(s), { message: '含有无法显示的控制字符' })

/** An ISO 8601 instant with an explicit offset, e.g. 2026-03-10T09:00:00+08:00. */
export const instant = () => z.iso.datetime({ offset: true })

export const YEAR = z.number().int().min(2020).max(2100)
export const MONTH = z.number().int().min(1).max(12)

/**
 * A mainland mobile number (11 digits, 13x–19x), as people type it: spaces, dashes and a leading
 * +86 are dropped, and the 11 digits are what is stored.
 */
export const phone = () =>
  z
    .string()
    .trim()
    .transform((s) => s.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, ''))
    .pipe(z.string().regex(/^1[3-9]\d{9}$/, { message: '请填写 11 位手机号码' }))

/** The photos one upload request is for: each one's file kind, in order (at most six at a time). */
export const uploadFiles = () => z.array(z.enum(UPLOAD_IMAGE_EXTS)).min(1).max(MAX_EVIDENCE_PHOTOS)

/** Where the server said one photo goes. */
export interface UploadTarget {
  /** A name the server chose: its owner's prefix, then 128 random bits. */
  cloudPath: string
  /** Local host only: the signed PUT link (ten minutes). Null in WeChat, which calls wx.cloud.uploadFile. */
  uploadUrl: string | null
}

export interface UploadsResponse {
  uploads: UploadTarget[]
}
