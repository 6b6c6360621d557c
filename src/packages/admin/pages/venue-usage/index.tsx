import { useState } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { UsageRequest, VenueUsage, VenueUsageLine } from '@api/venue'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { hoursText } from '@/features/hours/format'
import { currentYearMonth } from '@/utils/month'
import { openExport } from '@/utils/open-export'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { exportVenueUsage, getVenueUsage } from '../../features/venue-usage/api'
import { barWidth, byMonth, byUnit, monthLabel, percent } from '../../features/venue-usage/summary'
import '../../features/plan/components/admin.scss'
import { MONTH_OPTIONS, PeriodNote, PeriodToolbar, Totals } from '../../features/period/PeriodToolbar'
import './index.scss'

function Bar({ share }: { share: number }) {
  return (
    <View className="vu__bar">
      <View className="vu__bar-fill" style={{ width: barWidth(share) }} />
    </View>
  )
}

function VenueCard({ v }: { v: VenueUsageLine }) {
  const [open, setOpen] = useState(false)
  return (
    <View className="admin__card" data-testid="usage-venue">
      <View className="admin__card-head" onClick={() => setOpen(!open)}>
        <Text className="admin__card-title">{v.venueName}</Text>
        <Text className="vu__share" data-testid="usage-venue-share">
          {percent(v.share)}
        </Text>
      </View>
      <Bar share={v.share} />
      <Text className="vu__meta" data-testid="usage-venue-meta">
        {`${v.ownerName} · ${v.facilities} 个场地 · 已用 ${hoursText(v.bookedHours)} / 可用 ${hoursText(v.capacityHours)} 小时`}
      </Text>
      <Text className="vu__meta" data-testid="usage-venue-counts">
        {`预订 ${v.bookings} 次 · 爽约 ${v.noShows} 次`}
      </Text>
      {v.byMonth.length > 1 ? (
        <Text className="vu__toggle" data-testid="usage-venue-toggle" onClick={() => setOpen(!open)}>
          {open ? '收起按月 ▴' : '按月查看 ▾'}
        </Text>
      ) : null}
      {open && v.byMonth.length > 1 ? (
        <View className="vu__table vu__table--inner">
          {v.byMonth.map((m) => (
            <View key={m.month} className="vu__row" data-testid="usage-venue-month">
              <Text className="vu__name">{monthLabel(m.month)}</Text>
              <Text className="vu__num">{percent(m.share)}</Text>
              <Text className="vu__num">{m.bookings}</Text>
              <Text className="vu__num">{hoursText(m.bookedHours)}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}

function Report({ usage }: { usage: VenueUsage }) {
  if (usage.venues.length === 0) return <EmptyState text="还没有可统计的场地" />
  const months = byMonth(usage)
  const units = byUnit(usage)
  return (
    <View>
      <Totals
        testId="usage-totals"
        items={[
          { value: String(percent(usage.totals.share)), label: '使用率', testId: 'usage-total-share' },
          { value: String(usage.totals.bookings), label: '预订（次）', testId: 'usage-total-bookings' },
          {
            value: String(hoursText(usage.totals.bookedHours)),
            label: '已用时长（小时）',
            testId: 'usage-total-hours',
          },
        ]}
      />

      <Text className="admin__group-title">各场地使用率</Text>
      {usage.venues.map((v) => (
        <VenueCard key={v.venueId} v={v} />
      ))}

      {months.length > 1 ? (
        <View>
          <Text className="admin__group-title">按月份</Text>
          <View className="vu__table">
            <View className="vu__row vu__row--head">
              <Text className="vu__name">月份</Text>
              <Text className="vu__num">使用率</Text>
              <Text className="vu__num">预订</Text>
              <Text className="vu__num">小时</Text>
            </View>
            {months.map((m) => (
              <View key={m.month} className="vu__row" data-testid="usage-month-row">
                <Text className="vu__name">{monthLabel(m.month)}</Text>
                <Text className="vu__num">{percent(m.share)}</Text>
                <Text className="vu__num">{m.bookings}</Text>
                <Text className="vu__num">{hoursText(m.bookedHours)}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}

      <Text className="admin__group-title">各单位预订</Text>
      {units.length === 0 ? (
        <EmptyState text="该期间还没有预订" />
      ) : (
        <ScrollView className="vu__table" scrollX>
          <View className="vu__row vu__row--head">
            <Text className="vu__name">单位</Text>
            <Text className="vu__num">预订</Text>
            <Text className="vu__num">爽约</Text>
            <Text className="vu__num">小时</Text>
          </View>
          {units.map((u) => (
            <View key={u.key} className="vu__row" data-testid="usage-unit-row">
              <Text className="vu__name">{u.unitName}</Text>
              <Text className="vu__num">{u.bookings}</Text>
              <Text className="vu__num">{u.noShows}</Text>
              <Text className="vu__num">{hoursText(u.hours)}</Text>
            </View>
          ))}
        </ScrollView>
      )}

      <Text className="admin__group-title">串门</Text>
      {usage.exchanges.length === 0 ? (
        <EmptyState text="该期间没有单位之间的借用" />
      ) : (
        <View>
          <Text className="vu__sub">借出场地的单位</Text>
          <View className="vu__table">
            {usage.lenders.map((p) => (
              <View key={p.unitId ?? 'district'} className="vu__row" data-testid="usage-lender-row">
                <Text className="vu__name">{p.unitName}</Text>
                <Text className="vu__num">{`${p.bookings} 次`}</Text>
                <Text className="vu__num">{`${hoursText(p.hours)} 小时`}</Text>
              </View>
            ))}
          </View>
          <Text className="vu__sub">借用场地的单位</Text>
          <View className="vu__table">
            {usage.borrowers.map((p) => (
              <View
                key={p.groupId ? `group:${p.groupId}` : (p.unitId ?? 'district')}
                className="vu__row"
                data-testid="usage-borrower-row"
              >
                <Text className="vu__name">{p.groupId ? `${p.unitName}（青年团体）` : p.unitName}</Text>
                <Text className="vu__num">{`${p.bookings} 次`}</Text>
                <Text className="vu__num">{`${hoursText(p.hours)} 小时`}</Text>
              </View>
            ))}
          </View>
          <Text className="vu__sub">谁借给谁</Text>
          <View className="vu__table">
            {usage.exchanges.map((x) => (
              <View
                key={`${x.lenderUnitId ?? 'district'}>${x.borrowerGroupId ? `group:${x.borrowerGroupId}` : (x.borrowerUnitId ?? 'district')}`}
                className="vu__row"
                data-testid="usage-exchange-row"
              >
                <Text className="vu__name">{`${x.lenderName} → ${x.borrowerName}${x.borrowerGroupId ? '（青年团体）' : ''}`}</Text>
                <Text className="vu__num">{`${x.bookings} 次`}</Text>
                <Text className="vu__num">{`${hoursText(x.hours)} 小时`}</Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </View>
  )
}

/**
 * 阵地使用率: the district admin sees every venue, a unit's organisers their units' venues (the server
 * scopes it); `?venueId=` narrows to one venue. Year and month pickers, default this Shanghai month.
 */
export default function VenueUsagePage() {
  const { params } = useRouter()
  const venueId = params.venueId || null
  const [year, setYear] = useState(() => currentYearMonth().year)
  const [month, setMonth] = useState<number | null>(() => currentYearMonth().month)
  const { busy, run } = useAction()
  const request: UsageRequest = {
    year,
    ...(month ? { month } : {}),
    ...(venueId ? { venueId } : {}),
  }
  const usage = useLoad(() => getVenueUsage(request), [year, month, venueId])

  async function onExport() {
    await run('export', async () => openExport(await exportVenueUsage(request)), { modal: '导出失败' })
  }

  let body: JSX.Element
  if (usage.phase === 'loading') body = <View className="admin__hint">加载中…</View>
  else if (usage.phase === 'error') body = <CallError error={usage.error} onRetry={() => void usage.reload()} />
  else body = <Report usage={usage.data} />

  return (
    <View className="admin" data-testid="venue-usage">
      <PeriodToolbar
        id="usage"
        year={year}
        onYear={setYear}
        period={{
          testId: 'usage-month',
          options: MONTH_OPTIONS,
          index: month ?? 0,
          onPick: (i) => setMonth(i || null),
        }}
        exporting={busy !== null}
        exportLabel="导出 Excel"
        onExport={() => void onExport()}
      />
      <PeriodNote>使用率 = 已通过和已使用的预订时长 ÷（开放时长 × 场地数），按上海时间的自然月统计。</PeriodNote>
      {body}
    </View>
  )
}
