/**
 * The privacy popup's state, shared by every page that collects personal data: who waits for an
 * answer (a page's `ensure()`, or WeChat's pending privacy API), and a tick that changes whenever
 * this device's consent does, so gates re-read it.
 */
import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { PRIVACY_VERSION } from '@contract/session'
import { agreePrivacy } from '../api'
import {
  AGREE_BUTTON_ID,
  agreedOnThisDevice,
  forgetAgreed,
  rememberAgreed,
  type WechatPrivacyResolve,
} from '../consent'

export const PRIVACY_GUIDE_PAGE = '/packages/mine/pages/privacy/index'

interface ConsentState {
  open: boolean
  tick: number
  /** Popups mounted on pages: with none, a request from WeChat opens the guide page instead. */
  mounted: number
  waiters: ((agreed: boolean) => void)[]
  wechat: WechatPrivacyResolve | null
  /** True at once when agreed on this device; else opens the popup and waits for the answer. */
  request(): Promise<boolean>
  agree(): void
  decline(): void
  fromWechat(resolve: WechatPrivacyResolve): void
  forget(): void
  mount(delta: 1 | -1): void
}

export const useConsentStore = create<ConsentState>()((set, get) => ({
  open: false,
  tick: 0,
  mounted: 0,
  waiters: [],
  wechat: null,

  request() {
    if (agreedOnThisDevice()) return Promise.resolve(true)
    return new Promise<boolean>((resolve) => set((s) => ({ open: true, waiters: [...s.waiters, resolve] })))
  },

  agree() {
    const { waiters, wechat } = get()
    rememberAgreed()
    wechat?.({ buttonId: AGREE_BUTTON_ID, event: 'agree' })
    set((s) => ({ open: false, waiters: [], wechat: null, tick: s.tick + 1 }))
    for (const w of waiters) w(true)
    // The server keeps who agreed to which version; signed out (H5 before login) it is recorded next time.
    agreePrivacy(PRIVACY_VERSION).catch(() => {})
  },

  decline() {
    const { waiters, wechat } = get()
    wechat?.({ event: 'disagree' })
    set({ open: false, waiters: [], wechat: null })
    for (const w of waiters) w(false)
  },

  fromWechat(resolve) {
    get().wechat?.({ event: 'disagree' })
    set({ open: true, wechat: resolve })
    resolve({ event: 'exposureAuthorization' })
    if (get().mounted === 0) void Taro.navigateTo({ url: PRIVACY_GUIDE_PAGE })
  },

  forget() {
    forgetAgreed()
    set((s) => ({ tick: s.tick + 1 }))
  },

  mount(delta) {
    set((s) => ({ mounted: s.mounted + delta }))
  },
}))
