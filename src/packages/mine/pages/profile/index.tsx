import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { IdType, Profile, ProfileUpdateRequest } from '@api/signup'
import { ID_TYPES } from '@contract/signup'
import { CallError } from '@/components/CallError'
import { FieldRow, FormError, SelectField, SwitchField, TextField } from '@/components/form/Field'
import { PrivacyGate } from '@/features/privacy/components/PrivacyGate'
import { AvatarField } from '../../features/avatar/AvatarField'
import { PhoneBinder } from '@/features/session/components/PhoneBinder'
import { maskPhone } from '@/features/session/phone'
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
  guardianName: string
  guardianPhone: string
  guardianConsent: boolean
}

function formOf(p: Profile): Form {
  return {
    realName: p.realName ?? '',
    birthDate: p.birthDate ?? '',
    gender: p.gender,
    leagueMember: p.leagueMember,
    idType: p.idType,
    guardianName: p.guardian?.name ?? '',
    guardianPhone: p.guardian?.phone ?? '',
    guardianConsent: false,
  }
}

/** Only what the person filled in: the server keeps a field it is not sent. */
function requestOf(f: Form): ProfileUpdateRequest {
  const req: ProfileUpdateRequest = { leagueMember: f.leagueMember }
  if (f.realName.trim()) req.realName = f.realName.trim()
  if (f.birthDate) req.birthDate = f.birthDate
  if (f.gender) req.gender = f.gender
  if (f.idType) req.idType = f.idType
  // A guardian is recorded only with their consent, given here explicitly.
  if (f.guardianConsent) req.guardian = { name: f.guardianName.trim(), phone: f.guardianPhone.trim(), consent: true }
  return req
}

function Editor({ profile, onSaved }: { profile: Profile; onSaved(p: Profile): void }) {
  const [form, setForm] = useState<Form>(() => formOf(profile))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [phone, setPhone] = useState(profile.phone)
  const [binding, setBinding] = useState(false)
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
        set({ guardianConsent: false })
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
        报名时组织者会看到你的姓名和手机号；出生日期和团员身份用于判断是否符合活动的报名条件。报名需要绑定手机号，部分活动（如交友联谊、志愿服务）要求实名。
      </Text>
      <View className="form-card">
        <AvatarField avatarUrl={profile.avatarUrl ?? null} onSaved={onSaved} />
        <FieldRow label="我的到场率" name="attendance">
          {profile.attendanceRate === null ? (
            // Nothing to count yet is not a fault: a quiet line, not a big red figure.
            <View className="profile__rate" data-testid="attendance">
              <Text className="profile__rate-detail">参加活动后开始统计</Text>
            </View>
          ) : (
            <View className="profile__rate" data-testid="attendance">
              <Text className="profile__rate-value">{rateText(profile.attendanceRate)}</Text>
              <Text className="profile__rate-detail">
                到场 {profile.attended} 次 · 缺席 {profile.noShows} 次
              </Text>
            </View>
          )}
        </FieldRow>
      </View>
      <View className="form-card">
        <TextField
          name="realName"
          label="真实姓名"
          maxlength={20}
          placeholder="与身份证件一致"
          value={form.realName}
          error={errors.realName}
          onChange={(realName) => set({ realName })}
        />
        <FieldRow label="手机号" name="phone">
          <View className="profile__phone">
            <Text className="profile__phone-value" data-testid="bound-phone">
              {phone ? maskPhone(phone) : '未绑定'}
            </Text>
            {binding ? null : (
              <Text className="profile__phone-action" data-testid="bind-phone" onClick={() => setBinding(true)}>
                {phone ? '更换手机号' : '绑定手机号'}
              </Text>
            )}
          </View>
          {binding ? (
            <PhoneBinder
              label={phone ? '更换手机号' : '绑定手机号'}
              onBound={(bound) => {
                setPhone(bound)
                setBinding(false)
                void Taro.showToast({ title: '手机号已绑定', icon: 'success' })
              }}
            />
          ) : null}
        </FieldRow>
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
      <View className="form-card" data-testid="guardian-section">
        <Text className="profile__section-note">
          未满 14 周岁报名活动需要监护人同意。
          {profile.guardian
            ? `已记录监护人 ${profile.guardian.name}（${maskPhone(profile.guardian.phone)}）的同意。`
            : '请填写监护人信息，并由监护人确认同意。'}
        </Text>
        <TextField
          name="guardianName"
          label="监护人姓名"
          maxlength={20}
          placeholder="父母或其他监护人"
          value={form.guardianName}
          error={errors['guardian.name']}
          onChange={(guardianName) => set({ guardianName })}
        />
        <TextField
          name="guardianPhone"
          label="监护人手机号"
          type="number"
          maxlength={11}
          placeholder="11 位手机号"
          value={form.guardianPhone}
          error={errors['guardian.phone']}
          onChange={(guardianPhone) => set({ guardianPhone })}
        />
        <SwitchField
          name="guardianConsent"
          label="监护人已知悉并同意我报名参加活动"
          checked={form.guardianConsent}
          error={errors['guardian.consent']}
          onChange={(guardianConsent) => set({ guardianConsent })}
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

function ProfileLoader() {
  const data = useLoad(getProfile, [])
  if (data.phase === 'loading') return <View className="form-title">加载中…</View>
  if (data.phase === 'error') return <CallError error={data.error} onRetry={() => void data.reload()} />
  return <Editor profile={data.data} onSaved={data.setData} />
}

/** Nothing personal is asked for before the person agreed to the privacy guide. */
export default function ProfilePage() {
  return (
    <PrivacyGate purpose="填写个人资料">
      <ProfileLoader />
    </PrivacyGate>
  )
}
