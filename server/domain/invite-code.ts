/** Share codes for joining a unit: 8 characters without look-alikes, read aloud or typed easily. */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ' // no 0/O, 1/I/L

/** Maps random bytes to a code; rejection sampling keeps every character equally likely. */
export function inviteCodeFrom(randomBytes: (n: number) => Uint8Array, length = 8): string {
  const limit = 256 - (256 % INVITE_ALPHABET.length)
  let code = ''
  while (code.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && code.length < length) code += INVITE_ALPHABET[byte % INVITE_ALPHABET.length]
    }
  }
  return code
}

/** How long a new share code stays valid. */
export const INVITE_DAYS = 7

export interface InviteState {
  unitId: string
  expiresAt: Date
  uses: number
  maxUses: number
}

export type InviteFailure = { kind: 'inviteInvalid' } | { kind: 'inviteUsedUp' }

/**
 * What accepting a code does: `join` spends one use; a member joining again (`alreadyMember`) is
 * harmless and spends nothing; an unknown or expired code, or one used up, is refused.
 */
export function inviteUse(
  invite: InviteState | null,
  now: Date,
  isMember: (unitId: string) => boolean,
): { kind: 'join' | 'alreadyMember'; unitId: string } | InviteFailure {
  if (!invite || invite.expiresAt <= now) return { kind: 'inviteInvalid' }
  if (isMember(invite.unitId)) return { kind: 'alreadyMember', unitId: invite.unitId }
  if (invite.uses >= invite.maxUses) return { kind: 'inviteUsedUp' }
  return { kind: 'join', unitId: invite.unitId }
}
