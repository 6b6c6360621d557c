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
