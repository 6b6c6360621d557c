import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import { VENUE_TIER_NAMES } from '@contract/venue'
import { CallError, SignInPrompt } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { useSessionStore } from '@/features/session/store/session'
import { useLoad } from '@/hooks/useLoad'
import { listVenues } from '../../features/venue/api'
import { ownersOf } from '../../features/venue/editor'
import './index.scss'

const DISTRICT = 'district'
const EDIT = '/packages/venues/pages/edit/index'

function open(url: string) {
  void Taro.navigateTo({ url })
}

/** 我的阵地: the venues of the units this person administers (and the district's, for its admin); 新增阵地. */
export default function MyVenuesPage() {
  const session = useSessionStore()
  const owners = ownersOf(session.me)
  const [chosen, setChosen] = useState<string | null>(null)
  const owner = owners.find((o) => (o.unitId ?? DISTRICT) === chosen) ?? owners[0] ?? null
  const ownerKey = owner ? (owner.unitId ?? DISTRICT) : null
  const [shown, setShown] = useState(0)

  useDidShow(() => {
    void useSessionStore.getState().load()
    // Back from the editor: read the list again (a venue may have been added or renamed).
    setShown((n) => n + 1)
  })

  const venues = useLoad(async () => {
    if (!owner) return new Promise<never>(() => undefined)
    const all = await listVenues({ near: null, facilityKind: null, tier: null })
    return all.items.filter((v) => v.ownerUnitId === owner.unitId)
  }, [ownerKey, shown])

  if (session.phase === 'signed-out') return <SignInPrompt />
  if (session.phase === 'error')
    return <ErrorState message={session.error ?? '加载失败'} onRetry={() => void session.load(true)} />
  if (!session.me) return <View className="vm__hint">加载中…</View>
  if (!owner) return <EmptyState text="只有成员单位的管理员或团区委可以登记场地" />

  let body: JSX.Element
  if (venues.phase === 'error') body = <CallError error={venues.error} onRetry={() => void venues.reload()} />
  else if (venues.phase === 'loading') body = <View className="vm__hint">加载中…</View>
  else if (venues.data.length === 0) body = <EmptyState text="还没有登记场地，点下方“新增阵地”开始" />
  else
    body = (
      <View>
        {venues.data.map((v) => (
          <View
            key={v.id}
            className="vm__venue"
            data-testid="my-venue"
            onClick={() => open(`${EDIT}?id=${encodeURIComponent(v.id)}`)}
          >
            <View className="vm__main">
              <Text className="vm__name">{v.name}</Text>
              <Text className="vm__line">
                {VENUE_TIER_NAMES[v.tier]}
                {v.address ? ` · ${v.address}` : ''}
              </Text>
              <Text className="vm__line">
                {v.facilityKinds.length > 0 ? `${v.facilityKinds.length} 类设施` : '尚未添加设施'}
              </Text>
            </View>
            <Text className="vm__arrow">编辑 ›</Text>
          </View>
        ))}
      </View>
    )

  return (
    <View className="vm">
      {owners.length > 1 ? (
        <View className="vm__owners">
          {owners.map((o) => (
            <Text
              key={o.unitId ?? DISTRICT}
              className={`vm__owner${o === owner ? ' vm__owner--on' : ''}`}
              data-testid="owner-tab"
              onClick={() => setChosen(o.unitId ?? DISTRICT)}
            >
              {o.name}
            </Text>
          ))}
        </View>
      ) : (
        <Text className="vm__title">{owner.name}</Text>
      )}
      {body}
      <View className="vm__actions">
        <Button
          block
          shape="round"
          color="primary"
          data-testid="venue-new"
          onClick={() => open(`${EDIT}?owner=${encodeURIComponent(owner.unitId ?? DISTRICT)}`)}
        >
          新增阵地
        </Button>
      </View>
    </View>
  )
}
