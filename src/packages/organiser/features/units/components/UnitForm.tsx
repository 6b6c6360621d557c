import type { UnitKind } from '@api/org'
import { View } from '@tarojs/components'
import { SelectField, TextAreaField, TextField } from '@/components/form/Field'
import { UNIT_KINDS, UNIT_KIND_NAMES } from '@/features/org/unit-kinds'

export interface UnitFormValue {
  name: string
  kind: UnitKind | null
  contactName: string
  contactPhone: string
  intro: string
}

export const EMPTY_UNIT_FORM: UnitFormValue = { name: '', kind: null, contactName: '', contactPhone: '', intro: '' }

interface Props {
  value: UnitFormValue
  onChange(next: UnitFormValue): void
  errors: Record<string, string>
}

/** The unit profile fields, used by the application form and the console's edit mode. */
export function UnitForm({ value, onChange, errors }: Props) {
  const set = (patch: Partial<UnitFormValue>) => onChange({ ...value, ...patch })
  return (
    <View className="form-card">
      <TextField
        name="name"
        label="单位名称"
        required
        maxlength={60}
        placeholder="如：某某公司团委"
        value={value.name}
        error={errors.name}
        onChange={(name) => set({ name })}
      />
      <SelectField
        name="kind"
        label="单位类型"
        required
        options={UNIT_KINDS.map((k) => UNIT_KIND_NAMES[k])}
        index={value.kind ? UNIT_KINDS.indexOf(value.kind) : -1}
        error={errors.kind}
        onChange={(i) => set({ kind: UNIT_KINDS[i] ?? null })}
      />
      <TextField
        name="contactName"
        label="联系人"
        required
        maxlength={20}
        value={value.contactName}
        error={errors.contactName}
        onChange={(contactName) => set({ contactName })}
      />
      <TextField
        name="contactPhone"
        label="联系电话"
        required
        maxlength={20}
        type="number"
        value={value.contactPhone}
        error={errors.contactPhone}
        onChange={(contactPhone) => set({ contactPhone })}
      />
      <TextAreaField
        name="intro"
        label="单位简介"
        maxlength={500}
        placeholder="选填，500 字以内"
        value={value.intro}
        error={errors.intro}
        onChange={(intro) => set({ intro })}
      />
    </View>
  )
}
