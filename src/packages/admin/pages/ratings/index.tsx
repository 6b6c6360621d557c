import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { DistrictRatings, DistrictRequest, RatingAggregate } from '@api/rating'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { currentYear } from '@/utils/month'
import { openExport } from '@/utils/open-export'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { districtRatings, exportDistrictRatings } from '@/features/rating/api'
import { averageText, barWidth, dayText, rateText } from '@/features/rating/format'
import '../../features/plan/components/admin.scss'
import { PeriodNote, PeriodToolbar, Totals } from '../../features/period/PeriodToolbar'
import './index.scss'

const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度']

/** One line of a breakdown: the average as a bar out of 5 stars, or only the count below the threshold. */
function Line({ name, cell, minimum }: { name: string; cell: RatingAggregate; minimum: number }) {
  return (
    <View className="vr__row" data-testid="ratings-line">
      <Text className="vr__name">{name}</Text>
      {cell.average === null ? (
        <Text className="vr__few">{cell.count === 0 ? '暂无评价' : `不足 ${minimum} 人，不显示评分`}</Text>
      ) : (
        <View className="vr__bar">
          <View className="vr__bar-fill" style={{ width: barWidth(cell.average, 5) }} />
        </View>
      )}
      <Text className="vr__num">{`${averageText(cell.average)} · ${cell.count}人 · ${rateText(cell.responseRate)}`}</Text>
    </View>
  )
}

function Trend({ view }: { view: DistrictRatings }) {
  return (
    <View className="vr__trend" data-testid="ratings-trend">
      {view.byMonth.map((m) => (
        <View key={m.month} className="vr__col" data-testid="ratings-month">
          <Text className="vr__col-value">
            {m.average === null ? (m.count ? `${m.count}人` : '') : averageText(m.average)}
          </Text>
          <View className="vr__col-bar" style={{ height: m.average === null ? '0%' : barWidth(m.average, 5) }} />
          <Text className="vr__col-label">{`${m.month}月`}</Text>
        </View>
      ))}
    </View>
  )
}

function Report({ view }: { view: DistrictRatings }) {
  if (view.total.count === 0 && view.total.attended === 0) return <EmptyState text="今年还没有可统计的活动评价" />
  return (
    <View>
      <Totals
        testId="ratings-totals"
        items={[
          { value: String(averageText(view.total.average)), label: '平均星级', testId: 'ratings-average' },
          { value: String(view.total.count), label: '评价人数', testId: 'ratings-count' },
          { value: String(rateText(view.total.responseRate)), label: '参评率', testId: 'ratings-rate' },
        ]}
      />

      <Text className="admin__group-title">按单位</Text>
      <View className="vr__table" data-testid="ratings-units">
        {view.byUnit.map((u) => (
          <Line key={u.unitId} name={u.unitName} cell={u} minimum={view.minimum} />
        ))}
      </View>

      <Text className="admin__group-title">按活动类别</Text>
      <View className="vr__table" data-testid="ratings-categories">
        {view.byCategory.map((c) => (
          <Line key={c.category} name={c.categoryName} cell={c} minimum={view.minimum} />
        ))}
      </View>

      <Text className="admin__group-title">满意度趋势（按月）</Text>
      <Trend view={view} />

      <Text className="admin__group-title">{`${QUARTERS[view.quarter - 1]}评分最低的活动`}</Text>
      {view.lowest.length === 0 ? (
        <EmptyState text={`本季度还没有评价满 ${view.minimum} 人的活动`} />
      ) : (
        <View className="vr__table">
          {view.lowest.map((e) => (
            <View key={e.activityId} className="vr__row" data-testid="ratings-lowest">
              <Text className="vr__few">{`${e.title}（${e.unitName}，${dayText(e.endAt)}）`}</Text>
              <Text className="vr__num">{`${averageText(e.average)} · ${e.count}人`}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

/**
 * 青年评议: satisfaction by unit, category and month, the response rate, the quarter's lowest-rated
 * events and the xlsx export. The district admin sees every unit, an organiser their own (the server
 * scopes it). Cells with fewer than 5 ratings show only their counts.
 */
export default function DistrictRatingsPage() {
  const [year, setYear] = useState(() => currentYear())
  const [quarter, setQuarter] = useState<number | null>(null)
  const { busy, run } = useAction()
  const request: DistrictRequest = { year, ...(quarter ? { quarter } : {}) }
  const view = useLoad(() => districtRatings(request), [year, quarter])

  async function onExport() {
    await run('export', async () => openExport(await exportDistrictRatings(request)), { modal: '导出失败' })
  }

  let body: JSX.Element
  if (view.phase === 'loading') body = <View className="admin__hint">加载中…</View>
  else if (view.phase === 'error') body = <CallError error={view.error} onRetry={() => void view.reload()} />
  else body = <Report view={view.data} />
  const shownQuarter = quarter ?? view.data?.quarter ?? 1

  return (
    <View className="admin" data-testid="district-ratings">
      <PeriodToolbar
        id="ratings"
        year={year}
        onYear={setYear}
        period={{
          testId: 'ratings-quarter',
          options: QUARTERS,
          index: shownQuarter - 1,
          onPick: (i) => setQuarter(i + 1),
        }}
        exporting={busy !== null}
        exportLabel="导出 Excel"
        onExport={() => void onExport()}
      />
      <PeriodNote>
        满意度为 1–5 星的平均值；参评率 = 评价人数 ÷ 签到参加人数。评价不足 5 人的单位、类别或月份只显示人数。
      </PeriodNote>
      {body}
    </View>
  )
}
