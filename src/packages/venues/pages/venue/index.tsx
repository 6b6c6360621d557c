import { useEffect, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { Booking, VenueDetail } from '@api/venue'
import { FACILITY_KIND_NAMES, VENUE_TIER_NAMES } from '@contract/venue'
import { CallError } from '@/components/CallError'
import { ReasonDialog } from '@/components/ReasonDialog'
import { useSessionStore } from '@/features/session/store/session'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { formatTimeRange } from '@/utils/time'
import { blockPeriod, getGrid, getVenue, myApprovedGroups } from '../../features/venue/api'
import { BookingSheet } from '../../features/venue/components/BookingSheet'
import { WeekGrid } from '../../features/venue/components/WeekGrid'
import { exceptionLine, hoursLines, monthDay, ruleLines } from '../../features/venue/labels'
import { addDays, selectedRange, toggleSlot, type Selection } from '../../features/venue/week'
import './index.scss'

function Contact({ venue }: { venue: VenueDetail }) {
  if (!venue.contactName && !venue.contactPhone) return null
  const call = !venue.contactMasked && venue.contactPhone
  return (
    <View className="venue__row" data-testid="venue-contact">
      <Text className="venue__label">联系人</Text>
      <Text>
        {venue.contactName} {venue.contactPhone}
      </Text>
      {call ? (
        <Text
          className="venue__call"
          data-testid="call-contact"
          onClick={() => void Taro.makePhoneCall({ phoneNumber: venue.contactPhone })}
        >
          拨打
        </Text>
      ) : venue.contactPhone ? (
        <Text className="venue__muted">成员单位登录后可见完整号码</Text>
      ) : null}
    </View>
  )
}

function VenueInfo({ venue }: { venue: VenueDetail }) {
  const photos = venue.photos
  return (
    <View className="venue__card" data-testid="venue-info">
      <Text className="venue__name">{venue.name}</Text>
      <View className="venue__tags">
        <Text className="venue__tier">{VENUE_TIER_NAMES[venue.tier]}</Text>
        <Text className="venue__muted">{venue.ownerName}</Text>
      </View>
      {photos.length > 0 ? (
        <View className="venue__photos" data-testid="venue-photos">
          {photos.map((p) => (
            <Image key={p} className="venue__photo" src={p} mode="aspectFill" />
          ))}
        </View>
      ) : null}
      {venue.intro ? <Text className="venue__intro">{venue.intro}</Text> : null}
      {venue.address ? (
        <View className="venue__row">
          <Text className="venue__label">地址</Text>
          <Text>{venue.address}</Text>
        </View>
      ) : null}
      <View className="venue__row venue__row--top" data-testid="venue-hours">
        <Text className="venue__label">开放时间</Text>
        <View className="venue__lines">
          {venue.hours.length === 0 ? (
            <Text>暂未设置</Text>
          ) : (
            hoursLines(venue.hours).map((l) => <Text key={l}>{l}</Text>)
          )}
          {venue.exceptions.map((e) => (
            <Text key={e.day} className="venue__exception">
              {exceptionLine(e)}
            </Text>
          ))}
        </View>
      </View>
      <Contact venue={venue} />
      {venue.canEdit ? (
        <Text
          className="venue__edit"
          data-testid="venue-edit"
          onClick={() =>
            void Taro.navigateTo({ url: `/packages/venues/pages/edit/index?id=${encodeURIComponent(venue.id)}` })
          }
        >
          编辑场地信息、开放时间和设施 ›
        </Text>
      ) : null}
    </View>
  )
}

/** A venue: its information, its facilities with their rules, and the chosen facility's week to book. */
export default function VenuePage() {
  const { params } = useRouter()
  const venueId = params.id ?? ''
  const session = useSessionStore()
  const units = session.me?.units ?? []
  const venue = useLoad(() => getVenue(venueId), [venueId])
  const [facilityId, setFacilityId] = useState<string | null>(params.facilityId ?? null)
  const [weekOf, setWeekOf] = useState<string | null>(null)
  const [selection, setSelection] = useState<Selection | null>(null)
  const [sheet, setSheet] = useState(false)
  const [blocking, setBlocking] = useState(false)
  const { busy, run } = useAction<'block'>()
  const [groups, setGroups] = useState<{ id: string; name: string }[]>([])

  useDidShow(() => {
    void useSessionStore.getState().load()
  })

  const facilities = venue.data?.facilities ?? []
  const facility = facilities.find((f) => f.id === facilityId) ?? facilities[0] ?? null
  const grid = useLoad(
    () => (facility ? getGrid(facility.id, weekOf) : new Promise<never>(() => undefined)),
    [facility?.id, weekOf],
  )
  useEffect(() => setSelection(null), [facility?.id, weekOf])
  // A facility open to youth groups: the leader of an approved group may book as the group.
  const groupsWelcome = facility?.bookers === 'units_and_groups' && !!session.me
  useEffect(() => {
    let live = true
    setGroups([])
    if (groupsWelcome) {
      myApprovedGroups().then(
        (items) => live && setGroups(items),
        () => undefined, // booking as a group is optional: without the list, book as a unit
      )
    }
    return () => {
      live = false
    }
  }, [groupsWelcome])

  if (venue.phase === 'error') return <CallError error={venue.error} onRetry={() => void venue.reload()} />
  if (venue.phase === 'loading') return <View className="venue__hint">加载中…</View>
  const v = venue.data
  const range = grid.data && selection ? selectedRange(grid.data, selection) : null

  const booked = (items: Booking[]) => {
    setSheet(false)
    setSelection(null)
    // Short: a toast wraps after about seven characters.
    const pending = items[0]?.state === 'pending'
    const weeks = items.length > 1 ? `${items.length} 周` : ''
    const title = pending
      ? weeks
        ? `已提交 ${weeks}，待审批`
        : '已提交，待审批'
      : weeks
        ? `已预订 ${weeks}`
        : '预订成功'
    void Taro.showToast({ title, icon: 'none' })
    void grid.reload()
  }

  const block = async (reason: string) => {
    if (!facility || !range) return
    const done = await run('block', () => blockPeriod({ facilityId: facility.id, ...range, reason }))
    if (done) {
      setBlocking(false)
      setSelection(null)
      void Taro.showToast({ title: '已暂停开放该时段', icon: 'none' })
      void grid.reload()
    }
  }

  return (
    <View className="venue">
      <VenueInfo venue={v} />

      <View className="venue__card">
        <Text className="venue__section">场地设施</Text>
        {facilities.length === 0 ? <Text className="venue__muted">暂无可预订的设施</Text> : null}
        <View className="venue__facilities">
          {facilities.map((f) => (
            <View
              key={f.id}
              className={`venue__facility${f.id === facility?.id ? ' venue__facility--on' : ''}`}
              data-testid="facility-tab"
              onClick={() => setFacilityId(f.id)}
            >
              {f.name}
            </View>
          ))}
        </View>
        {facility ? (
          <View className="venue__rules" data-testid="facility-rules">
            <Text className="venue__rules-kind">{FACILITY_KIND_NAMES[facility.kind]}</Text>
            {ruleLines(facility).map((l) => (
              <Text key={l} className="venue__rule">
                · {l}
              </Text>
            ))}
          </View>
        ) : null}
      </View>

      {facility ? (
        <View className="venue__card">
          <View className="venue__week">
            <Text
              className="venue__week-nav"
              data-testid="week-prev"
              onClick={() => grid.data && setWeekOf(addDays(grid.data.weekOf, -7))}
            >
              ‹ 上一周
            </Text>
            <Text className="venue__week-title" data-testid="week-title">
              {grid.data ? `${monthDay(grid.data.weekOf)}起的一周` : ''}
            </Text>
            <Text
              className="venue__week-nav"
              data-testid="week-next"
              onClick={() => grid.data && setWeekOf(addDays(grid.data.weekOf, 7))}
            >
              下一周 ›
            </Text>
          </View>
          {grid.phase === 'error' ? (
            <CallError error={grid.error} onRetry={() => void grid.reload()} />
          ) : grid.phase === 'loading' ? (
            <View className="venue__hint">加载中…</View>
          ) : (
            <WeekGrid
              grid={grid.data}
              selection={selection}
              onTap={(day, index) => setSelection((s) => toggleSlot(grid.data, s, day, index))}
            />
          )}
          <Text className="venue__muted venue__tip">点选空闲时段（可连续多段），时间均为北京时间</Text>
        </View>
      ) : null}

      {range && facility ? (
        <View className="venue__bar" data-testid="selection-bar">
          <Text className="venue__bar-time" data-testid="selection-time">
            {formatTimeRange(range.startAt, range.endAt)}
          </Text>
          <View className="venue__bar-actions">
            {v.canRunBookings ? (
              <Button shape="round" size="small" data-testid="block-open" onClick={() => setBlocking(true)}>
                暂停开放
              </Button>
            ) : null}
            {units.length > 0 || groups.length > 0 ? (
              <Button color="primary" shape="round" size="small" data-testid="book-open" onClick={() => setSheet(true)}>
                预订
              </Button>
            ) : (
              <Text className="venue__muted" data-testid="book-hint">
                成员单位的组织者登录后可预订
              </Text>
            )}
          </View>
        </View>
      ) : null}

      {sheet && range && facility ? (
        <BookingSheet
          facility={facility}
          venueName={v.name}
          range={range}
          units={units}
          groups={groups}
          onClose={() => setSheet(false)}
          onBooked={booked}
        />
      ) : null}
      <ReasonDialog
        open={blocking}
        title="暂停开放该时段"
        message={range ? formatTimeRange(range.startAt, range.endAt) : undefined}
        placeholder="原因，如：设备检修"
        minLength={1}
        maxLength={100}
        busy={busy === 'block'}
        onCancel={() => setBlocking(false)}
        onConfirm={(reason) => void block(reason)}
      />
    </View>
  )
}
