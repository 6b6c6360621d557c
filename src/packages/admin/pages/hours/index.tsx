import { useState } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { DistrictHoursReport, ReportRequest } from '@api/hours'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { hoursText } from '@/features/hours/format'
import { currentYear } from '@/utils/month'
import { openExport } from '@/utils/open-export'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { exportHoursSheet, getHoursReport } from '../../features/hours/api'
import '../../features/plan/components/admin.scss'
import { MONTH_OPTIONS, PeriodNote, PeriodToolbar, Totals } from '../../features/period/PeriodToolbar'
import './index.scss'

/** "2024-03" → "3月"; anything else as sent. */
function monthLabel(m: string): string {
  const hit = /^\d{4}-(\d{1,2})$/.exec(m)
  return hit ? `${Number(hit[1])}月` : m
}

function Report({ report }: { report: DistrictHoursReport }) {
  return (
    <View>
      <Totals
        testId="report-totals"
        items={[
          { value: String(hoursText(report.totalHours)), label: '已确认时长（小时）', testId: 'report-total-hours' },
          { value: String(report.people), label: '参与人数', testId: 'report-people' },
        ]}
      />

      <Text className="admin__group-title">按单位</Text>
      {report.byUnit.length === 0 ? (
        <EmptyState text="该期间还没有已确认的志愿时长" />
      ) : (
        <ScrollView className="hours-report__table" scrollX>
          <View className="hours-report__row hours-report__row--head">
            <Text className="hours-report__name">单位</Text>
            <Text className="hours-report__num">时长</Text>
            <Text className="hours-report__num">人数</Text>
            <Text className="hours-report__num">活动</Text>
          </View>
          {report.byUnit.map((u) => (
            <View key={u.unitId} className="hours-report__row" data-testid="report-unit-row">
              <Text className="hours-report__name">{u.unitName}</Text>
              <Text className="hours-report__num">{hoursText(u.hours)}</Text>
              <Text className="hours-report__num">{u.people}</Text>
              <Text className="hours-report__num">{u.activities}</Text>
            </View>
          ))}
        </ScrollView>
      )}

      {report.byMonth.length ? (
        <View>
          <Text className="admin__group-title">按月份</Text>
          <View className="hours-report__table">
            <View className="hours-report__row hours-report__row--head">
              <Text className="hours-report__name">月份</Text>
              <Text className="hours-report__num">时长</Text>
              <Text className="hours-report__num">人数</Text>
            </View>
            {report.byMonth.map((m) => (
              <View key={m.month} className="hours-report__row" data-testid="report-month-row">
                <Text className="hours-report__name">{monthLabel(m.month)}</Text>
                <Text className="hours-report__num">{hoursText(m.hours)}</Text>
                <Text className="hours-report__num">{m.people}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </View>
  )
}

export default function HoursReportPage() {
  const { params } = useRouter()
  const [year, setYear] = useState(() => Number(params.year) || currentYear())
  const [month, setMonth] = useState<number | null>(null)
  const { busy, run } = useAction()
  const request: ReportRequest = month ? { year, month } : { year }
  const report = useLoad(() => getHoursReport(request), [year, month])

  async function onExport() {
    await run(
      'export',
      async () => {
        const res = await exportHoursSheet(request)
        if (res.rows === 0) void Taro.showToast({ title: '该期间没有已确认的时长，导出的表格为空', icon: 'none' })
        await openExport(res)
      },
      { modal: '导出失败' },
    )
  }

  let body: JSX.Element
  if (report.phase === 'loading') body = <View className="admin__hint">加载中…</View>
  else if (report.phase === 'error') body = <CallError error={report.error} onRetry={() => void report.reload()} />
  else body = <Report report={report.data} />

  return (
    <View className="admin" data-testid="hours-report">
      <PeriodToolbar
        id="report"
        year={year}
        onYear={setYear}
        period={{
          testId: 'report-month',
          options: MONTH_OPTIONS,
          index: month ?? 0,
          onPick: (i) => setMonth(i || null),
        }}
        exporting={busy !== null}
        exportLabel="导出 xlsx"
        onExport={() => void onExport()}
      />
      <PeriodNote>只统计已确认的志愿时长；导出表格可用于向全国志愿服务信息系统报送。</PeriodNote>
      {body}
    </View>
  )
}
