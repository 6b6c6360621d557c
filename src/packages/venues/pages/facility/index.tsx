import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { Facility, VenueDetail } from '@api/venue'
import { FACILITY_BOOKERS, FACILITY_KINDS, FACILITY_KIND_NAMES } from '@contract/venue'
import { CallError, SignInPrompt } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { FormSubmit, SelectField, SwitchField, TextField } from '@/components/form/Field'
import { useSessionStore } from '@/features/session/store/session'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { errorFields, errorMessage } from '@/utils/errors'
import { createFacility, getVenue, updateFacility } from '../../features/venue/api'
import {
  BOOKERS_NAMES,
  FACILITY_LIMITS,
  SLOT_OPTIONS,
  buildFacility,
  createFacilityRequest,
  emptyFacilityForm,
  facilityFormFrom,
  facilityNames,
  updateFacilityRequest,
  type Errors,
  type FacilityForm,
} from '../../features/venue/editor'
import { formatMinutes } from '../../features/venue/labels'
import '@/components/form/form.scss'
import './index.scss'

const KIND_OPTIONS = FACILITY_KINDS.map((k) => FACILITY_KIND_NAMES[k])
const BOOKER_OPTIONS = FACILITY_BOOKERS.map((b) => BOOKERS_NAMES[b])

/** "90" → "= 1.5 小时"-style reading of a minutes field, when it is a number. */
function asTime(value: string): string | undefined {
  const n = Number(value)
  return Number.isInteger(n) && n >= 60 ? `即 ${formatMinutes(n)}` : undefined
}

function Editor({ venue, facility }: { venue: VenueDetail; facility: Facility | null }) {
  const [form, setForm] = useState<FacilityForm>(() => (facility ? facilityFormFrom(facility) : emptyFacilityForm()))
  const [errors, setErrors] = useState<Errors>({})
  const [error, setError] = useState<string | null>(null)
  const { busy, run } = useAction<'save'>()
  const set = (patch: Partial<FacilityForm>) => setForm((f) => ({ ...f, ...patch }))
  const slotIndex = SLOT_OPTIONS.indexOf(Number(form.slotMinutes) as (typeof SLOT_OPTIONS)[number])

  function fail(err: unknown, prefix = '') {
    setError(`${prefix}${errorMessage(err)}`)
    setErrors(errorFields(err))
  }

  async function save() {
    const built = buildFacility(form, !facility)
    if (!built.ok) {
      setErrors(built.errors)
      setError('请检查标红的项目')
      return
    }
    setErrors({})
    setError(null)
    if (facility) {
      await run(
        'save',
        async () => {
          const { req, changed } = updateFacilityRequest(facility, built.fields)
          if (changed) await updateFacility(req)
          void Taro.showToast({ title: '已保存', icon: 'success' })
          await Taro.navigateBack().catch(() => undefined)
        },
        (err) => fail(err),
      )
      return
    }
    // Several alike (羽毛球场 ×3) are created one by one; a refusal stops there and says how far it got.
    const names = facilityNames(built.fields.name, built.count)
    let made = 0
    await run(
      'save',
      async () => {
        for (const name of names) {
          await createFacility(createFacilityRequest(venue.id, built.fields, name))
          made += 1
        }
        void Taro.showToast({ title: names.length > 1 ? `已添加 ${names.length} 个` : '已添加', icon: 'success' })
        await Taro.navigateBack().catch(() => undefined)
      },
      (err) => fail(err, made > 0 ? `已添加 ${made} 个，“${names[made]}”未添加：` : ''),
    )
  }

  return (
    <View>
      <Text className="form-title">设施</Text>
      <View className="form-card">
        <SelectField
          name="kind"
          label="类型"
          required
          options={KIND_OPTIONS}
          index={form.kind ? FACILITY_KINDS.indexOf(form.kind) : -1}
          error={errors.kind}
          onChange={(i) => {
            const kind = FACILITY_KINDS[i] ?? null
            // The kind's name is a good start (羽毛球场); the owner can still edit it.
            set({ kind, name: form.name || (kind ? FACILITY_KIND_NAMES[kind] : '') })
          }}
        />
        <TextField
          name="name"
          label="名称"
          required
          maxlength={FACILITY_LIMITS.name}
          placeholder="如：羽毛球场、302 会议室"
          value={form.name}
          error={errors.name}
          onChange={(name) => set({ name })}
        />
        {facility ? null : (
          <TextField
            name="count"
            label="数量"
            type="number"
            maxlength={2}
            hint={
              Number(form.count) > 1
                ? `将添加 ${facilityNames(form.name.trim() || '设施', Number(form.count)).join('、')}，可分别预订`
                : '同样的场地有几个（如 3 片羽毛球场），各自单独预订'
            }
            value={form.count}
            error={errors.count}
            onChange={(count) => set({ count })}
          />
        )}
        <TextField
          name="seats"
          label="容纳人数（选填）"
          type="number"
          maxlength={5}
          placeholder="会议室、活动室填写座位数"
          value={form.seats}
          error={errors.seats}
          onChange={(seats) => set({ seats })}
        />
      </View>

      <Text className="form-title">预订规则</Text>
      <View className="form-card">
        <SelectField
          name="bookers"
          label="谁可以预订"
          options={BOOKER_OPTIONS}
          index={FACILITY_BOOKERS.indexOf(form.bookers)}
          error={errors.bookers}
          onChange={(i) => set({ bookers: FACILITY_BOOKERS[i] ?? 'units' })}
        />
        <SwitchField
          name="needsApproval"
          label="需要审批"
          hint={form.needsApproval ? '预订提交后由本单位审批通过才生效' : '时段空闲即自动预订成功'}
          checked={form.needsApproval}
          error={errors.needsApproval}
          onChange={(needsApproval) => set({ needsApproval })}
        />
        <SelectField
          name="slotMinutes"
          label="时段长度"
          options={SLOT_OPTIONS.map((m) => `${m} 分钟`)}
          index={slotIndex}
          placeholder={`${form.slotMinutes} 分钟`}
          hint="预订按整时段开始和结束"
          error={errors.slotMinutes}
          onChange={(i) => set({ slotMinutes: String(SLOT_OPTIONS[i] ?? 30) })}
        />
        <TextField
          name="minMinutes"
          label="每次最短（分钟）"
          type="number"
          maxlength={4}
          hint={asTime(form.minMinutes)}
          value={form.minMinutes}
          error={errors.minMinutes}
          onChange={(minMinutes) => set({ minMinutes })}
        />
        <TextField
          name="maxMinutes"
          label="每次最长（分钟）"
          type="number"
          maxlength={5}
          hint={asTime(form.maxMinutes)}
          value={form.maxMinutes}
          error={errors.maxMinutes}
          onChange={(maxMinutes) => set({ maxMinutes })}
        />
        <TextField
          name="maxDaysAhead"
          label="最多提前几天预订"
          type="number"
          maxlength={3}
          hint="0 表示只能预订当天"
          value={form.maxDaysAhead}
          error={errors.maxDaysAhead}
          onChange={(maxDaysAhead) => set({ maxDaysAhead })}
        />
        <TextField
          name="leadMinutes"
          label="至少提前（分钟）"
          type="number"
          maxlength={5}
          hint={asTime(form.leadMinutes) ?? '开始前多久停止接受预订'}
          value={form.leadMinutes}
          error={errors.leadMinutes}
          onChange={(leadMinutes) => set({ leadMinutes })}
        />
        <TextField
          name="cancelHours"
          label="取消截止（开始前小时）"
          type="number"
          maxlength={3}
          hint="预订单位在开始前这么多小时以前可以自行取消"
          value={form.cancelHours}
          error={errors.cancelHours}
          onChange={(cancelHours) => set({ cancelHours })}
        />
      </View>

      <FormSubmit
        error={error}
        loading={busy === 'save'}
        onSubmit={() => void save()}
        testId="facility-save"
        className="vf__actions"
      >
        {facility ? '保存' : '添加'}
      </FormSubmit>
    </View>
  )
}

/** 场地设施: add facilities to a venue (several alike at once) or edit one, with its booking rules. */
export default function FacilityEditorPage() {
  const { params } = useRouter()
  const venueId = params.venueId ?? ''
  const facilityId = params.id ?? null
  const session = useSessionStore()
  const detail = useLoad(() => getVenue(venueId), [venueId])

  if (session.phase === 'signed-out') return <SignInPrompt />
  if (session.phase === 'error')
    return <ErrorState message={session.error ?? '加载失败'} onRetry={() => void session.load(true)} />
  if (detail.phase === 'error') return <CallError error={detail.error} onRetry={() => void detail.reload()} />
  if (detail.phase === 'loading') return <View className="vf__hint">加载中…</View>
  const venue = detail.data
  if (!venue.canEdit) return <EmptyState text="只有场地所属单位的管理员或团区委可以修改场地" />
  const facility = facilityId ? (venue.facilities.find((f) => f.id === facilityId) ?? null) : null
  if (facilityId && !facility) return <EmptyState text="场地设施不存在或已下线" />
  return (
    <View className="vf">
      <Text className="vf__venue">{venue.name}</Text>
      <Editor venue={venue} facility={facility} />
    </View>
  )
}
