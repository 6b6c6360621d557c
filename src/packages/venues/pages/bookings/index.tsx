import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import Tabs from '@taroify/core/tabs'
import '@taroify/core/tabs/style'
import type { Booking } from '@api/venue'
import { CallError, SignInPrompt } from '@/components/CallError'
import { ErrorState } from '@/components/ErrorState'
import { EmptyState } from '@/components/EmptyState'
import { ReasonDialog } from '@/components/ReasonDialog'
import { useSessionStore } from '@/features/session/store/session'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { errorMessage } from '@/utils/errors'
import { cancelBooking, unitBookings } from '../../features/venue/api'
import { BookingCard } from '../../features/venue/components/BookingCard'
import { cancellable } from '../../features/venue/labels'
import './index.scss'

type Tab = 'upcoming' | 'past'

/** 我的单位预订: a unit's bookings, upcoming or past, with their states; cancel one. */
export default function UnitBookingsPage() {
  const { params } = useRouter()
  const session = useSessionStore()
  const units = session.me?.units ?? []
  const [chosen, setChosen] = useState<string | null>(params.unitId ?? null)
  const unitId = chosen ?? units[0]?.id ?? null
  const [tab, setTab] = useState<Tab>('upcoming')
  const [cancelling, setCancelling] = useState<Booking | null>(null)
  const [cancelError, setCancelError] = useState<string | null>(null)
  const { busy, run } = useAction<'cancel'>()

  useDidShow(() => {
    void useSessionStore.getState().load()
  })

  const list = useLoad(
    () => (unitId ? unitBookings(unitId, tab === 'past') : new Promise<never>(() => undefined)),
    [unitId, tab],
  )

  const cancel = async (reason: string) => {
    if (!cancelling) return
    setCancelError(null)
    const done = await run(
      'cancel',
      () => cancelBooking(cancelling.id, reason),
      (err) => setCancelError(errorMessage(err)),
    )
    if (done) {
      setCancelling(null)
      void Taro.showToast({ title: '已取消预订', icon: 'none' })
      void list.reload()
    }
  }

  let body: JSX.Element
  if (session.phase === 'signed-out') body = <SignInPrompt />
  else if (session.phase === 'error')
    body = <ErrorState message={session.error ?? '加载失败'} onRetry={() => void session.load(true)} />
  else if (!unitId)
    body = session.me ? <EmptyState text="你还不是任何单位的组织者" /> : <View className="vb__hint">加载中…</View>
  else if (list.phase === 'error') body = <CallError error={list.error} onRetry={() => void list.reload()} />
  else if (list.phase === 'loading') body = <View className="vb__hint">加载中…</View>
  else if (list.data.items.length === 0)
    body = <EmptyState text={tab === 'past' ? '没有已结束的预订' : '暂无预订，去阵地地图看看吧'} />
  else {
    const now = new Date()
    body = (
      <View>
        {list.data.items.map((b) => (
          <BookingCard key={b.id} b={b}>
            {cancellable(b, now) ? (
              <Button
                size="small"
                shape="round"
                data-testid="booking-cancel"
                onClick={() => {
                  setCancelError(null)
                  setCancelling(b)
                }}
              >
                取消预订
              </Button>
            ) : null}
          </BookingCard>
        ))}
      </View>
    )
  }

  const unitName = units.find((u) => u.id === unitId)?.name
  return (
    <View className="vb">
      {units.length > 1 ? (
        <View className="vb__units">
          {units.map((u) => (
            <Text
              key={u.id}
              className={`vb__unit${u.id === unitId ? ' vb__unit--on' : ''}`}
              onClick={() => setChosen(u.id)}
            >
              {u.name}
            </Text>
          ))}
        </View>
      ) : unitName ? (
        <Text className="vb__title">{unitName}</Text>
      ) : null}
      <Tabs value={tab} onChange={(v: Tab) => setTab(v)}>
        <Tabs.TabPane value="upcoming" title="当前预订" />
        <Tabs.TabPane value="past" title="已结束" />
      </Tabs>
      <View className="vb__link" onClick={() => void Taro.navigateTo({ url: '/packages/venues/pages/list/index' })}>
        去预订场地 ›
      </View>
      {body}
      <ReasonDialog
        open={!!cancelling}
        title="取消这次预订？"
        message={cancelling ? `${cancelling.venueName} · ${cancelling.facilityName}` : undefined}
        placeholder="原因（选填），场地方会看到"
        minLength={0}
        maxLength={100}
        confirmText="取消预订"
        busy={busy === 'cancel'}
        error={cancelError}
        onCancel={() => setCancelling(null)}
        onConfirm={(reason) => void cancel(reason)}
      />
    </View>
  )
}
