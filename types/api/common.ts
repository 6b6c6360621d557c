/** Schema pieces shared by several functions' contracts. */
import * as z from 'zod'
import { CONTROL_CHARACTER } from '../contract/text'

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
