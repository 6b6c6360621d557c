import { useRef, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { MyCheckin } from '@api/checkin'
import { useReloadOnShow } from '@/hooks/useLatest'
import { formatClock } from '@/utils/time'
import type { ScanOutcome, SelfCheckin } from '../hooks/useSelfCheckin'
import { VERB, actionLabel, failureTitle, nextDirection, retryable } from '../messages'
import './CheckinBar.scss'

type Location = { latitude: number; longitude: number }

/**
 * The device location for the organiser's review, if the person allows it. Never holds a scan up:
 * a refusal, an error or no answer within `ms` all mean "no location".
 */
function tryLocation(ms = 3000): Promise<Location | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms)
    const done = (loc?: Location) => {
      clearTimeout(timer)
      resolve(loc)
    }
    try {
      Taro.getLocation({ type: 'gcj02' }).then(
        (r) => {
          const ok =
            Number.isFinite(r.latitude) &&
            Number.isFinite(r.longitude) &&
            Math.abs(r.latitude) <= 90 &&
            Math.abs(r.longitude) <= 180
          done(ok ? { latitude: r.latitude, longitude: r.longitude } : undefined)
        },
        () => done(),
      )
    } catch {
      done()
    }
  })
}

function StateLine({ mine }: { mine: MyCheckin }) {
  if (!mine.lastDirection || !mine.lastScanAt) return <Text className="checkin-bar__state">尚未签到</Text>
  return (
    <Text className="checkin-bar__state" data-testid="checkin-state">
      {VERB[mine.lastDirection]}于 {formatClock(mine.lastScanAt)}
    </Text>
  )
}

function Result({
  outcome,
  verb,
  busy,
  onRetry,
}: {
  outcome: ScanOutcome
  verb: string
  busy: boolean
  onRetry(): void
}) {
  if (outcome.kind === 'success') {
    const r = outcome.result
    return (
      <View className="checkin-bar__result checkin-bar__result--ok" data-testid="checkin-result">
        <Text className="checkin-bar__result-title">{VERB[r.direction]}成功</Text>
        <Text className="checkin-bar__result-line">时间 {formatClock(r.scannedAt)}</Text>
        {r.repeated ? <Text className="checkin-bar__result-line">此前已记录，无需重复扫码</Text> : null}
        {r.needsReview ? <Text className="checkin-bar__result-line">定位与活动地点不符，已交由组织者核查</Text> : null}
      </View>
    )
  }
  return (
    <View className="checkin-bar__result checkin-bar__result--error" data-testid="checkin-result">
      <Text className="checkin-bar__result-title">{failureTitle(outcome.code, verb, outcome.typed)}</Text>
      <Text className="checkin-bar__result-line">{outcome.message}</Text>
      {retryable(outcome.code) ? (
        <Button
          className="checkin-bar__retry"
          size="small"
          shape="round"
          variant="outlined"
          data-testid="checkin-retry"
          disabled={busy}
          onClick={onRetry}
        >
          重试
        </Button>
      ) : null}
    </View>
  )
}

/**
 * Self check-in on the detail page, for a person with a confirmed registration while check-in is
 * open: scan the organiser's rotating code (WeChat), or type its 6 digits (H5, no camera). The page
 * owns the check-in state (`useSelfCheckin`): the sign-up bar shows it too.
 */
export function CheckinBar({ activityId, checkin: c }: { activityId: string; checkin: SelfCheckin }) {
  const [code, setCode] = useState('')
  const [hint, setHint] = useState<string | null>(null)
  const scanning = useRef(false)

  // Back from another page (or the camera): my state may have changed.
  useReloadOnShow(() => {
    if (!scanning.current) void c.reload()
  })

  const mine = c.mine
  if (!mine || !mine.registered || !mine.open) return null
  const verb = VERB[nextDirection(mine.lastDirection)]
  const label = actionLabel(mine.lastDirection)

  async function scan() {
    if (scanning.current) return
    scanning.current = true
    try {
      const location = await tryLocation()
      let token: string
      try {
        const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
        token = res.result
      } catch {
        return // closed the camera
      }
      if (!token) return
      await c.send({ token, ...(location ? { location } : {}) })
    } finally {
      scanning.current = false
    }
  }

  // The code changes every 30 seconds: once it has worked, the field is for the next one.
  function clearIfDone(ok: boolean) {
    if (ok) setCode('')
  }

  function submitCode() {
    const shortCode = code.trim()
    if (!/^[0-9]{6}$/.test(shortCode)) {
      setHint('请输入现场二维码下方的 6 位数字')
      return
    }
    setHint(null)
    void c.send({ activityId, shortCode }).then(clearIfDone)
  }

  return (
    <View className="checkin-bar" data-testid="checkin-bar">
      <View className="checkin-bar__head">
        <Text className="checkin-bar__title">现场签到</Text>
        <StateLine mine={mine} />
      </View>
      {process.env.TARO_ENV === 'h5' ? (
        <View className="checkin-bar__manual">
          <Input
            className="checkin-bar__input"
            data-testid="checkin-code-input"
            type="number"
            maxlength={6}
            value={code}
            placeholder="输入 6 位签到码"
            onInput={(e) => setCode(e.detail.value)}
            onConfirm={submitCode}
          />
          <Button
            className="checkin-bar__submit"
            data-testid="checkin-submit"
            color="primary"
            shape="round"
            loading={c.busy}
            disabled={c.busy}
            onClick={submitCode}
          >
            {label}
          </Button>
        </View>
      ) : (
        <Button
          className="checkin-bar__scan"
          data-testid="checkin-scan"
          color="primary"
          shape="round"
          block
          loading={c.busy}
          disabled={c.busy}
          onClick={() => void scan()}
        >
          {mine.lastDirection === 'out' ? '再次扫码签到' : `扫码${verb}`}
        </Button>
      )}
      {hint ? (
        <Text className="checkin-bar__hint" data-testid="checkin-hint">
          {hint}
        </Text>
      ) : null}
      {c.outcome ? (
        <Result outcome={c.outcome} verb={verb} busy={c.busy} onRetry={() => void c.retry().then(clearIfDone)} />
      ) : null}
    </View>
  )
}
