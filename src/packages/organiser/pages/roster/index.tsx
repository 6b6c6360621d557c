import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { ManagedActivity } from '@api/activity'
import type { DrawResult, RegistrationState, RosterEntry, SignupSummary } from '@api/signup'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { ReasonDialog } from '@/components/ReasonDialog'
import { STATE_NAMES, STATE_ORDER } from '@/features/signup/states'
import { errorMessage } from '@/utils/errors'
import { displayName } from '@/utils/display-name'
import { openExport } from '@/utils/open-export'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { usePagedList } from '@/hooks/usePagedList'
import { getManaged } from '../../features/events/api'
import {
  approve,
  draw,
  exportRoster,
  getSummary,
  listRoster,
  markAttendance,
  moveQuota,
  pick,
  promote,
  reject,
} from '../../features/signup/api'
import { RosterItem, type RosterAction } from '../../features/signup/components/RosterItem'
import './index.scss'

interface Filter {
  state?: RegistrationState
  quotaKey?: string
}

const DONE: Record<RosterAction, string> = {
  approve: '已通过',
  reject: '已驳回',
  revoke: '已取消资格',
  promote: '已递补',
  attended: '已记为到场',
  no_show: '已记为缺席',
}

const FAILED = { modal: '操作失败' }

function drawText(r: DrawResult): string {
  const groups = Object.entries(r.order)
    .map(([k, ids]) => `${k || '全部'} ${ids.length} 人`)
    .join('，')
  return `抽签种子：${r.seed}\n参与：${groups}\n入选待确认：${r.offered} 人（其余按抽签顺序候补）`
}

function Roster({ activity, initial }: { activity: ManagedActivity; initial: SignupSummary }) {
  const [summary, setSummary] = useState(initial)
  const [filter, setFilter] = useState<Filter>({})
  const { busy, run } = useAction()
  const [dialog, setDialog] = useState<{ entry: RosterEntry; kind: 'reject' | 'revoke' } | null>(null)
  const [dialogError, setDialogError] = useState<string | null>(null)
  const [selected, setSelected] = useState<string[]>([])
  const [seed, setSeed] = useState('')
  const [drawn, setDrawn] = useState<DrawResult | null>(null)

  const settings = summary.settings
  const quotaKeys = summary.quotas.length > 1 ? summary.quotas.map((q) => q.key) : []
  const started = Date.now() >= Date.parse(activity.startAt)
  const select = settings.allocation === 'select'
  const total = Object.values(summary.counts).reduce((s, n) => s + (n ?? 0), 0)

  const { items, setItems, cursor, error, more, reload, loadMore } = usePagedList(
    (after) => listRoster(activity.id, filter, after ?? undefined),
    [activity.id, filter],
  )
  useEffect(() => setSelected([]), [activity.id, filter])

  const refreshSummary = () =>
    getSummary(activity.id)
      .then(setSummary)
      .catch(() => undefined)

  useReachBottom(loadMore)

  async function apply(entry: RosterEntry, call: () => Promise<RosterEntry>, done: string): Promise<boolean> {
    const updated = await run(
      entry.id,
      async () => {
        const updated = await call()
        setItems((old) => old?.map((e) => (e.id === updated.id ? updated : e)) ?? null)
        void Taro.showToast({ title: done, icon: 'success' })
        void refreshSummary()
        return updated
      },
      FAILED,
    )
    return updated !== null
  }

  function onAction(entry: RosterEntry, action: RosterAction) {
    setDialogError(null)
    switch (action) {
      case 'approve':
        return void apply(entry, () => approve(entry.id), DONE.approve)
      case 'promote':
        return void apply(entry, () => promote(entry.id), DONE.promote)
      case 'attended':
      case 'no_show':
        return void apply(entry, () => markAttendance(entry.id, action), DONE[action])
      case 'reject':
      case 'revoke':
        return setDialog({ entry, kind: action })
    }
  }

  async function onReason(reason: string) {
    if (!dialog) return
    const { entry, kind } = dialog
    setDialogError(null)
    await run(
      entry.id,
      async () => {
        const updated = await reject(entry.id, reason)
        setItems((old) => old?.map((e) => (e.id === updated.id ? updated : e)) ?? null)
        setDialog(null)
        void Taro.showToast({ title: DONE[kind], icon: 'success' })
        void refreshSummary()
      },
      (err) => setDialogError(errorMessage(err)),
    )
  }

  async function onDraw() {
    const { confirm } = await Taro.showModal({
      title: '抽签',
      content: '将按抽签顺序给申请者发放名额，结果不可撤销。确定抽签？',
      confirmText: '抽签',
      cancelText: '取消',
    })
    if (!confirm) return
    await run(
      'draw',
      async () => {
        setDrawn(await draw(activity.id, seed.trim() || undefined))
        void refreshSummary()
        await reload()
      },
      FAILED,
    )
  }

  async function onPick() {
    await run(
      'pick',
      async () => {
        const { offered } = await pick(activity.id, selected)
        void Taro.showToast({ title: `已通知 ${offered} 人确认`, icon: 'success' })
        setSelected([])
        void refreshSummary()
        await reload()
      },
      FAILED,
    )
  }

  async function onExport() {
    await run('export', async () => openExport(await exportRoster(activity.id)), FAILED)
  }

  const states = STATE_ORDER.filter((s) => (summary.counts[s] ?? 0) > 0 || filter.state === s)
  let body: JSX.Element
  if (error) body = <CallError error={error} onRetry={() => void reload()} />
  else if (!items) body = <View className="roster__more">加载中…</View>
  else if (items.length === 0)
    body = <EmptyState text={filter.state || filter.quotaKey ? '没有符合条件的报名' : '还没有人报名'} />
  else {
    body = (
      <View data-testid="roster-list">
        {items.map((e) => (
          <RosterItem
            key={e.id}
            entry={e}
            questions={settings.questions}
            quotaKeys={quotaKeys}
            started={started}
            busy={busy !== null}
            selectable={select && (e.state === 'applied' || e.state === 'waitlisted')}
            selected={selected.includes(e.id)}
            onToggle={() => setSelected((s) => (s.includes(e.id) ? s.filter((x) => x !== e.id) : [...s, e.id]))}
            onAction={(a) => onAction(e, a)}
            onMove={(key) => void apply(e, () => moveQuota(e.id, key), `已调整到「${key}」`)}
          />
        ))}
        {cursor ? (
          <View className="roster__more" data-testid="roster-more" onClick={loadMore}>
            {more === 'loading' ? '加载中…' : more !== 'idle' ? `${more}，点此重试` : '加载更多'}
          </View>
        ) : (
          <View className="roster__more">没有更多了</View>
        )}
      </View>
    )
  }

  return (
    <View className="roster" data-testid="roster">
      <View className="roster__head" data-testid="roster-summary">
        <View className="roster__title-row">
          <Text className="roster__title">{activity.title}</Text>
          <Button
            className="roster__export"
            size="small"
            shape="round"
            variant="outlined"
            color="primary"
            loading={busy === 'export'}
            disabled={busy !== null}
            onClick={() => void onExport()}
          >
            导出名单
          </Button>
        </View>
        <Text className="roster__quotas">
          {summary.quotas
            .map((q) => `${q.key || '名额'} ${q.taken}/${q.capacity}${q.waiting ? `（候补 ${q.waiting}）` : ''}`)
            .join('　')}
        </Text>
        <View className="roster__chips" data-testid="state-filter">
          <Text
            className={`roster__chip${!filter.state ? ' roster__chip--on' : ''}`}
            onClick={() => setFilter((f) => ({ ...f, state: undefined }))}
          >
            全部 {total}
          </Text>
          {states.map((s) => (
            <Text
              key={s}
              className={`roster__chip${filter.state === s ? ' roster__chip--on' : ''}`}
              data-testid={`filter-${s}`}
              onClick={() => setFilter((f) => ({ ...f, state: s }))}
            >
              {STATE_NAMES[s]} {summary.counts[s] ?? 0}
            </Text>
          ))}
        </View>
        {quotaKeys.length ? (
          <View className="roster__chips" data-testid="quota-filter">
            <Text
              className={`roster__chip${!filter.quotaKey ? ' roster__chip--on' : ''}`}
              onClick={() => setFilter((f) => ({ ...f, quotaKey: undefined }))}
            >
              全部分组
            </Text>
            {quotaKeys.map((k) => (
              <Text
                key={k}
                className={`roster__chip${filter.quotaKey === k ? ' roster__chip--on' : ''}`}
                data-testid={`quota-${k}`}
                onClick={() => setFilter((f) => ({ ...f, quotaKey: k }))}
              >
                {k}
              </Text>
            ))}
          </View>
        ) : null}
      </View>

      {select ? (
        <View className="roster__draw" data-testid="draw-panel">
          <Text className="roster__draw-title">抽签 / 选人</Text>
          <Text className="roster__hint">
            报名截止后可抽签：同一种子对同一批申请得出相同结果，可公开复核。也可以勾选申请者后点「选中」。
          </Text>
          <View className="roster__draw-row">
            <Input
              className="roster__seed"
              data-testid="draw-seed"
              value={seed}
              maxlength={64}
              placeholder="抽签种子（选填，留空自动生成）"
              onInput={(e) => setSeed(e.detail.value)}
            />
            <Button
              className="roster__draw-btn"
              size="small"
              shape="round"
              color="primary"
              loading={busy === 'draw'}
              disabled={busy !== null}
              onClick={() => void onDraw()}
            >
              抽签
            </Button>
          </View>
          {drawn ? (
            <Text className="roster__result" data-testid="draw-result">
              {drawText(drawn)}
            </Text>
          ) : null}
        </View>
      ) : null}

      {body}

      {select && selected.length > 0 ? (
        <View className="roster__pickbar" data-testid="pick-bar">
          <Text>已勾选 {selected.length} 人</Text>
          <Button
            className="roster__pick"
            color="primary"
            shape="round"
            loading={busy === 'pick'}
            disabled={busy !== null}
            onClick={() => void onPick()}
          >
            选中
          </Button>
        </View>
      ) : null}

      <ReasonDialog
        open={dialog !== null}
        title={dialog?.kind === 'revoke' ? '取消资格' : '驳回报名'}
        message={`${dialog ? displayName(dialog.entry.person) : ''}会收到通知并看到原因。`}
        confirmText={dialog?.kind === 'revoke' ? '确认取消资格' : '确认驳回'}
        busy={busy !== null}
        error={dialogError}
        onCancel={() => setDialog(null)}
        onConfirm={(reason) => void onReason(reason)}
      />
    </View>
  )
}

export default function RosterPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const data = useLoad(async () => {
    const [activity, summary] = await Promise.all([getManaged(id), getSummary(id)])
    return { activity, summary }
  }, [id])

  if (data.phase === 'loading') return <View className="roster__more">加载中…</View>
  if (data.phase === 'error') return <CallError error={data.error} onRetry={() => void data.reload()} />
  return <Roster activity={data.data.activity} initial={data.data.summary} />
}
