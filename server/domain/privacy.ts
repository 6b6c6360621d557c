/** Masks personal data for people who may not see it in full. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (digits.length < 7) return '*'.repeat(digits.length)
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`
}

/** Agreeing to a guide other than the current one (an old page still open) is refused: it must be read again. */
export type PrivacyFailure = { kind: 'privacyVersionOutdated' }

export function checkPrivacyVersion(given: string, current: string): PrivacyFailure | null {
  return given === current ? null : { kind: 'privacyVersionOutdated' }
}

/** Whether the version a person agreed to (if any) is the current one. */
export function privacyAgreed(agreedVersion: string | null, current: string): boolean {
  return agreedVersion === current
}
