import { useEffect, useRef, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { ManagedActivity } from '@api/activity'
import type { ActivityNotice, DrawResult, NoticeKind, RosterEntry, RosterPage, SignupSummary } from '@api/signup'
import { NOTICE_KINDS } from '@contract/signup'
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
  listNotices,
  listRoster,
  markAttendance,
  moveQuota,
  pick,
  promote,
  reject,
  sendNotice,
  type RosterFilter,
} from '../../features/signup/api'
import { NoticeDialog } from '../../features/signup/components/NoticeDialog'
import { NoticeHistory, reachText } from '../../features/signup/components/NoticeHistory'
import { RosterItem, type RosterAction } from '../../features/signup/components/RosterItem'
import './index.scss'

type Filter = RosterFilter

const ATTENDANCE_CHIPS = [
  { key: 'checkedIn', label: '已签到' },
  { key: 'notCheckedIn', label: '未签到' },
] as const

/** The kind the editor's prompt asks for (`notify=time|place|other` in the address), if any. */
function noticeKindParam(v: string | undefined): NoticeKind | undefined {
  return NOTICE_KINDS.find((k) => k === v)
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

interface RosterProps {
  activity: ManagedActivity
  initial: SignupSummary
  notices: { items: ActivityNotice[]; leftToday: number }
  /** Open the notice dialog at once with this kind (after the editor changed the time or place). */
  notify?: NoticeKind
}

function Roster({ activity, initial, notices: initialNotices, notify }: RosterProps) {
  const [summary, setSummary] = useState(initial)
  const [filter, setFilter] = useState<Filter>({})
  const [query, setQuery] = useState('')
  // The counts per state of the current search and filters, and whether check-in has opened (first page's answer).
  const [found, setFound] = useState<{ key: string; counts: RosterPage['counts']; checkinOpen: boolean } | null>(null)
  const filterKey = JSON.stringify(filter)
  const currentKey = useRef(filterKey)
  currentKey.current = filterKey
  const [notices, setNotices] = useState(initialNotices)
  const [noticeOpen, setNoticeOpen] = useState(notify !== undefined)
  const [noticeError, setNoticeError] = useState<string | null>(null)
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
  const filtered = !!(filter.search || filter.quotaKey || filter.attendance)
  // Counts of the current search when the server gave them; the event's own counts otherwise.
  const counts = found?.key === filterKey && found.counts ? found.counts : filtered ? {} : summary.counts
  const total = Object.values(counts).reduce((s, n) => s + (n ?? 0), 0)
  const checkinOpen = found?.checkinOpen ?? false

  const { items, setItems, cursor, error, more, reload, loadMore } = usePagedList(
    async (after) => {
      const page = await listRoster(activity.id, filter, after ?? undefined)
      if (!after && currentKey.current === filterKey)
        setFound({ key: filterKey, counts: page.counts ?? null, checkinOpen: page.checkinOpen ?? false })
      return page
    },
    [activity.id, filterKey],
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

  function onSearch(value: string) {
    const search = value.trim() || undefined
    setFilter((f) => (f.search === search ? f : { ...f, search }))
  }

  async function onSendNotice(kind: NoticeKind, text: string) {
    setNoticeError(null)
    await run(
      'notice',
      async () => {
        const sent = await sendNotice(activity.id, kind, text)
        setNotices((n) => ({ items: [sent, ...n.items], leftToday: Math.max(0, n.leftToday - 1) }))
        setNoticeOpen(false)
        void Taro.showModal({ title: '通知已发送', content: reachText(sent), showCancel: false })
        void listNotices(activity.id)
          .then(setNotices)
          .catch(() => undefined)
      },
      (err) => setNoticeError(errorMessage(err)),
    )
  }

  async function onExport() {
    await run('export', async () => openExport(await exportRoster(activity.id)), FAILED)
  }

  const states = STATE_ORDER.filter((s) => (counts[s] ?? 0) > 0 || filter.state === s)
  let body: JSX.Element
  if (error) body = <CallError error={error} onRetry={() => void reload()} />
  else if (!items) body = <View className="roster__more">加载中…</View>
  else if (items.length === 0)
    body = <EmptyState text={filter.state || filtered ? '没有符合条件的报名' : '还没有人报名'} />
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
        </View>
        <View className="roster__actions">
          <Button
            className="roster__action"
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
          <Button
            className="roster__action"
            data-testid="notice-open"
            size="small"
            shape="round"
            color="primary"
            disabled={busy !== null}
            onClick={() => {
              setNoticeError(null)
              setNoticeOpen(true)
            }}
          >
            发送通知
          </Button>
        </View>
        <Text className="roster__quotas">
          {summary.quotas
            .map((q) => `${q.key || '名额'} ${q.taken}/${q.capacity}${q.waiting ? `（候补 ${q.waiting}）` : ''}`)
            .join('　')}
        </Text>
        <View className="roster__search">
          <Input
            className="roster__search-input"
            data-testid="roster-search"
            type="text"
            confirmType="search"
            value={query}
            maxlength={20}
            placeholder="搜索姓名或手机尾号"
            onInput={(e) => setQuery(e.detail.value)}
            onConfirm={(e) => onSearch(e.detail.value)}
          />
          {query ? (
            <Text
              className="roster__search-clear"
              data-testid="roster-search-clear"
              onClick={() => {
                setQuery('')
                onSearch('')
              }}
            >
              清除
            </Text>
          ) : null}
          <Text className="roster__search-go" data-testid="roster-search-go" onClick={() => onSearch(query)}>
            搜索
          </Text>
        </View>
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
              {STATE_NAMES[s]} {counts[s] ?? 0}
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
        {checkinOpen ? (
          <View className="roster__chips" data-testid="attendance-filter">
            <Text
              className={`roster__chip${!filter.attendance ? ' roster__chip--on' : ''}`}
              onClick={() => setFilter((f) => ({ ...f, attendance: undefined }))}
            >
              全部签到情况
            </Text>
            {ATTENDANCE_CHIPS.map((c) => (
              <Text
                key={c.key}
                className={`roster__chip${filter.attendance === c.key ? ' roster__chip--on' : ''}`}
                data-testid={`attendance-${c.key}`}
                onClick={() => setFilter((f) => ({ ...f, attendance: c.key }))}
              >
                {c.label}
              </Text>
            ))}
          </View>
        ) : null}
      </View>

      <NoticeHistory items={notices.items} />

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
      <NoticeDialog
        open={noticeOpen}
        initialKind={notify}
        confirmed={summary.counts.confirmed ?? 0}
        leftToday={notices.leftToday}
        busy={busy === 'notice'}
        error={noticeError}
        onCancel={() => setNoticeOpen(false)}
        onSend={(kind, text) => void onSendNotice(kind, text)}
      />
    </View>
  )
}

export default function RosterPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const data = useLoad(async () => {
    const [activity, summary, notices] = await Promise.all([getManaged(id), getSummary(id), listNotices(id)])
    return { activity, summary, notices }
  }, [id])

  if (data.phase === 'loading') return <View className="roster__more">加载中…</View>
  if (data.phase === 'error') return <CallError error={data.error} onRetry={() => void data.reload()} />
  return (
    <Roster
      activity={data.data.activity}
      initial={data.data.summary}
      notices={data.data.notices}
      notify={noticeKindParam(params.notify)}
    />
  )
}
