import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { ImportResult, Plan, PlanLine } from '@api/plan'
import { listCategories } from '@/features/activities/api'
import { listUnits } from '@/features/org/api'
import { addLine, exportPlan, getPlan, importPlan, publishPlan, removeLine, updateLine } from '@/features/plan/api'
import { LINE_STATE_NAMES } from '@/features/plan/line-states'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { FormError } from '@/components/form/Field'
import { errorFields, errorMessage } from '@/utils/errors'
import { currentYear } from '@/utils/month'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { LineEditor, type LineFormValue } from '../../features/plan/components/LineEditor'
import { openExport } from '@/utils/open-export'
import { MAX_BASE64, pickXlsx } from '../../features/plan/xlsx-file'
import { LinkedSurveys } from '../../features/plan/components/LinkedSurveys'
import '../../features/plan/components/admin.scss'
import '@/components/form/form.scss'
import './index.scss'

type GroupBy = 'month' | 'unit'

function groupLines(lines: PlanLine[], by: GroupBy): { key: string; title: string; lines: PlanLine[] }[] {
  const groups = new Map<string, { key: string; title: string; lines: PlanLine[] }>()
  const sorted = [...lines].sort((a, b) =>
    by === 'month'
      ? a.plannedMonth - b.plannedMonth || a.unit.name.localeCompare(b.unit.name, 'zh')
      : a.unit.name.localeCompare(b.unit.name, 'zh') || a.plannedMonth - b.plannedMonth,
  )
  for (const l of sorted) {
    const key = by === 'month' ? String(l.plannedMonth) : l.unit.id
    const title = by === 'month' ? `${l.plannedMonth}月` : l.unit.name
    if (!groups.has(key)) groups.set(key, { key, title, lines: [] })
    groups.get(key)?.lines.push(l)
  }
  return [...groups.values()]
}

function ImportPanel({ year, onImported }: { year: number; onImported(): void }) {
  const [mode, setMode] = useState<'replace' | 'append'>('append')
  const { busy, run: runAction } = useAction()
  const [error, setError] = useState<string | null>(null)
  const [result, setResult] = useState<ImportResult | null>(null)

  async function run() {
    setError(null)
    setResult(null)
    let file
    try {
      file = await pickXlsx()
    } catch (err) {
      setError(errorMessage(err))
      return
    }
    if (!file) return
    if (file.base64.length > MAX_BASE64) {
      setError(`文件过大（约 ${Math.round((file.base64.length * 3) / 4 / 1024)} KB），请拆分成多个文件后用“追加”导入`)
      return
    }
    await runAction(
      'import',
      async () => {
        const res = await importPlan(year, file.base64, mode)
        setResult(res)
        if (res.errors.length === 0) onImported()
      },
      (err) => setError(errorMessage(err)),
    )
  }

  return (
    <View className="admin__card" data-testid="import-panel">
      <Text className="admin__card-title">从 Excel 导入</Text>
      <View className="plan__modes">
        {(['append', 'replace'] as const).map((m) => (
          <Text key={m} className={`plan__mode${mode === m ? ' plan__mode--active' : ''}`} onClick={() => setMode(m)}>
            {m === 'append' ? '追加到清单' : '替换整个清单'}
          </Text>
        ))}
      </View>
      <Button
        className="plan__import"
        color="primary"
        variant="outlined"
        shape="round"
        size="small"
        loading={busy !== null}
        disabled={busy !== null}
        onClick={() => void run()}
      >
        选择 .xlsx 文件
      </Button>
      <FormError message={error} />
      {result ? (
        result.errors.length > 0 ? (
          <View className="admin__errors" data-testid="import-errors">
            <Text className="admin__error-row">有 {result.errors.length} 处问题，未导入任何内容：</Text>
            {result.errors.map((e, i) => (
              <Text key={i} className="admin__error-row">
                第 {e.row} 行：{e.message}
              </Text>
            ))}
          </View>
        ) : (
          <Text className="admin__text" data-testid="import-ok">
            已导入 {result.imported} 条
          </Text>
        )
      ) : null}
    </View>
  )
}

export default function PlanPage() {
  const { params } = useRouter()
  const [year, setYear] = useState(() => Number(params.year) || currentYear())
  const plan = useLoad(() => getPlan(year), [year])
  const refs = useLoad(
    () =>
      Promise.all([listUnits('admitted'), listCategories()]).then(([u, c]) => ({
        units: u.items,
        categories: c.items,
      })),
    [],
  )
  const [groupBy, setGroupBy] = useState<GroupBy>('month')
  const [editing, setEditing] = useState<PlanLine | 'new' | null>(null)
  const lineAction = useAction()
  const [lineError, setLineError] = useState<string | null>(null)
  const [lineErrors, setLineErrors] = useState<Record<string, string>>({})
  const { busy, run } = useAction<'publish' | 'export'>()
  const [showImport, setShowImport] = useState(false)

  function replaceLines(p: Plan, lines: PlanLine[]) {
    plan.setData({ ...p, lines })
  }

  async function saveLine(v: LineFormValue) {
    if (!plan.data) return
    if (!v.unitId || !v.category || !v.plannedMonth) {
      setLineError('请选择牵头单位、类别和计划月份')
      return
    }
    const common = { unitId: v.unitId, category: v.category, title: v.title, plannedMonth: v.plannedMonth }
    setLineError(null)
    setLineErrors({})
    await lineAction.run(
      'save',
      async () => {
        if (editing === 'new') {
          const line = await addLine({
            year,
            ...common,
            ...(v.targetCommunity.trim() ? { targetCommunity: v.targetCommunity } : {}),
            ...(v.needsNote.trim() ? { needsNote: v.needsNote } : {}),
          })
          replaceLines(plan.data, [...plan.data.lines, line])
        } else if (editing) {
          const line = await updateLine({
            lineId: editing.id,
            ...common,
            targetCommunity: v.targetCommunity.trim() || null,
            needsNote: v.needsNote.trim() || null,
          })
          replaceLines(
            plan.data,
            plan.data.lines.map((l) => (l.id === line.id ? line : l)),
          )
        }
        setEditing(null)
      },
      (err) => {
        setLineError(errorMessage(err))
        setLineErrors(errorFields(err))
      },
    )
  }

  async function remove(line: PlanLine) {
    const { confirm } = await Taro.showModal({ title: '删除清单项', content: `确定删除「${line.title}」？` })
    if (!confirm || !plan.data) return
    try {
      await removeLine(line.id)
      replaceLines(
        plan.data,
        plan.data.lines.filter((l) => l.id !== line.id),
      )
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' })
    }
  }

  async function publish() {
    await run(
      'publish',
      async () => {
        plan.setData(await publishPlan(year))
        void Taro.showToast({ title: '清单已发布', icon: 'success' })
      },
      { modal: '发布失败' },
    )
  }

  async function exportXlsx() {
    await run('export', async () => openExport(await exportPlan(year)), { modal: '导出失败' })
  }

  let body: JSX.Element
  if (plan.phase === 'loading') body = <View className="admin__hint">加载中…</View>
  else if (plan.phase === 'error') body = <CallError error={plan.error} onRetry={() => void plan.reload()} />
  else {
    const p = plan.data
    body = (
      <View>
        <View className="admin__toolbar">
          <Text className={`plan__status plan__status--${p.status}`} data-testid="plan-status">
            {p.status === 'published' ? '已发布' : '草稿'}
          </Text>
          <Text className="admin__muted">共 {p.lines.length} 项</Text>
          <View className="plan__spacer" />
          {p.status === 'draft' ? (
            <Button
              className="plan__publish"
              color="primary"
              size="small"
              shape="round"
              loading={busy === 'publish'}
              disabled={busy !== null || p.lines.length === 0}
              onClick={() => void publish()}
            >
              发布清单
            </Button>
          ) : null}
        </View>
        <View className="admin__toolbar">
          <Button
            size="small"
            shape="round"
            color="primary"
            onClick={() => setEditing('new')}
            disabled={refs.phase !== 'ready'}
          >
            新增
          </Button>
          <Button size="small" shape="round" onClick={() => setShowImport((s) => !s)}>
            导入 Excel
          </Button>
          <Button
            className="plan__export"
            size="small"
            shape="round"
            loading={busy === 'export'}
            disabled={busy !== null}
            onClick={() => void exportXlsx()}
          >
            导出 Excel
          </Button>
          <View className="plan__spacer" />
          <Text className="admin__link" onClick={() => setGroupBy(groupBy === 'month' ? 'unit' : 'month')}>
            {groupBy === 'month' ? '按单位查看' : '按月份查看'}
          </Text>
        </View>
        {showImport ? <ImportPanel year={year} onImported={() => void plan.reload()} /> : null}
        {p.lines.length === 0 ? <EmptyState text={`${year} 年的清单还是空的`} /> : null}
        {groupLines(p.lines, groupBy).map((g) => (
          <View key={g.key} data-testid="plan-group">
            <Text className="admin__group-title">{g.title}</Text>
            {g.lines.map((l) => (
              <View key={l.id} className="admin__card" data-testid="plan-line">
                <View className="admin__card-head">
                  <Text className="admin__card-title">{l.title}</Text>
                  <Text className={`line-state line-state--${l.state}`}>{LINE_STATE_NAMES[l.state]}</Text>
                </View>
                <Text className="admin__text">
                  {groupBy === 'month' ? l.unit.name : `${l.plannedMonth}月`} · {l.category.name}
                  {l.targetCommunity ? ` · 对接 ${l.targetCommunity}` : ''}
                </Text>
                {l.needsNote ? <Text className="admin__text">需求：{l.needsNote}</Text> : null}
                <View className="admin__buttons">
                  <Text className="admin__link" onClick={() => setEditing(l)}>
                    编辑
                  </Text>
                  {/* A line with events is part of the record: it can be edited, not deleted. */}
                  {l.events.length === 0 ? (
                    <Text className="admin__link" onClick={() => void remove(l)}>
                      删除
                    </Text>
                  ) : (
                    <Text className="admin__text" data-testid="line-events">
                      已有 {l.events.length} 场活动
                    </Text>
                  )}
                </View>
              </View>
            ))}
          </View>
        ))}
      </View>
    )
  }

  return (
    <View className="admin plan">
      <View className="admin__toolbar">
        <View className="admin__year">
          <Text className="admin__year-step" onClick={() => setYear(year - 1)}>
            ‹
          </Text>
          <Text data-testid="plan-year">{year} 年度活动清单</Text>
          <Text className="admin__year-step" onClick={() => setYear(year + 1)}>
            ›
          </Text>
        </View>
      </View>
      <LinkedSurveys year={year} />
      {body}
      {editing && refs.data ? (
        <LineEditor
          line={editing === 'new' ? null : editing}
          units={refs.data.units}
          categories={refs.data.categories}
          busy={lineAction.busy !== null}
          error={lineError}
          errors={lineErrors}
          onCancel={() => {
            setEditing(null)
            setLineError(null)
            setLineErrors({})
          }}
          onSave={(v) => void saveLine(v)}
        />
      ) : null}
    </View>
  )
}
