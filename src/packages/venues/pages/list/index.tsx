import { useState } from 'react'
import { Picker, ScrollView, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { FacilityKind, VenueSummary, VenueTier } from '@api/venue'
import { FACILITY_KINDS, FACILITY_KIND_NAMES, VENUE_TIERS, VENUE_TIER_NAMES } from '@contract/venue'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { PrivacyPopup } from '@/features/privacy/components/PrivacyPopup'
import { useSessionStore } from '@/features/session/store/session'
import { useLoad } from '@/hooks/useLoad'
import { listVenues } from '../../features/venue/api'
import { DistrictPlan } from '../../features/venue/components/DistrictPlan'
import { VenueMap } from '../../features/venue/components/VenueMap'
import { useMyLocation } from '../../features/venue/hooks/useMyLocation'
import {
  DEFAULT_END,
  DEFAULT_START,
  START_OPTIONS,
  clockLabel,
  endOptions,
  freeAtDays,
  freeAtRange,
  withStart,
  type FreeAtChoice,
} from '../../features/venue/free-at'
import { ownersOf } from '../../features/venue/editor'
import { formatDistance } from '../../features/venue/labels'
import './index.scss'

function open(id: string) {
  void Taro.navigateTo({ url: `/packages/venues/pages/venue/index?id=${encodeURIComponent(id)}` })
}

function Chips<T extends string>({
  name,
  options,
  names,
  value,
  onChange,
}: {
  name: string
  options: readonly T[]
  names: Record<T, string>
  value: T | null
  onChange(v: T | null): void
}) {
  return (
    <ScrollView scrollX className="venues__chips" data-testid={`filter-${name}`}>
      <View className={`venues__chip${value === null ? ' venues__chip--on' : ''}`} onClick={() => onChange(null)}>
        全部
      </View>
      {options.map((o) => (
        <View
          key={o}
          className={`venues__chip${value === o ? ' venues__chip--on' : ''}`}
          onClick={() => onChange(value === o ? null : o)}
        >
          {names[o]}
        </View>
      ))}
    </ScrollView>
  )
}

function VenueItem({ v, n }: { v: VenueSummary; n: number }) {
  return (
    <View className="venues__item" data-testid="venue-item" onClick={() => open(v.id)}>
      <View className="venues__head">
        <Text className="venues__num">{n}</Text>
        <Text className="venues__name">{v.name}</Text>
        {v.distanceMeters !== null ? (
          <Text className="venues__distance" data-testid="venue-distance">
            {formatDistance(v.distanceMeters)}
          </Text>
        ) : null}
      </View>
      <Text className="venues__line">
        <Text className={`venues__tier venues__tier--${v.tier}`}>{VENUE_TIER_NAMES[v.tier]}</Text> {v.ownerName}
      </Text>
      {v.address ? <Text className="venues__line">{v.address}</Text> : null}
      <Text className="venues__line venues__kinds">
        {v.facilityKinds.map((k) => FACILITY_KIND_NAMES[k]).join(' · ')}
      </Text>
      {v.freeFacilities ? (
        <Text className="venues__line venues__free-list" data-testid="venue-free">
          空闲：{v.freeFacilities.map((f) => f.name).join('、')}
        </Text>
      ) : null}
    </View>
  )
}

/** 空闲时段: 不限, or a day of the coming week and a start–end on the half hour (at most 12 hours). */
function FreeAtFilter({ value, onChange }: { value: FreeAtChoice | null; onChange(v: FreeAtChoice | null): void }) {
  const days = freeAtDays(new Date())
  const ends = value ? endOptions(value.start) : []
  return (
    <View className="venues__free" data-testid="filter-free">
      <ScrollView scrollX className="venues__chips">
        <Text className="venues__label">空闲时段</Text>
        <View className={`venues__chip${value === null ? ' venues__chip--on' : ''}`} onClick={() => onChange(null)}>
          不限
        </View>
        {days.map((d) => (
          <View
            key={d.day}
            className={`venues__chip${value?.day === d.day ? ' venues__chip--on' : ''}`}
            onClick={() =>
              onChange(value?.day === d.day ? null : { start: DEFAULT_START, end: DEFAULT_END, ...value, day: d.day })
            }
          >
            {d.label}
          </View>
        ))}
      </ScrollView>
      {value ? (
        <View className="venues__times">
          <Picker
            mode="selector"
            data-testid="free-start"
            range={START_OPTIONS.map(clockLabel)}
            value={Math.max(0, START_OPTIONS.indexOf(value.start))}
            onChange={(e) => {
              const start = START_OPTIONS[Number(e.detail.value)]
              if (start !== undefined) onChange(withStart(value, start))
            }}
          >
            <View className="venues__time">{clockLabel(value.start)} ▾</View>
          </Picker>
          <Text className="venues__dash">至</Text>
          <Picker
            mode="selector"
            data-testid="free-end"
            range={ends.map(clockLabel)}
            value={Math.max(0, ends.indexOf(value.end))}
            onChange={(e) => {
              const end = ends[Number(e.detail.value)]
              if (end !== undefined) onChange({ ...value, end })
            }}
          >
            <View className="venues__time">{clockLabel(value.end)} ▾</View>
          </Picker>
        </View>
      ) : null}
    </View>
  )
}

/** 阵地: the district's shared venues near me, on a map (WeChat) or a drawn plan (H5), and as a list. */
export default function VenueListPage() {
  const location = useMyLocation()
  const [kind, setKind] = useState<FacilityKind | null>(null)
  const [tier, setTier] = useState<VenueTier | null>(null)
  const [free, setFree] = useState<FreeAtChoice | null>(null)
  const near = location.phase === 'known' ? location.point : null
  // Unit admins and the district admin register their own venues from here (我的阵地).
  const owner = ownersOf(useSessionStore((s) => s.me)).length > 0
  useDidShow(() => {
    void useSessionStore.getState().load()
  })
  const waiting = location.phase === 'asking'
  const list = useLoad(
    () =>
      waiting
        ? new Promise<never>(() => undefined)
        : listVenues({ near, facilityKind: kind, tier, freeAt: free ? freeAtRange(free) : null }),
    [waiting, near?.latitude, near?.longitude, kind, tier, free?.day, free?.start, free?.end],
  )

  let body: JSX.Element
  if (list.phase === 'error') body = <CallError error={list.error} onRetry={() => void list.reload()} />
  else if (list.phase === 'loading') body = <View className="venues__hint">加载中…</View>
  else if (list.data.items.length === 0)
    body = <EmptyState text={free ? '这个时段没有空闲的场地，换个时间试试' : '没有符合条件的场地'} />
  else {
    const items = list.data.items
    body = (
      <View>
        {process.env.TARO_ENV === 'weapp' ? (
          <VenueMap venues={items} me={near} onOpen={open} />
        ) : (
          <DistrictPlan venues={items} me={near} onOpen={open} />
        )}
        <View className="venues__hint venues__hint--left" data-testid="venues-order">
          {near ? '按距离由近到远（附近）' : '未获取到你的位置，按名称排列'}
        </View>
        {items.map((v, i) => (
          <VenueItem key={v.id} v={v} n={i + 1} />
        ))}
      </View>
    )
  }

  return (
    <View className="venues">
      {owner ? (
        <View
          className="venues__mine"
          data-testid="my-venues-link"
          onClick={() => void Taro.navigateTo({ url: '/packages/venues/pages/mine/index' })}
        >
          我的阵地：登记和管理本单位的场地 ›
        </View>
      ) : null}
      <Chips name="kind" options={FACILITY_KINDS} names={FACILITY_KIND_NAMES} value={kind} onChange={setKind} />
      <Chips name="tier" options={VENUE_TIERS} names={VENUE_TIER_NAMES} value={tier} onChange={setTier} />
      <FreeAtFilter value={free} onChange={setFree} />
      {body}
      {/* WeChat holds getLocation until the person answers the 隐私保护指引 here (refused: no distances). */}
      <PrivacyPopup />
    </View>
  )
}
