import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { Booking } from '@api/venue'
import type { Me } from '@api/session'
import { SignInPrompt } from '@/components/CallError'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { ReasonDialog } from '@/components/ReasonDialog'
import { hasRole, useSessionStore } from '@/features/session/store/session'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { errorMessage } from '@/utils/errors'
import { approveBooking, declineBooking, listVenues, ownerPending } from '../../features/venue/api'
import { BookingCard } from '../../features/venue/components/BookingCard'
import './index.scss'

interface Owner {
  /** null: the district's own venues. */
  unitId: string | null
  name: string
}

const DISTRICT = '__district'
const USAGE = '/packages/admin/pages/venue-usage/index'

/** Whose venues this person runs: each unit they organise, and the district's when they administer it. */
function ownersOf(me: Me | null): Owner[] {
  if (!me) return []
  const owners: Owner[] = me.units.map((u) => ({ unitId: u.id, name: u.name }))
  if (hasRole(me, 'district_admin')) owners.push({ unitId: null, name: '团区委（区属场地）' })
  return owners
}

function open(url: string) {
  void Taro.navigateTo({ url })
}

/** 预订审批: requests waiting for the owner's answer; approve, decline with a reason; the owner's venues to block periods. */
export default function ApprovalsPage() {
  const session = useSessionStore()
  const owners = ownersOf(session.me)
  const [chosen, setChosen] = useState<string | null>(null)
  const owner = owners.find((o) => (o.unitId ?? DISTRICT) === chosen) ?? owners[0] ?? null
  const ownerKey = owner ? (owner.unitId ?? DISTRICT) : null
  const [declining, setDeclining] = useState<Booking | null>(null)
  const [declineError, setDeclineError] = useState<string | null>(null)
  const { busy, run } = useAction<string>()

  useDidShow(() => {
    void useSessionStore.getState().load()
  })

  const pending = useLoad(() => (owner ? ownerPending(owner.unitId) : new Promise<never>(() => undefined)), [ownerKey])
  const venues = useLoad(async () => {
    if (!owner) return new Promise<never>(() => undefined)
    const all = await listVenues({ near: null, facilityKind: null, tier: null })
    return all.items.filter((v) => v.ownerUnitId === owner.unitId)
  }, [ownerKey])

  const drop = (id: string) => {
    if (pending.data) pending.setData({ items: pending.data.items.filter((b) => b.id !== id) })
  }

  const approve = async (b: Booking) => {
    const done = await run(`approve:${b.id}`, () => approveBooking(b.id))
    if (done) {
      drop(b.id)
      void Taro.showToast({ title: '已通过，已通知预订单位', icon: 'none' })
    } else void pending.reload()
  }

  const decline = async (reason: string) => {
    if (!declining) return
    setDeclineError(null)
    const id = declining.id
    const done = await run(
      `decline:${id}`,
      () => declineBooking(id, reason),
      (err) => setDeclineError(errorMessage(err)),
    )
    if (done) {
      setDeclining(null)
      drop(id)
      void Taro.showToast({ title: '已拒绝，已通知预订单位', icon: 'none' })
    }
  }

  if (session.phase === 'signed-out') return <SignInPrompt />
  if (session.phase === 'error')
    return <ErrorState message={session.error ?? '加载失败'} onRetry={() => void session.load(true)} />
  if (!session.me) return <View className="va__hint">加载中…</View>
  if (!owner) return <EmptyState text="只有场地所属单位的组织者或团区委可以审批预订" />

  let body: JSX.Element
  if (pending.phase === 'error') body = <CallError error={pending.error} onRetry={() => void pending.reload()} />
  else if (pending.phase === 'loading') body = <View className="va__hint">加载中…</View>
  else if (pending.data.items.length === 0) body = <EmptyState text="没有待审批的预订" />
  else
    body = (
      <View>
        {pending.data.items.map((b) => (
          <BookingCard key={b.id} b={b} showUnit>
            <Button
              size="small"
              shape="round"
              data-testid="booking-decline"
              disabled={!!busy}
              onClick={() => {
                setDeclineError(null)
                setDeclining(b)
              }}
            >
              拒绝
            </Button>
            <Button
              size="small"
              shape="round"
              color="primary"
              data-testid="booking-approve"
              loading={busy === `approve:${b.id}`}
              disabled={!!busy}
              onClick={() => void approve(b)}
            >
              通过
            </Button>
          </BookingCard>
        ))}
      </View>
    )

  return (
    <View className="va">
      {owners.length > 1 ? (
        <View className="va__owners">
          {owners.map((o) => (
            <Text
              key={o.unitId ?? DISTRICT}
              className={`va__owner${o === owner ? ' va__owner--on' : ''}`}
              data-testid="owner-tab"
              onClick={() => setChosen(o.unitId ?? DISTRICT)}
            >
              {o.name}
            </Text>
          ))}
        </View>
      ) : (
        <Text className="va__title">{owner.name}</Text>
      )}
      <Text className="va__section">待审批</Text>
      {body}

      <Text className="va__section">我方场地 · 暂停开放</Text>
      <Text className="va__tip">打开场地，在时段表上点选要暂停的时段，再点“暂停开放”并填写原因。</Text>
      {venues.phase === 'ready' ? (
        venues.data.length === 0 ? (
          <Text className="va__tip">暂无场地</Text>
        ) : (
          venues.data.map((v) => (
            <View
              key={v.id}
              className="va__venue"
              data-testid="owner-venue"
              onClick={() => open(`/packages/venues/pages/venue/index?id=${encodeURIComponent(v.id)}`)}
            >
              <Text>{v.name}</Text>
              <Text className="va__arrow">›</Text>
            </View>
          ))
        )
      ) : null}
      {venues.phase === 'ready' && venues.data.length > 0 ? (
        // The server scopes the report: the district admin sees every venue, an organiser their units'.
        <Text className="va__link" data-testid="usage-link" onClick={() => open(USAGE)}>
          场地使用情况 ›
        </Text>
      ) : null}

      <ReasonDialog
        open={!!declining}
        title="拒绝这次预订"
        message="原因会告知预订单位"
        placeholder="如：该时段场地另有安排"
        minLength={2}
        maxLength={100}
        confirmText="拒绝"
        busy={!!declining && busy === `decline:${declining.id}`}
        error={declineError}
        onCancel={() => setDeclining(null)}
        onConfirm={(reason) => void decline(reason)}
      />
    </View>
  )
}
