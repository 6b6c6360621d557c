/**
 * The edge of the privacy authorisation: the consent this device remembers, and WeChat's
 * `onNeedPrivacyAuthorization` (a privacy API such as the phone button or location ran before the
 * person agreed; WeChat holds it until our popup's 同意 button, `openType="agreePrivacyAuthorization"`,
 * was tapped and we resolve). H5 and the local host have no such API: the popup and this memory only.
 */
import Taro from '@tarojs/taro'
import { PRIVACY_VERSION } from '@contract/session'

const KEY = 'qingju.privacy.agreed'

/** The id of the popup's agree button; WeChat checks that this very button was tapped. */
export const AGREE_BUTTON_ID = 'privacy-agree'

export type WechatPrivacyResolve = (option: {
  event: 'exposureAuthorization' | 'agree' | 'disagree'
  buttonId?: string
}) => void

/** Whether the person agreed to the current version of the guide on this device. */
export function agreedOnThisDevice(): boolean {
  try {
    return Taro.getStorageSync(KEY) === PRIVACY_VERSION
  } catch {
    return false
  }
}

export function rememberAgreed(): void {
  Taro.setStorageSync(KEY, PRIVACY_VERSION)
}

/** After the account was deleted: the next person on this device is asked again. */
export function forgetAgreed(): void {
  Taro.removeStorageSync(KEY)
}

/** WeChat only: hands every pending privacy request to `open` (our popup). Call once, at launch. */
export function listenForWechatPrivacyRequests(open: (resolve: WechatPrivacyResolve) => void): void {
  if (process.env.TARO_ENV !== 'weapp') return
  const taro = Taro as unknown as { onNeedPrivacyAuthorization?: (l: (r: WechatPrivacyResolve) => void) => void }
  taro.onNeedPrivacyAuthorization?.((resolve) => open(resolve))
}
