import { useCallback, useEffect, useRef, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import type { CheckinBoard, SiteCode } from '@api/checkin'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { VERB } from '@/features/checkin/messages'
import { useLatest } from '@/hooks/useLatest'
import { displayName } from '@/utils/display-name'
import { errorCode } from '@/utils/errors'
import { formatClock } from '@/utils/time'
import { getManaged } from '../../features/events/api'
import { getBoard, getSiteCode } from '../../features/checkin/api'
import type { Direction } from '../../features/checkin/offline'
import './index.scss'

/** The countdown ticks once a second; the same tick fetches the next code when it is due. */
const TICK_MS = 1000
/**
 * Never ask again sooner than this: a device clock running ahead of the server's would otherwise
 * get the same code back and ask again at once, in a loop.
 */
const MIN_REFRESH_MS = 3000
/** After a failure that may pass (network, window not open yet): try again by itself. */
const RETRY_MS = 15_000
/** Failures that trying again will not fix. */
const FINAL = new Set(['FORBIDDEN', 'NOT_FOUND', 'INVALID_INPUT', 'UNAUTHENTICATED'])

function keepScreenOn(on: boolean) {
  if (process.env.TARO_ENV !== 'weapp') return
  try {
    Taro.setKeepScreenOn({ keepScreenOn: on }).catch(() => undefined)
  } catch {
    // Not supported: the organiser keeps the screen awake by hand.
  }
}

function Board({ board }: { board: CheckinBoard }) {
  const counts: [string, number][] = [
    ['已报名', board.confirmed],
    ['已签到', board.checkedIn],
    ['已签退', board.checkedOut],
    ['待核查', board.needsReview],
  ]
  return (
    <View className="site-code__board" data-testid="board">
      <View className="site-code__counts">
        {counts.map(([label, n]) => (
          <View key={label} className="site-code__count">
            <Text className="site-code__count-n">{n}</Text>
            <Text className="site-code__count-label">{label}</Text>
          </View>
        ))}
      </View>
      {board.recent.length ? (
        <View className="site-code__recent">
          {board.recent.map((s) => (
            <View key={s.scanId} className="site-code__scan" data-testid="board-scan">
              <Text className="site-code__scan-name">{displayName(s.person)}</Text>
              <Text className="site-code__scan-dir">
                {VERB[s.direction]}
                {s.method === 'ticket' ? '（验票）' : ''}
              </Text>
              {s.needsReview ? <Text className="site-code__scan-flag">待核查</Text> : null}
              <Text className="site-code__scan-time">{formatClock(s.scannedAt)}</Text>
            </View>
          ))}
        </View>
      ) : (
        <Text className="site-code__empty">还没有人签到</Text>
      )}
    </View>
  )
}

/**
 * The on-site screen: the rotating 签到/签退 QR code and its 6 digits, refreshed when it rotates,
 * and the live board below it, refreshed with each code.
 */
function CodeScreen({ activityId }: { activityId: string }) {
  const [direction, setDirection] = useState<Direction>('in')
  const [code, setCode] = useState<SiteCode | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [board, setBoard] = useState<CheckinBoard | null>(null)
  const [title, setTitle] = useState<string | null>(null)
  const [now, setNow] = useState(() => Date.now())
  const [visible, setVisible] = useState(true)
  const latest = useLatest()
  const fetching = useRef(false)
  const nextAt = useRef(Number.POSITIVE_INFINITY)
  // When the shown code rotates, on this phone's clock (the server's rotatesAt minus the clock gap).
  const [rotatesLocal, setRotatesLocal] = useState<number | null>(null)

  const refresh = useCallback(
    async (dir: Direction) => {
      const isLatest = latest.next()
      fetching.current = true
      nextAt.current = Number.POSITIVE_INFINITY
      const [c, b] = await Promise.allSettled([getSiteCode(activityId, dir), getBoard(activityId)])
      if (!isLatest()) return
      fetching.current = false
      if (c.status === 'fulfilled') {
        const local = Date.parse(c.value.rotatesAt) - (Date.parse(c.value.serverNow) - Date.now())
        setCode(c.value)
        setRotatesLocal(local)
        setError(null)
        nextAt.current = Math.max(local, Date.now() + MIN_REFRESH_MS)
      } else {
        setCode(null)
        setError(c.reason)
        const code = errorCode(c.reason)
        if (!code || !FINAL.has(code)) nextAt.current = Date.now() + RETRY_MS
      }
      if (b.status === 'fulfilled') setBoard(b.value)
      setNow(Date.now())
    },
    [activityId, latest],
  )

  useEffect(() => {
    getManaged(activityId).then(
      (a) => setTitle(a.title),
      () => undefined,
    )
    keepScreenOn(true)
    return () => {
      // Answers still in flight land nowhere.
      latest.drop()
      keepScreenOn(false)
    }
  }, [activityId, latest])

  // A fresh code for the chosen direction whenever the screen is (again) on show.
  useEffect(() => {
    if (visible) void refresh(direction)
  }, [visible, direction, refresh])

  useEffect(() => {
    if (!visible) return
    const timer = setInterval(() => {
      const t = Date.now()
      setNow(t)
      if (!fetching.current && t >= nextAt.current) void refresh(direction)
    }, TICK_MS)
    return () => clearInterval(timer)
  }, [visible, direction, refresh])

  useDidHide(() => {
    // No timers and no calls behind another page or a locked screen; answers in flight are dropped.
    latest.drop()
    fetching.current = false
    setVisible(false)
  })
  useDidShow(() => setVisible(true))

  function choose(d: Direction) {
    if (d === direction) return
    setCode(null)
    setError(null)
    setDirection(d)
  }

  const secs = code && rotatesLocal !== null ? Math.max(0, Math.ceil((rotatesLocal - now) / 1000)) : null
  return (
    <View className="site-code" data-testid="site-code">
      {title ? <Text className="site-code__title">{title}</Text> : null}
      <View className="site-code__toggle">
        {(['in', 'out'] as const).map((d) => (
          <Text
            key={d}
            className={`site-code__dir${direction === d ? ' site-code__dir--on' : ''}`}
            data-testid={`code-${d}`}
            onClick={() => choose(d)}
          >
            {VERB[d]}码
          </Text>
        ))}
      </View>

      <View className="site-code__card">
        {code ? (
          <>
            <Image className="site-code__qr" data-testid="site-qr" src={code.qrDataUrl} mode="aspectFit" />
            <Text className="site-code__short" data-testid="site-short-code">
              {code.shortCode}
            </Text>
            <Text className="site-code__countdown" data-testid="site-countdown">
              {secs} 秒后更新
            </Text>
          </>
        ) : error ? (
          <CallError error={error} onRetry={() => void refresh(direction)} />
        ) : (
          <Text className="site-code__wait">加载中…</Text>
        )}
        <Text className="site-code__how">
          请用微信打开「青聚」，在活动页点「扫码{VERB[direction]}」扫描上方二维码；无法扫码时输入上面的 6 位数字
        </Text>
      </View>

      {board ? <Board board={board} /> : null}
    </View>
  )
}

export default function CheckinCodePage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  if (!id) return <EmptyState text="活动不存在" />
  return <CodeScreen key={id} activityId={id} />
}
