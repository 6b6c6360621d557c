import { useState } from 'react'
import { View } from '@tarojs/components'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { UnitDetail } from '@api/org'
import { applyUnit, myApplications } from '@/features/org/api'
import { FormSubmit } from '@/components/form/Field'
import { errorFields, errorMessage } from '@/utils/errors'
import { useLoad } from '@/hooks/useLoad'
import { useAction } from '@/hooks/useAction'
import { EMPTY_UNIT_FORM, UnitForm, type UnitFormValue } from '../../features/units/components/UnitForm'
import { UnitStatusCard } from '../../features/units/components/UnitStatusCard'
import '@/components/form/form.scss'

/** Every required field left empty, marked at once with what the server would say (issue 16). */
function missingFields(form: UnitFormValue): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!form.name.trim()) errors.name = '请填写单位名称'
  if (!form.kind) errors.kind = '请选择单位类型'
  if (!form.contactName.trim()) errors.contactName = '请填写联系人'
  if (!form.contactPhone.trim()) errors.contactPhone = '请填写联系电话'
  return errors
}

/** The caller's latest application, to show its status (pending, or rejected with the reason). */
async function loadLastApplication(): Promise<UnitDetail | null> {
  try {
    return (await myApplications()).items[0] ?? null
  } catch {
    return null
  }
}

export default function ApplyPage() {
  const last = useLoad(loadLastApplication, [])
  const [form, setForm] = useState<UnitFormValue>(EMPTY_UNIT_FORM)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const { busy: running, run: act } = useAction()
  const busy = running !== null
  const [again, setAgain] = useState(false)

  async function submit() {
    const missing = missingFields(form)
    if (!form.kind || Object.keys(missing).length > 0) {
      setErrors(missing)
      setError('请填写标红的必填项')
      return
    }
    const request = {
      name: form.name,
      kind: form.kind,
      contactName: form.contactName,
      contactPhone: form.contactPhone,
      intro: form.intro,
    }
    setError(null)
    setErrors({})
    await act(
      'apply',
      async () => {
        const unit = await applyUnit(request)
        last.setData(unit)
        setAgain(false)
      },
      (err) => {
        setError(errorMessage(err))
        setErrors(errorFields(err))
      },
    )
  }

  if (last.phase === 'loading') return <View className="form-title">加载中…</View>
  const current = last.data
  if (current && !again) {
    return (
      <View data-testid="apply-result">
        <UnitStatusCard unit={current} />
        {current.status === 'rejected' ? (
          <View className="form-actions">
            <Button
              color="primary"
              shape="round"
              onClick={() => {
                // Start from the rejected application; the phone may be masked, so it is asked again.
                setForm({
                  name: current.name,
                  kind: current.kind,
                  contactName: current.contactName,
                  contactPhone: '',
                  intro: current.intro,
                })
                setAgain(true)
              }}
            >
              重新申请
            </Button>
          </View>
        ) : null}
      </View>
    )
  }

  return (
    <View data-testid="apply-form">
      <View className="form-title">成为成员单位后，可在年度活动清单中牵头组织青年活动。</View>
      <UnitForm value={form} onChange={setForm} errors={errors} />
      <FormSubmit error={error} loading={busy} onSubmit={() => void submit()} testId="apply-submit">
        提交申请
      </FormSubmit>
    </View>
  )
}
