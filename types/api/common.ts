/** Schema pieces shared by several functions' contracts. */
import * as z from 'zod'

export const uuid = () => z.uuid()

/** Trimmed user-written text with a length cap; empty after trimming is "missing". */
export const text = (min: number, max: number) => z.string().trim().min(min).max(max)

/** An ISO 8601 instant with an explicit offset, e.g. 2026-03-10T09:00:00+08:00. */
export const instant = () => z.iso.datetime({ offset: true })

export const YEAR = z.number().int().min(2020).max(2100)
export const MONTH = z.number().int().min(1).max(12)

/** Mainland mobile or landline, loosely: digits, spaces, dashes, an optional leading +. */
export const phone = () =>
  z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 -]{4,19}$/)
