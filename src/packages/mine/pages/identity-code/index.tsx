import { useCallback, useEffect, useRef, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { IdentityCode } from '@api/checkin'
import { CallError } from '@/components/CallError'
import { useLatest } from '@/hooks/useLatest'
import { errorCode } from '@/utils/errors'
import { getIdentityCode } from '../../features/identity/api'
import './index.scss'

/** The countdown ticks once a second; the same tick fetches the next code when it is due. */
const TICK_MS = 1000
/** Never ask again sooner than this: a phone clock ahead of the server's would otherwise loop. */
const MIN_REFRESH_MS = 3000
/** After a failure that may pass (network): try again by itself. */
const RETRY_MS = 15_000
/** Failures that trying again will not fix. */
const FINAL = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'INVALID_INPUT'])

function keepScreenOn(on: boolean) {
  if (process.env.TARO_ENV !== 'weapp') return
  try {
    Taro.setKeepScreenOn({ keepScreenOn: on }).catch(() => undefined)
  } catch {
    // Not supported: the person keeps the screen awake by hand.
  }
}

/**
 * 我的身份码: a QR code naming me, shown to a site organiser who registers me on the spot and
 * checks me in. Showing it is my consent; it is replaced every minute and a screenshot of it soon
 * stops working.
 */
export default function IdentityCodePage() {
  const [code, setCode] = useState<IdentityCode | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [now, setNow] = useState(() => Date.now())
  const [visible, setVisible] = useState(true)
  // When the shown code is replaced, on this phone's clock (the server's rotatesAt minus the clock gap).
  const [rotatesLocal, setRotatesLocal] = useState<number | null>(null)
  const latest = useLatest()
  const fetching = useRef(false)
  const nextAt = useRef(Number.POSITIVE_INFINITY)

  const refresh = useCallback(async () => {
    const isLatest = latest.next()
    fetching.current = true
    nextAt.current = Number.POSITIVE_INFINITY
    try {
      const c = await getIdentityCode()
      if (!isLatest()) return
      const local = Date.parse(c.rotatesAt) - (Date.parse(c.serverNow) - Date.now())
      setCode(c)
      setRotatesLocal(local)
      setError(null)
      nextAt.current = Math.max(local, Date.now() + MIN_REFRESH_MS)
    } catch (err) {
      if (!isLatest()) return
      // An old code would soon be refused: show none rather than a stale one.
      setCode(null)
      setError(err)
      const c = errorCode(err)
      if (!c || !FINAL.has(c)) nextAt.current = Date.now() + RETRY_MS
    } finally {
      if (isLatest()) fetching.current = false
      setNow(Date.now())
    }
  }, [latest])

  useEffect(() => {
    keepScreenOn(true)
    return () => {
      latest.drop()
      keepScreenOn(false)
    }
  }, [latest])

  // A fresh code whenever the page is (again) on show.
  useEffect(() => {
    if (visible) void refresh()
  }, [visible, refresh])

  useEffect(() => {
    if (!visible) return
    const timer = setInterval(() => {
      const t = Date.now()
      setNow(t)
      if (!fetching.current && t >= nextAt.current) void refresh()
    }, TICK_MS)
    return () => clearInterval(timer)
  }, [visible, refresh])

  useDidHide(() => {
    // No timers and no calls behind another page or a locked screen; answers in flight are dropped.
    latest.drop()
    fetching.current = false
    setVisible(false)
  })
  useDidShow(() => setVisible(true))

  const secs = code && rotatesLocal !== null ? Math.max(0, Math.ceil((rotatesLocal - now) / 1000)) : null
  return (
    <View className="identity-code" data-testid="identity-code">
      <View className="identity-code__card">
        {code ? (
          <>
            <Text className="identity-code__name" data-testid="identity-name">
              {code.nickname || '青聚用户'}
            </Text>
            <Image className="identity-code__qr" data-testid="identity-qr" src={code.qrDataUrl} mode="aspectFit" />
            <Text className="identity-code__countdown" data-testid="identity-countdown">
              {secs} 秒后自动更新
            </Text>
            {process.env.TARO_ENV === 'h5' ? (
              // The local web build has no camera scan: the organiser pastes the code's text instead.
              <Button
                className="identity-code__copy"
                data-testid="identity-copy"
                size="small"
                shape="round"
                variant="outlined"
                onClick={() => void Taro.setClipboardData({ data: code.token }).catch(() => undefined)}
              >
                复制身份码内容
              </Button>
            ) : null}
          </>
        ) : error ? (
          <CallError error={error} onRetry={() => void refresh()} />
        ) : (
          <Text className="identity-code__wait">加载中…</Text>
        )}
      </View>
      <View className="identity-code__about" data-testid="identity-about">
        <Text className="identity-code__line">现场组织者扫码后可为你报名并签到</Text>
        <Text className="identity-code__line identity-code__line--muted">
          只在活动现场出示给组织者；身份码每分钟更新，截图很快失效，不会透露你的手机号
        </Text>
      </View>
    </View>
  )
}
