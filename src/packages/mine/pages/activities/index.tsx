import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import Tabs from '@taroify/core/tabs'
import '@taroify/core/tabs/style'
import type { MyRegistration, Registration } from '@api/signup'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { acceptOffer, cancelRegistration, declineOffer, listMine, type MyTab } from '@/features/signup/api'
import { useAction } from '@/hooks/useAction'
import { useReloadOnShow } from '@/hooks/useLatest'
import { usePagedList } from '@/hooks/usePagedList'
import { MyRegistrationCard } from '../../features/activities/components/MyRegistrationCard'
import { RatingPrompt } from '../../features/activities/components/RatingPrompt'
import { TicketPopup } from '../../features/activities/components/TicketPopup'
import './index.scss'

const TABS: { value: MyTab; title: string; empty: string }[] = [
  { value: 'upcoming', title: '即将参加', empty: '还没有报名的活动' },
  { value: 'waitlist', title: '候补中', empty: '没有候补中的活动' },
  { value: 'past', title: '已结束', empty: '还没有参加过的活动' },
]

export default function MyActivitiesPage() {
  const [tab, setTab] = useState<MyTab>('upcoming')
  const [ticketFor, setTicketFor] = useState<MyRegistration | null>(null)
  const { busy, run } = useAction()
  // One page: the server answers a tab whole.
  const { items, error, reload } = usePagedList(
    async () => ({ items: (await listMine(tab)).items, nextCursor: null }),
    [tab],
  )
  // Back from a detail page: I may have signed up or cancelled there.
  useReloadOnShow(reload)

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  async function act(item: MyRegistration, call: (id: string) => Promise<Registration>, done: string) {
    await run(
      item.id,
      async () => {
        await call(item.id)
        void Taro.showToast({ title: done, icon: 'success' })
      },
      { modal: '操作失败' },
    )
    // The item may move to another tab (an accepted offer stays, a cancelled one goes to 已结束).
    await reload()
  }

  async function confirmThen(title: string, content: string, then: () => Promise<void>) {
    const { confirm } = await Taro.showModal({ title, content, confirmText: '确定', cancelText: '再想想' })
    if (confirm) await then()
  }

  const current = TABS.find((t) => t.value === tab) ?? TABS[0]
  let body: JSX.Element
  if (error) body = <CallError error={error} onRetry={() => void reload()} />
  else if (!items) body = <View className="my-activities__loading">加载中…</View>
  else if (items.length === 0) body = <EmptyState text={current.empty} />
  else {
    body = (
      <View data-testid="my-list">
        {items.map((item) => (
          <MyRegistrationCard
            key={item.id}
            item={item}
            busy={busy !== null}
            onOpen={() =>
              void Taro.navigateTo({ url: `/pages/activity/index?id=${encodeURIComponent(item.activity.id)}` })
            }
            onAccept={() => void act(item, acceptOffer, '已确认参加')}
            onDecline={() =>
              void confirmThen('放弃名额', '放弃后名额将让给下一位候补，确定放弃？', () =>
                act(item, declineOffer, '已放弃'),
              )
            }
            onCancel={() =>
              void (item.state === 'waitlisted'
                ? confirmThen('退出候补', `确定退出「${item.activity.title}」的候补？`, () =>
                    act(item, cancelRegistration, '已退出候补'),
                  )
                : confirmThen('取消报名', `确定取消「${item.activity.title}」的报名？`, () =>
                    act(item, cancelRegistration, '已取消报名'),
                  ))
            }
            onTicket={() => setTicketFor(item)}
          />
        ))}
      </View>
    )
  }

  return (
    <View className="my-activities">
      <RatingPrompt />
      <Tabs value={tab} onChange={(v: MyTab) => setTab(v)}>
        {TABS.map((t) => (
          <Tabs.TabPane key={t.value} value={t.value} title={t.title} />
        ))}
      </Tabs>
      {body}
      {ticketFor ? <TicketPopup item={ticketFor} onClose={() => setTicketFor(null)} /> : null}
    </View>
  )
}
