import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { ActivityDetail } from '@api/activity'
import type { Registration, SignupSummary } from '@api/signup'
import type { Direction } from '@contract/checkin'
import { errorMessage } from '@/utils/errors'
import { useAction } from '@/hooks/useAction'
import { PrivacyPopup } from '@/features/privacy/components/PrivacyPopup'
import { usePrivacyConsent } from '@/features/privacy/hooks/usePrivacyConsent'
import { acceptOffer, cancelRegistration, declineOffer } from '../api'
import { barStatus, resultText } from '../signup-status'
import { SignupSheet, showsDoneStep } from './SignupSheet'
import './SignupBar.scss'

interface Props {
  activity: ActivityDetail
  summary: SignupSummary | null
  mine: Registration | null
  signedIn: boolean | null
  /** My last check-in scan at this event (the check-in bar's state). */
  lastScan?: Direction | null
  onChanged(reg: Registration): void
  onStale(): void
}

function toast(title: string, icon: 'success' | 'none' = 'none') {
  void Taro.showToast({ title, icon })
}

/** The fixed bar at the bottom of the detail page: my state, the sign-up button, offers, cancelling. */
export function SignupBar({ activity, summary, mine, signedIn, lastScan = null, onChanged, onStale }: Props) {
  const [open, setOpen] = useState(false)
  const { busy, run: act } = useAction<'accept' | 'decline' | 'cancel'>()
  const privacy = usePrivacyConsent()
  const loading = signedIn === null
  const s = barStatus(activity, summary, mine, signedIn !== false, new Date(), lastScan)
  // Leaving the waitlist gives up no seat: it reads differently from cancelling a held place.
  const waiting = mine?.state === 'waitlisted'

  async function run(kind: 'accept' | 'decline' | 'cancel', call: () => Promise<Registration>, done: string) {
    await act(
      kind,
      async () => {
        onChanged(await call())
        toast(done, 'success')
      },
      (err) => {
        void Taro.showModal({ title: '操作失败', content: errorMessage(err), showCancel: false })
        onStale()
      },
    )
  }

  async function confirmThen(title: string, content: string, then: () => Promise<void>) {
    const { confirm } = await Taro.showModal({ title, content, confirmText: '确定', cancelText: '再想想' })
    if (confirm) await then()
  }

  function onMain() {
    // Signing in is only ever needed on the local H5 host; in WeChat the OPENID is always there.
    if (s.action === 'login') {
      if (process.env.TARO_ENV === 'h5') void Taro.navigateTo({ url: '/pages/dev-login/index' })
    } else if (s.action === 'signup') {
      // The sheet collects personal data: only after the privacy guide was agreed to.
      void privacy.ensure().then((agreed) => agreed && setOpen(true))
    }
  }

  return (
    <View className="signup-bar" data-testid="signup-bar">
      {s.note ? (
        <Text className="signup-bar__note" data-testid="signup-note">
          {s.note}
        </Text>
      ) : null}
      <View className="signup-bar__row">
        {s.action === 'offer' && mine ? (
          <>
            <Button
              className="signup-bar__decline"
              shape="round"
              variant="outlined"
              disabled={busy !== null}
              loading={busy === 'decline'}
              onClick={() =>
                void confirmThen('放弃名额', '放弃后名额将让给下一位候补，确定放弃？', () =>
                  run('decline', () => declineOffer(mine.id), '已放弃'),
                )
              }
            >
              放弃
            </Button>
            <Button
              className="signup-bar__accept"
              color="primary"
              shape="round"
              disabled={busy !== null}
              loading={busy === 'accept'}
              onClick={() => void run('accept', () => acceptOffer(mine.id), '已确认参加')}
            >
              确认参加
            </Button>
          </>
        ) : (
          <>
            {mine?.cancellable ? (
              <Button
                className="signup-bar__cancel"
                shape="round"
                variant="outlined"
                disabled={busy !== null}
                loading={busy === 'cancel'}
                onClick={() =>
                  void (waiting
                    ? confirmThen('退出候补', '确定退出候补？退出后不再为你递补名额。', () =>
                        run('cancel', () => cancelRegistration(mine.id), '已退出候补'),
                      )
                    : confirmThen('取消报名', '确定取消本次报名？取消后名额将让给其他人。', () =>
                        run('cancel', () => cancelRegistration(mine.id), '已取消报名'),
                      ))
                }
              >
                {waiting ? '退出候补' : '取消报名'}
              </Button>
            ) : null}
            <Button
              className="signup-bar__main detail__signup"
              color="primary"
              shape="round"
              disabled={loading || s.action === 'none' || busy !== null}
              onClick={onMain}
            >
              {loading ? '加载中…' : s.label}
            </Button>
          </>
        )}
      </View>
      <PrivacyPopup />
      {open && summary ? (
        <SignupSheet
          activityId={activity.id}
          title={activity.title}
          event={activity}
          summary={summary}
          submitLabel={s.submitLabel}
          onClose={() => setOpen(false)}
          onStale={onStale}
          onDone={(reg) => {
            // In WeChat a confirmed place keeps the sheet open on its 报名成功 step (添加到手机日历).
            if (!showsDoneStep(reg)) setOpen(false)
            onChanged(reg)
            toast(resultText(reg), reg.state === 'confirmed' ? 'success' : 'none')
          }}
        />
      ) : null}
    </View>
  )
}
