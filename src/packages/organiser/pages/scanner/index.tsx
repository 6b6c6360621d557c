import { useEffect, useRef, useState } from 'react'
import { Input, Switch, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { ScanResult } from '@api/checkin'
import { IDENTITY_CODE } from '@contract/checkin'
import { ApiError } from '@/services/cloud'
import { VERB, failureTitle } from '@/features/checkin/messages'
import { newNonce } from '@/features/checkin/nonce'
import { EmptyState } from '@/components/EmptyState'
import { useAction } from '@/hooks/useAction'
import { displayName } from '@/utils/display-name'
import { errorCode, errorMessage } from '@/utils/errors'
import { formatClock, formatDateTime } from '@/utils/time'
import { getManaged } from '../../features/events/api'
import { scanTicket, walkIn } from '../../features/checkin/api'
import { nameOf, type Direction } from '../../features/checkin/offline'
import { useOfflineQueue, type SyncReport } from '../../features/checkin/hooks/useOfflineQueue'
import '@/components/form/form.scss'
import './index.scss'

/** The big result panel: green for a good ticket, red with the reason otherwise. */
interface Panel {
  ok: boolean
  title: string
  name: string | null
  /** 已签到 / 已签退 / 待同步 / 无效 … */
  state: string
  lines: string[]
}

/** Said when what was scanned or pasted for a walk-in is not an identity code. */
const NOT_IDENTITY_CODE = '这不是身份码，请扫描对方「我的身份码」页面上的二维码'

function onlinePanel(r: ScanResult, title?: string): Panel {
  return {
    ok: true,
    title: title ?? `${VERB[r.direction]}成功`,
    name: displayName(r.person),
    state: r.direction === 'in' ? '已签到' : '已签退',
    lines: [
      `时间 ${formatClock(r.scannedAt)}`,
      ...(r.repeated ? ['此前已扫描过，未重复记录'] : []),
      ...(r.needsReview ? ['需核查'] : []),
    ],
  }
}

function errorPanel(err: unknown, verb: string, name: string | null): Panel {
  return { ok: false, title: failureTitle(errorCode(err), verb), name, state: '未通过', lines: [errorMessage(err)] }
}

/** A short buzz after each result: the organiser looks at the next person, not at the screen. */
function buzz() {
  if (process.env.TARO_ENV !== 'weapp') return
  try {
    Taro.vibrateShort({ type: 'medium' }).catch(() => undefined)
  } catch {
    // No vibration on this device.
  }
}

function reportText(r: SyncReport): string {
  const parts = [`已同步 ${r.recorded + r.repeated} 条`]
  if (r.problems) parts.push(`${r.problems} 条有问题`)
  return parts.join('，')
}

function Scanner({ activityId }: { activityId: string }) {
  const offline = useOfflineQueue(activityId)
  const [title, setTitle] = useState<string | null>(null)
  const [direction, setDirection] = useState<Direction>('in')
  const [manualOffline, setManualOffline] = useState(false)
  const [networkDown, setNetworkDown] = useState(false)
  const { busy, run } = useAction<'scan' | 'walkin' | 'download'>()
  const [panel, setPanel] = useState<Panel | null>(null)
  const [token, setToken] = useState('')
  const [identityToken, setIdentityToken] = useState('')
  const [walkInHint, setWalkInHint] = useState<string | null>(null)
  // The walk-in last sent without an answer: retried with the same nonce, so it counts once.
  const [walkInAttempt, setWalkInAttempt] = useState<{ token: string; nonce: string } | null>(null)
  const checking = useRef(false)
  const offlineMode = manualOffline || networkDown
  const verb = VERB[direction]

  // Keep the latest sync for listeners registered once.
  const syncRef = useRef(offline.sync)
  syncRef.current = offline.sync
  const manualRef = useRef(manualOffline)
  manualRef.current = manualOffline

  async function autoSync() {
    if (manualRef.current) return
    const report = await syncRef.current()
    if (report && !report.error) void Taro.showToast({ title: reportText(report), icon: 'none' })
  }

  useEffect(() => {
    getManaged(activityId).then(
      (a) => setTitle(a.title),
      () => undefined,
    )
  }, [activityId])

  // The network comes and goes on site: follow it, and send the queue when it is back.
  useEffect(() => {
    const onChange = (res: { isConnected: boolean }) => {
      setNetworkDown(!res.isConnected)
      if (res.isConnected) void autoSync()
    }
    Taro.onNetworkStatusChange(onChange)
    return () => Taro.offNetworkStatusChange(onChange)
  }, [])

  useDidShow(() => {
    Taro.getNetworkType().then(
      ({ networkType }) => {
        const down = networkType === 'none'
        setNetworkDown(down)
        if (!down) void autoSync()
      },
      () => undefined,
    )
  })

  function showOffline(t: string, nonce: string, why?: string) {
    const verdict = offline.verify(t, direction)
    if (!verdict.ok) {
      setPanel({
        ok: false,
        title: verdict.reason === 'unknown' ? '无效入场券' : '无法验票',
        name: null,
        state: '未通过',
        lines: [verdict.message, ...(why ? [why] : [])],
      })
      return
    }
    if (!verdict.repeated) offline.add({ token: t, direction, nonce, scannedAt: offline.now().toISOString() })
    setPanel({
      ok: true,
      title: `${verb}成功`,
      name: verdict.entry.name,
      state: '待同步',
      lines: [verdict.repeated ? '此前已扫描过（待同步）' : `离线核验通过，联网后自动同步`, ...(why ? [why] : [])],
    })
  }

  async function check(raw: string) {
    const t = raw.trim()
    if (!t || checking.current) return
    const nonce = newNonce()
    if (offlineMode) {
      showOffline(t, nonce)
      buzz()
      return
    }
    checking.current = true
    await run(
      'scan',
      async () => setPanel(onlinePanel(await scanTicket({ activityId, token: t, direction, nonce }))),
      (err) => {
        // No answer: the scan may or may not have arrived. Check it here and queue it with the same
        // nonce, so a scan that did arrive is reported as repeated when the queue is sent.
        if (err instanceof ApiError && err.code === 'NETWORK') showOffline(t, nonce, '网络不可用，已离线核验')
        else setPanel(errorPanel(err, verb, nameOf(offline.roster, t)))
      },
    )
    checking.current = false
    buzz()
  }

  async function scan() {
    let result: string
    try {
      result = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
    } catch {
      return // closed the camera
    }
    await check(result)
  }

  async function submitToken() {
    await check(token)
    setToken('')
  }

  async function download() {
    await run(
      'download',
      async () => {
        const r = await offline.download()
        void Taro.showToast({ title: `已下载 ${r.entries.length} 人`, icon: 'success' })
      },
      { modal: '下载失败' },
    )
  }

  async function syncNow() {
    const report = await offline.sync()
    if (!report) return
    if (report.error)
      void Taro.showModal({ title: '同步未完成', content: errorMessage(report.error), showCancel: false })
    else void Taro.showToast({ title: reportText(report), icon: 'none' })
  }

  /** 现场报名: the person's identity code, scanned from their screen (their consent), never a phone number. */
  async function walkInWith(raw: string) {
    const t = raw.trim()
    if (!IDENTITY_CODE.test(t)) {
      setWalkInHint(NOT_IDENTITY_CODE)
      return
    }
    setWalkInHint(null)
    // One nonce per code: a retry of the same code reuses it, another code gets its own.
    const attempt = walkInAttempt?.token === t ? walkInAttempt : { token: t, nonce: newNonce() }
    setWalkInAttempt(attempt)
    await run(
      'walkin',
      async () => {
        const r = await walkIn(activityId, t, attempt.nonce)
        setWalkInAttempt(null)
        setPanel(onlinePanel(r, '现场报名成功'))
        setIdentityToken('')
      },
      (err) => {
        // Only a lost answer is worth retrying as is; a refused code needs a fresh one.
        if (!(err instanceof ApiError && err.code === 'NETWORK')) setWalkInAttempt(null)
        setPanel(errorPanel(err, '现场报名', null))
      },
    )
    buzz()
  }

  async function scanIdentityCode() {
    let result: string
    try {
      result = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
    } catch {
      return // closed the camera
    }
    await walkInWith(result)
  }

  const roster = offline.roster
  return (
    <View className="scanner" data-testid="scanner">
      <View className="scanner__card">
        {title ? <Text className="scanner__title">{title}</Text> : null}
        <View className="scanner__toggle">
          {(['in', 'out'] as const).map((d) => (
            <Text
              key={d}
              className={`scanner__dir${direction === d ? ' scanner__dir--on' : ''}`}
              data-testid={`direction-${d}`}
              onClick={() => setDirection(d)}
            >
              {VERB[d]}
            </Text>
          ))}
        </View>
        <View className="scanner__mode">
          <Text
            className={`scanner__mode-text${offlineMode ? ' scanner__mode-text--off' : ''}`}
            data-testid="scanner-mode"
          >
            {networkDown ? '网络不可用：离线验票' : manualOffline ? '离线模式：离线验票' : '在线验票'}
          </Text>
          <Text className="scanner__label">离线模式</Text>
          <Switch
            data-testid="offline-switch"
            checked={manualOffline}
            color="#d81e06"
            onChange={(e) => {
              const on = !!e.detail.value
              setManualOffline(on)
              manualRef.current = on
              if (!on && !networkDown) void autoSync()
            }}
          />
        </View>
      </View>

      <View className="scanner__card scanner__scan">
        {process.env.TARO_ENV === 'h5' ? (
          <View className="scanner__manual">
            <Input
              className="scanner__input"
              data-testid="ticket-input"
              value={token}
              maxlength={128}
              placeholder="粘贴入场券内容"
              onInput={(e) => setToken(e.detail.value)}
              onConfirm={() => void submitToken()}
            />
            <Button
              className="scanner__submit"
              data-testid="ticket-submit"
              color="primary"
              shape="round"
              loading={busy === 'scan'}
              disabled={busy !== null}
              onClick={() => void submitToken()}
            >
              验票
            </Button>
          </View>
        ) : (
          <Button
            className="scanner__scan-btn"
            data-testid="scan-ticket"
            color="primary"
            shape="round"
            size="large"
            block
            loading={busy === 'scan'}
            disabled={busy !== null}
            onClick={() => void scan()}
          >
            {panel ? `扫描下一位（${verb}）` : `扫描入场券（${verb}）`}
          </Button>
        )}

        {panel ? (
          <View className={`scanner__panel scanner__panel--${panel.ok ? 'ok' : 'error'}`} data-testid="scan-result">
            <Text className="scanner__panel-title">{panel.title}</Text>
            {panel.name ? (
              <Text className="scanner__panel-name" data-testid="scan-result-name">
                {panel.name}
              </Text>
            ) : null}
            <Text className="scanner__panel-state">{panel.state}</Text>
            {panel.lines.map((l) => (
              <Text key={l} className="scanner__panel-line">
                {l}
              </Text>
            ))}
          </View>
        ) : null}
      </View>

      <View className="scanner__card" data-testid="offline-card">
        <View className="scanner__row">
          <Text className="scanner__section">离线验票</Text>
          {offline.queue.length ? (
            <Text className="scanner__badge" data-testid="pending-count">
              待同步 {offline.queue.length}
            </Text>
          ) : null}
        </View>
        <Text className="scanner__hint" data-testid="roster-status">
          {roster
            ? `离线名单 ${roster.entries.length} 人，${formatDateTime(roster.generatedAt)} 下载`
            : '活动前请下载名单：没有网络时也能核验入场券'}
        </Text>
        <View className="scanner__actions">
          <Button
            size="small"
            shape="round"
            variant="outlined"
            color="primary"
            data-testid="roster-download"
            loading={busy === 'download'}
            disabled={busy !== null}
            onClick={() => void download()}
          >
            {roster ? '重新下载名单' : '下载名单'}
          </Button>
          <Button
            size="small"
            shape="round"
            color="primary"
            data-testid="sync-button"
            loading={offline.syncing}
            disabled={offline.syncing || offline.queue.length === 0}
            onClick={() => void syncNow()}
          >
            同步
          </Button>
        </View>
        {offline.problems.length ? (
          <View className="scanner__problems" data-testid="sync-problems">
            <Text className="scanner__hint">以下扫描未被采用：</Text>
            {offline.problems.map((p) => (
              <View key={p.nonce} className="scanner__problem" data-testid="sync-problem">
                <Text className="scanner__problem-head">
                  {p.name} · {VERB[p.direction]} · {formatClock(p.scannedAt)}
                </Text>
                <Text className="scanner__problem-text">{p.message}</Text>
              </View>
            ))}
          </View>
        ) : null}
      </View>

      <View className="scanner__card" data-testid="walkin">
        <Text className="scanner__section">现场报名</Text>
        <Text className="scanner__hint">
          没有报名的青年：请对方打开「我的 · 我的身份码」，扫描其身份码，有余位时为其报名并签到
        </Text>
        {process.env.TARO_ENV === 'h5' ? (
          <View className="scanner__manual">
            <Input
              className="scanner__input"
              data-testid="walkin-token"
              value={identityToken}
              maxlength={128}
              placeholder="粘贴身份码内容"
              onInput={(e) => setIdentityToken(e.detail.value)}
              onConfirm={() => void walkInWith(identityToken)}
            />
            <Button
              className="scanner__submit"
              data-testid="walkin-submit"
              color="primary"
              shape="round"
              variant="outlined"
              loading={busy === 'walkin'}
              disabled={busy !== null || offlineMode}
              onClick={() => void walkInWith(identityToken)}
            >
              报名签到
            </Button>
          </View>
        ) : (
          <View className="scanner__actions">
            <Button
              data-testid="walkin-scan"
              color="primary"
              shape="round"
              variant="outlined"
              loading={busy === 'walkin'}
              disabled={busy !== null || offlineMode}
              onClick={() => void scanIdentityCode()}
            >
              扫描身份码
            </Button>
            {walkInAttempt ? (
              <Button
                data-testid="walkin-retry"
                shape="round"
                variant="outlined"
                disabled={busy !== null || offlineMode}
                onClick={() => void walkInWith(walkInAttempt.token)}
              >
                重试
              </Button>
            ) : null}
          </View>
        )}
        {walkInHint ? <Text className="scanner__error">{walkInHint}</Text> : null}
        {offlineMode ? <Text className="scanner__hint">现场报名需要网络</Text> : null}
      </View>
    </View>
  )
}

export default function ScannerPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  if (!id) return <EmptyState text="活动不存在" />
  // Remount per event: the offline state is stored per event.
  return <Scanner key={id} activityId={id} />
}
