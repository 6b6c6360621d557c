import { useCallback, useMemo } from 'react'
import { agreedOnThisDevice } from '../consent'
import { useConsentStore } from '../store/consent'

/**
 * Whether the person agreed to the current 隐私保护指引 on this device, and `ensure()`: resolves
 * true at once if so, else shows the popup (render `<PrivacyPopup />` on the page) and resolves
 * with the answer. Call it before collecting any personal data.
 */
export function usePrivacyConsent(): { agreed: boolean; ensure(): Promise<boolean> } {
  const tick = useConsentStore((s) => s.tick)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the tick is what changes the device's answer
  const agreed = useMemo(() => agreedOnThisDevice(), [tick])
  const ensure = useCallback(() => useConsentStore.getState().request(), [])
  return { agreed, ensure }
}
