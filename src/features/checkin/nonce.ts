import { newIdempotencyKey } from '@/features/signup/idempotency'

/**
 * A scan nonce ([A-Za-z0-9], 16 characters; the contract allows [A-Za-z0-9_-]{8,64}). The server
 * keeps the first scan per (event, nonce): sending the same nonce again can never record twice.
 */
export const newNonce = (): string => newIdempotencyKey(16)
