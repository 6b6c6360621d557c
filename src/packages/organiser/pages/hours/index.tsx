import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { AuditRecord, EventHours, HoursPreview, LedgerEntry, MakeupRequest } from '@api/hours'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { ReasonDialog } from '@/components/ReasonDialog'
import { errorMessage } from '@/utils/errors'
import { formatDateTime, formatTimeRange } from '@/utils/time'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { displayName } from '@/utils/display-name'
import {
  addMakeup,
  adjustEntry,
  closeHours,
  confirmHours,
  declineEntry,
  entryHistory,
  getPreview,
  getReview,
  saveHoursSettings,
} from '../../features/hours/api'
import { AdjustDialog } from '../../features/hours/components/AdjustDialog'
import { EntryItem } from '../../features/hours/components/EntryItem'
import { HistoryDialog } from '../../features/hours/components/HistoryDialog'
import { MakeupDialog } from '../../features/hours/components/MakeupDialog'
import { SettingsPanel, type SettingsValue } from '../../features/hours/components/SettingsPanel'
import { dayText, flagText, hoursText } from '../../features/hours/labels'
import { previewEvidence } from '../../features/hours/evidence'
import { confirmable, groupByPerson, personOptions } from '../../features/hours/ledger'
import './index.scss'

const DAY_STATUS: Record<HoursPreview['items'][number]['days'][number]['status'], string> = {
  ok: '',
  below_minimum: '在场不足',
  needs_review: '需核实',
  participation_only: '只记参与',
}

function PreviewCard({ preview, error }: { preview: HoursPreview | null; error: unknown }) {
  return (
    <View className="hours-card" data-testid="hours-preview">
      <Text className="hours-card__title">目前打卡可得时长（尚未汇总）</Text>
      {error ? <Text className="hours-card__line">{errorMessage(error)}</Text> : null}
      {!preview && !error ? <Text className="hours-card__line">加载中…</Text> : null}
      {preview && !preview.awardsHours ? (
        <Text className="hours-card__hint">该类活动只记参与，不计志愿时长。</Text>
      ) : null}
      {preview && preview.items.length === 0 ? <Text className="hours-card__line">还没有人签到</Text> : null}
      {preview?.items.map((i) => (
        <View key={i.registrationId} className="hours-preview__row" data-testid="preview-item">
          <Text>{displayName(i.person)}</Text>
          <Text className="hours-preview__days">
            {i.days
              .map((d) =>
                [`${dayText(d.day)} ${hoursText(d.hours)} 小时`, DAY_STATUS[d.status], ...d.flags.map(flagText)]
                  .filter(Boolean)
                  .join(' · '),
              )
              .join('；')}
          </Text>
          <Text>{hoursText(i.totalHours)} 小时</Text>
        </View>
      ))}
    </View>
  )
}

function Review({ initial, reload }: { initial: EventHours; reload(): Promise<void> }) {
  const ev = initial
  const a = ev.activity
  const [preview, setPreview] = useState<HoursPreview | null>(null)
  const [previewError, setPreviewError] = useState<unknown>(null)
  const { busy, run: act } = useAction()
  const [adjusting, setAdjusting] = useState<LedgerEntry | null>(null)
  const [declining, setDeclining] = useState<LedgerEntry | null>(null)
  const [makeup, setMakeup] = useState(false)
  const [history, setHistory] = useState<AuditRecord[] | 'loading' | null>(null)
  const [historyError, setHistoryError] = useState<string | null>(null)
  const [showSettings, setShowSettings] = useState(false)
  const [dialogError, setDialogError] = useState<string | null>(null)

  // Before closing: what the scans earn so far. Also lists everyone a make-up can be for.
  useEffect(() => {
    getPreview(a.id).then(setPreview, setPreviewError)
  }, [a.id])

  // The server's clock decides (a phone's clock may be off).
  const ended = a.ended
  const closed = a.hoursClosedAt !== null
  const people = groupByPerson(ev)
  const pending = confirmable(ev.entries)

  async function run<T>(key: string, call: () => Promise<T>, done: (r: T) => string): Promise<boolean> {
    setDialogError(null)
    const ok = await act(
      key,
      async () => {
        const r = await call()
        void Taro.showToast({ title: done(r), icon: 'none' })
        await reload()
        return true
      },
      (err) => setDialogError(errorMessage(err)),
    )
    return ok !== null
  }

  function onClose() {
    void run(
      'close',
      () => closeHours(a.id),
      (r) => `已汇总 ${r.pending} 条，待核实 ${r.needsReview} 条`,
    )
  }

  async function onConfirm() {
    const { confirm } = await Taro.showModal({
      title: '确认时长',
      content:
        ev.settings.noticeDays > 0
          ? `无需核实的 ${pending.ready} 条时长将公示 ${ev.settings.noticeDays} 天，期满后生效。需核实的请先调整。`
          : `无需核实的 ${pending.ready} 条时长将立即生效，生效后只能冲正更正。需核实的请先调整。`,
      confirmText: '确认',
      cancelText: '再看看',
    })
    if (!confirm) return
    await act(
      'confirm',
      async () => {
        const r = await confirmHours(a.id)
        void Taro.showToast({
          title: `已确认 ${r.approved} 条，公示 ${r.onNotice} 条，待核实 ${r.leftForReview} 条`,
          icon: 'none',
        })
        await reload()
      },
      { modal: '操作失败' },
    )
  }

  async function onAdjust(hours: number, reason: string) {
    if (!adjusting) return
    const entry = adjusting
    if (
      await run(
        'adjust',
        () => adjustEntry(entry.id, hours, reason),
        () => (entry.status === 'approved' ? '已写入更正' : '已调整'),
      )
    ) {
      setAdjusting(null)
    }
  }

  async function onDecline(reason: string) {
    if (!declining) return
    const entry = declining
    if (
      await run(
        'decline',
        () => declineEntry(entry.id, reason),
        () => '已标记为不通过',
      )
    )
      setDeclining(null)
  }

  async function onMakeup(req: MakeupRequest) {
    if (
      await run(
        'makeup',
        () => addMakeup(req),
        () => '已补录，待确认',
      )
    )
      setMakeup(false)
  }

  async function onSettings(s: SettingsValue) {
    if (
      await run(
        'settings',
        () => saveHoursSettings({ activityId: a.id, ...s }),
        () => '规则已保存',
      )
    )
      setShowSettings(false)
  }

  function openHistory(entry: LedgerEntry) {
    setHistory('loading')
    setHistoryError(null)
    entryHistory(entry.id).then(setHistory, (err: unknown) => {
      setHistory(null)
      setHistoryError(errorMessage(err))
    })
  }

  function openDialog(set: () => void) {
    setDialogError(null)
    set()
  }

  return (
    <View className="hours" data-testid="hours-review">
      <View className="hours-card">
        <Text className="hours-card__title">{a.title}</Text>
        <Text className="hours-card__line">
          {formatTimeRange(a.startAt, a.endAt)} · 安排 {hoursText(a.scheduledHours)} 小时
        </Text>
        {!a.awardsHours ? <Text className="hours-card__hint">该类活动只记参与，不计志愿时长。</Text> : null}
        <Text className="hours-card__line" data-testid="hours-closed">
          {closed
            ? `已于 ${formatDateTime(a.hoursClosedAt as string)} 汇总`
            : ended
              ? '活动已结束，尚未汇总时长'
              : '活动结束后才能汇总时长'}
        </Text>
        <Text className="hours-card__hint">
          在场达到 {Math.round(ev.settings.minShare * 100)}% 才计时长，按 {ev.settings.stepHours} 小时向下取整；
          {ev.settings.noticeDays > 0 ? `确认后公示 ${ev.settings.noticeDays} 天再生效。` : '确认后立即生效。'}
        </Text>
        <View className="hours-card__buttons">
          <Button
            data-testid="hours-close"
            size="small"
            shape="round"
            color="primary"
            variant={closed ? 'outlined' : 'contained'}
            loading={busy === 'close'}
            disabled={!ended || busy !== null}
            onClick={onClose}
          >
            {closed ? '重新汇总' : '汇总时长'}
          </Button>
          {closed ? (
            <Button
              data-testid="hours-confirm"
              size="small"
              shape="round"
              color="primary"
              loading={busy === 'confirm'}
              disabled={pending.ready === 0 || busy !== null}
              onClick={() => void onConfirm()}
            >
              确认时长{pending.ready ? `（${pending.ready}）` : ''}
            </Button>
          ) : null}
          <Button
            data-testid="hours-makeup"
            size="small"
            shape="round"
            variant="outlined"
            disabled={busy !== null}
            onClick={() => openDialog(() => setMakeup(true))}
          >
            补录
          </Button>
          <Button
            data-testid="hours-settings-toggle"
            size="small"
            shape="round"
            variant="outlined"
            onClick={() => openDialog(() => setShowSettings(!showSettings))}
          >
            签到与计时规则
          </Button>
        </View>
        {pending.review > 0 ? (
          <Text className="hours-card__hint" data-testid="hours-review-count">
            有 {pending.review} 条需要核实，请调整后再确认。
          </Text>
        ) : null}
        {busy === null && dialogError && !adjusting && !declining && !makeup && !showSettings ? (
          <Text className="hours-dialog__error" data-testid="hours-error">
            {dialogError}
          </Text>
        ) : null}
      </View>

      {showSettings ? (
        <SettingsPanel
          settings={ev.settings}
          busy={busy === 'settings'}
          error={dialogError}
          onSave={(s) => void onSettings(s)}
        />
      ) : null}

      {!closed ? <PreviewCard preview={preview} error={previewError} /> : null}

      <Text className="hours__section">时长明细</Text>
      {people.length === 0 ? (
        <EmptyState text={closed ? '没有时长记录' : '汇总后，这里按人列出每天的时长'} />
      ) : (
        <View data-testid="hours-people">
          {people.map((p) => (
            <View key={p.registrationId} className="hours-person" data-testid="hours-person">
              <View className="hours-person__head">
                <Text className="hours-person__name">{p.name}</Text>
                <Text className="hours-person__nick">{p.name !== p.nickname ? p.nickname : ''}</Text>
                <Text className="hours-person__total">已确认 {hoursText(p.approvedHours)} 小时</Text>
              </View>
              {p.entries.map((e) => (
                <EntryItem
                  key={e.id}
                  entry={e}
                  busy={busy !== null}
                  onAdjust={() => openDialog(() => setAdjusting(e))}
                  onDecline={() => openDialog(() => setDeclining(e))}
                  onHistory={() => openHistory(e)}
                  onPhotos={() => previewEvidence(e.id)}
                />
              ))}
            </View>
          ))}
        </View>
      )}

      <AdjustDialog
        entry={adjusting}
        stepHours={ev.settings.stepHours}
        busy={busy === 'adjust'}
        error={dialogError}
        onCancel={() => setAdjusting(null)}
        onSubmit={(h, r) => void onAdjust(h, r)}
      />
      <ReasonDialog
        open={declining !== null}
        title="不通过"
        message={
          declining
            ? `${displayName(declining.person)} ${dayText(declining.day)} 的 ${hoursText(declining.hours)} 小时将不计入，本人可看到原因。`
            : ''
        }
        confirmText="确认不通过"
        busy={busy === 'decline'}
        error={dialogError}
        onCancel={() => setDeclining(null)}
        onConfirm={(reason) => void onDecline(reason)}
      />
      <MakeupDialog
        open={makeup}
        activityId={a.id}
        people={personOptions(ev, preview)}
        days={ev.days}
        stepHours={ev.settings.stepHours}
        busy={busy === 'makeup'}
        error={dialogError}
        onCancel={() => setMakeup(false)}
        onSubmit={(req) => void onMakeup(req)}
      />
      <HistoryDialog
        records={history}
        error={historyError}
        onClose={() => {
          setHistory(null)
          setHistoryError(null)
        }}
      />
    </View>
  )
}

export default function HoursReviewPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const review = useLoad(() => getReview(id), [id])
  if (review.phase === 'loading') return <View className="hours__loading">加载中…</View>
  if (review.phase === 'error') return <CallError error={review.error} onRetry={() => void review.reload()} />
  return <Review initial={review.data} reload={review.reload} />
}
