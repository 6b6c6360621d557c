/**
 * What every use case is given: the pool, the platform, the request's clock reading and the
 * verified caller. The runtime builds it per request; services never read the event.
 */
import type { Pool } from 'pg'
import type { Caller, Platform } from '../platform/platform'

export interface AppContext {
  caller: Caller | null
  platform: Platform
  db: Pool
  /** The one clock reading of this request: every rule of the request sees the same instant. */
  now: Date
  requestId: string
}

export interface SignedInContext extends AppContext {
  caller: Caller
}
