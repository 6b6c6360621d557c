import { useState } from 'react'
import { ScrollView, Text, View } from '@tarojs/components'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { Category } from '@api/activity'
import type { Unit } from '@api/org'
import type { PlanLine } from '@api/plan'
import { FormError, SelectField, TextAreaField, TextField } from '@/components/form/Field'
import './LineEditor.scss'

export interface LineFormValue {
  unitId: string | null
  category: string | null
  title: string
  plannedMonth: number | null
  targetCommunity: string
  needsNote: string
}

const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`)

export function lineForm(line: PlanLine | null): LineFormValue {
  if (!line) return { unitId: null, category: null, title: '', plannedMonth: null, targetCommunity: '', needsNote: '' }
  return {
    unitId: line.unit.id,
    category: line.category.code,
    title: line.title,
    plannedMonth: line.plannedMonth,
    targetCommunity: line.targetCommunity ?? '',
    needsNote: line.needsNote ?? '',
  }
}

interface Props {
  line: PlanLine | null
  units: Unit[]
  categories: Category[]
  busy: boolean
  error: string | null
  errors: Record<string, string>
  onCancel(): void
  onSave(v: LineFormValue): void
}

/** Add or edit one line of the annual list, as a sheet over the page. */
export function LineEditor({ line, units, categories, busy, error, errors, onCancel, onSave }: Props) {
  const [v, setV] = useState<LineFormValue>(() => lineForm(line))
  const set = (patch: Partial<LineFormValue>) => setV((old) => ({ ...old, ...patch }))
  // A line may name a unit no longer admitted: keep it visible.
  const unitOptions = line && !units.some((u) => u.id === line.unit.id) ? [...units, { ...line.unit } as Unit] : units
  return (
    <View className="line-editor" data-testid="line-editor" catchMove>
      <View className="line-editor__sheet">
        <Text className="line-editor__title">{line ? '编辑清单项' : '新增清单项'}</Text>
        <ScrollView className="line-editor__body" scrollY>
          <SelectField
            name="unitId"
            label="牵头单位"
            required
            options={unitOptions.map((u) => u.name)}
            index={unitOptions.findIndex((u) => u.id === v.unitId)}
            error={errors.unitId}
            onChange={(i) => set({ unitId: unitOptions[i]?.id ?? null })}
          />
          <SelectField
            name="category"
            label="类别"
            required
            options={categories.map((c) => c.name)}
            index={categories.findIndex((c) => c.code === v.category)}
            error={errors.category}
            onChange={(i) => set({ category: categories[i]?.code ?? null })}
          />
          <TextField
            name="title"
            label="活动名称"
            required
            maxlength={60}
            value={v.title}
            error={errors.title}
            onChange={(title) => set({ title })}
          />
          <SelectField
            name="plannedMonth"
            label="计划月份"
            required
            options={MONTHS}
            index={v.plannedMonth ? v.plannedMonth - 1 : -1}
            error={errors.plannedMonth}
            onChange={(i) => set({ plannedMonth: i + 1 })}
          />
          <TextField
            name="targetCommunity"
            label="对接社区"
            maxlength={60}
            value={v.targetCommunity}
            error={errors.targetCommunity}
            onChange={(targetCommunity) => set({ targetCommunity })}
          />
          <TextAreaField
            name="needsNote"
            label="需求说明"
            maxlength={300}
            value={v.needsNote}
            error={errors.needsNote}
            onChange={(needsNote) => set({ needsNote })}
          />
        </ScrollView>
        <FormError message={error} />
        <View className="form-actions">
          <Button shape="round" disabled={busy} onClick={onCancel}>
            取消
          </Button>
          <Button
            className="line-editor__save"
            color="primary"
            shape="round"
            loading={busy}
            disabled={busy}
            onClick={() => onSave(v)}
          >
            保存
          </Button>
        </View>
      </View>
    </View>
  )
}
