import type { Me } from '@api/session'
import { callFunction } from '@/services/cloud'

export function fetchMe(): Promise<Me> {
  return callFunction('session', 'me', {})
}
