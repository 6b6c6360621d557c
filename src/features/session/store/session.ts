/**
 * Who is signed in (session.me), shared by 我的 and the organiser/admin pages so they show only
 * what the person may do. The server enforces roles anyway; this only shapes the UI.
 */
import { create } from 'zustand'
import type { Me, Role } from '@api/session'
import { fetchMe } from '../api'
import { errorCode, errorMessage } from '@/utils/errors'
import { createLatest } from '@/utils/latest'

export type SessionPhase = 'idle' | 'loading' | 'ready' | 'signed-out' | 'error'

interface SessionState {
  phase: SessionPhase
  me: Me | null
  error: string | null
  /** Loads once; `force` asks again (after joining a unit, switching persona…). */
  load(force?: boolean): Promise<Me | null>
  reset(): void
}

const latest = createLatest()

export const useSessionStore = create<SessionState>()((set, get) => ({
  phase: 'idle',
  me: null,
  error: null,

  async load(force = false) {
    const s = get()
    if (!force && s.phase === 'ready') return s.me
    const isLatest = latest.next()
    set({ phase: s.me ? s.phase : 'loading', error: null })
    try {
      const me = await fetchMe()
      if (isLatest()) set({ phase: 'ready', me })
      return me
    } catch (err) {
      if (!isLatest()) return null
      // UNAUTHENTICATED happens only in H5 without a dev session: offer the dev login.
      if (errorCode(err) === 'UNAUTHENTICATED') set({ phase: 'signed-out', me: null })
      else set({ phase: 'error', error: errorMessage(err) })
      return null
    }
  },

  reset() {
    latest.drop()
    set({ phase: 'idle', me: null, error: null })
  },
}))

export function hasRole(me: Me | null, role: Role): boolean {
  return !!me?.roles.includes(role)
}

export const ROLE_NAMES: Record<Role, string> = {
  youth: '青年',
  unit_admin: '单位管理员',
  district_admin: '团区委管理员',
}
