import { useState } from 'react'
import { Picker, ScrollView, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
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
import './index.scss'

const MONTH_OPTIONS = ['全年', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`)]

/** "2024-03" → "3月"; anything else as sent. */
function monthLabel(m: string): string {
  const hit = /^\d{4}-(\d{1,2})$/.exec(m)
  return hit ? `${Number(hit[1])}月` : m
}

function Report({ report }: { report: DistrictHoursReport }) {
  return (
    <View>
      <View className="admin__card hours-report__totals" data-testid="report-totals">
        <View className="hours-report__stat">
          <Text className="hours-report__value" data-testid="report-total-hours">
            {hoursText(report.totalHours)}
          </Text>
          <Text className="hours-report__label">已确认时长（小时）</Text>
        </View>
        <View className="hours-report__stat">
          <Text className="hours-report__value" data-testid="report-people">
            {report.people}
          </Text>
          <Text className="hours-report__label">参与人数</Text>
        </View>
      </View>

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
      <View className="admin__toolbar">
        <View className="admin__year">
          <Text className="admin__year-step" data-testid="report-prev-year" onClick={() => setYear(year - 1)}>
            ‹
          </Text>
          <Text>{year} 年</Text>
          <Text className="admin__year-step" data-testid="report-next-year" onClick={() => setYear(year + 1)}>
            ›
          </Text>
        </View>
        <Picker
          mode="selector"
          data-testid="report-month"
          range={MONTH_OPTIONS}
          value={month ?? 0}
          onChange={(e) => setMonth(Number(e.detail.value) || null)}
        >
          <View className="hours-report__month">{MONTH_OPTIONS[month ?? 0]} ▾</View>
        </Picker>
        <Button
          className="hours-report__export"
          data-testid="report-export"
          size="small"
          shape="round"
          variant="outlined"
          color="primary"
          loading={busy !== null}
          disabled={busy !== null}
          onClick={() => void onExport()}
        >
          导出 xlsx
        </Button>
      </View>
      <Text className="hours-report__note">只统计已确认的志愿时长；导出表格可用于向全国志愿服务信息系统报送。</Text>
      {body}
    </View>
  )
}
