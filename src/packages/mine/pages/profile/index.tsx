import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { IdType, Profile, ProfileUpdateRequest } from '@api/signup'
import { ID_TYPES } from '@contract/signup'
import { CallError } from '@/components/CallError'
import { FieldRow, FormError, SelectField, SwitchField, TextField } from '@/components/form/Field'
import { getProfile, updateProfile } from '@/features/signup/api'
import { rateText } from '@/features/signup/states'
import { errorFields, errorMessage } from '@/utils/errors'
import { shanghaiDate } from '@/utils/instant'
import { useLoad } from '@/hooks/useLoad'
import { useAction } from '@/hooks/useAction'
import '@/components/form/form.scss'
import './index.scss'

const GENDERS = ['男', '女'] as const

interface Form {
  realName: string
  birthDate: string
  gender: '男' | '女' | null
  leagueMember: boolean
  idType: IdType | null
}

function formOf(p: Profile): Form {
  return {
    realName: p.realName ?? '',
    birthDate: p.birthDate ?? '',
    gender: p.gender,
    leagueMember: p.leagueMember,
    idType: p.idType,
  }
}

/** Only what the person filled in: the server keeps a field it is not sent. */
function requestOf(f: Form): ProfileUpdateRequest {
  const req: ProfileUpdateRequest = { leagueMember: f.leagueMember }
  if (f.realName.trim()) req.realName = f.realName.trim()
  if (f.birthDate) req.birthDate = f.birthDate
  if (f.gender) req.gender = f.gender
  if (f.idType) req.idType = f.idType
  return req
}

function Editor({ profile, onSaved }: { profile: Profile; onSaved(p: Profile): void }) {
  const [form, setForm] = useState<Form>(() => formOf(profile))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const { busy: running, run: act } = useAction()
  const busy = running !== null
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }))

  async function save() {
    setError(null)
    setErrors({})
    await act(
      'save',
      async () => {
        const saved = await updateProfile(requestOf(form))
        onSaved(saved)
        void Taro.showToast({ title: '已保存', icon: 'success' })
      },
      (err) => {
        setError(errorMessage(err))
        setErrors(errorFields(err))
      },
    )
  }

  return (
    <View className="profile" data-testid="profile-page">
      <Text className="profile__intro">
        报名时组织者会看到你的姓名和手机号；出生日期和团员身份用于判断是否符合活动的报名条件。
      </Text>
      <View className="form-card">
        <FieldRow label="我的到场率" name="attendance">
          <View className="profile__rate" data-testid="attendance">
            <Text className="profile__rate-value">{rateText(profile.attendanceRate)}</Text>
            <Text className="profile__rate-detail">
              到场 {profile.attended} 次 · 缺席 {profile.noShows} 次
            </Text>
          </View>
        </FieldRow>
      </View>
      <View className="form-card">
        <TextField
          name="realName"
          label="真实姓名"
          maxlength={20}
          value={form.realName}
          error={errors.realName}
          onChange={(realName) => set({ realName })}
        />
        <FieldRow label="出生日期" name="birthDate" error={errors.birthDate}>
          <Picker
            mode="date"
            data-testid="picker-birthDate"
            value={form.birthDate || '2000-01-01'}
            start="1900-01-01"
            end={shanghaiDate(new Date())}
            onChange={(e) => set({ birthDate: String(e.detail.value) })}
          >
            <View className={`field__picker${form.birthDate ? '' : ' field__picker--empty'}`}>
              {form.birthDate || '选择日期'}
            </View>
          </Picker>
        </FieldRow>
        <SelectField
          name="gender"
          label="性别"
          options={[...GENDERS]}
          index={form.gender ? GENDERS.indexOf(form.gender) : -1}
          error={errors.gender}
          onChange={(i) => set({ gender: GENDERS[i] ?? null })}
        />
        <SelectField
          name="idType"
          label="证件类型"
          options={[...ID_TYPES]}
          index={form.idType ? ID_TYPES.indexOf(form.idType) : -1}
          error={errors.idType}
          onChange={(i) => set({ idType: ID_TYPES[i] ?? null })}
        />
        <SwitchField
          name="leagueMember"
          label="共青团员"
          checked={form.leagueMember}
          error={errors.leagueMember}
          onChange={(leagueMember) => set({ leagueMember })}
        />
      </View>
      <FormError message={error} />
      <View className="form-actions">
        <Button
          className="profile__save"
          color="primary"
          shape="round"
          loading={busy}
          disabled={busy}
          onClick={() => void save()}
        >
          保存
        </Button>
      </View>
    </View>
  )
}

export default function ProfilePage() {
  const data = useLoad(getProfile, [])
  if (data.phase === 'loading') return <View className="form-title">加载中…</View>
  if (data.phase === 'error') return <CallError error={data.error} onRetry={() => void data.reload()} />
  return <Editor profile={data.data} onSaved={data.setData} />
}
