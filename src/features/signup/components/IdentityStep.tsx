import { Input, Picker, Text, View } from '@tarojs/components'
import { PhoneBinder } from '@/features/session/components/PhoneBinder'
import { maskPhone } from '@/features/session/phone'
import { shanghaiDate } from '@/utils/instant'

/** What the server said this sign-up lacks (IDENTITY_REQUIRED's fields, GUARDIAN_CONSENT_REQUIRED). */
export interface IdentityNeeds {
  phone: boolean
  realName: boolean
  birthDate: boolean
  guardian: boolean
}

/** What the person gives in place, saved to their profile before the sign-up is sent again. */
export interface IdentityForm {
  /** The phone just bound here, shown masked. */
  boundPhone: string | null
  realName: string
  birthDate: string
  guardianName: string
  guardianPhone: string
  guardianConsent: boolean
}

export const EMPTY_IDENTITY: IdentityForm = {
  boundPhone: null,
  realName: '',
  birthDate: '',
  guardianName: '',
  guardianPhone: '',
  guardianConsent: false,
}

/** The needs an IDENTITY_REQUIRED answer names in its fields, or a guardian's consent. */
export function needsFrom(code: string, fields: Record<string, string> | undefined): IdentityNeeds | null {
  if (code === 'GUARDIAN_CONSENT_REQUIRED') return { phone: false, realName: false, birthDate: false, guardian: true }
  if (code !== 'IDENTITY_REQUIRED') return null
  const f = fields ?? {}
  return { phone: 'phone' in f, realName: 'realName' in f, birthDate: 'birthDate' in f, guardian: false }
}

/** Why the form cannot be sent yet, or null. */
export function identityProblem(needs: IdentityNeeds, form: IdentityForm): string | null {
  if (needs.phone && !form.boundPhone) return '请先绑定手机号'
  if (needs.realName && !form.realName.trim()) return '请填写真实姓名'
  if (needs.birthDate && !form.birthDate) return '请选择出生日期'
  if (needs.guardian) {
    if (!form.guardianName.trim() || !form.guardianPhone.trim()) return '请填写监护人姓名和手机号'
    if (!form.guardianConsent) return '需要监护人确认同意'
  }
  return null
}

interface Props {
  needs: IdentityNeeds
  form: IdentityForm
  onChange(patch: Partial<IdentityForm>): void
}

/** The sign-up sheet's identity step: only what this sign-up lacks, asked in place. */
export function IdentityStep({ needs, form, onChange }: Props) {
  return (
    <View className="signup-identity" data-testid="identity-step">
      {needs.phone ? (
        <View className="signup-q" data-testid="identity-phone">
          <View className="signup-q__label">
            手机号<Text className="signup-q__required">*</Text>
          </View>
          {form.boundPhone ? (
            <Text className="signup-identity__bound" data-testid="identity-phone-bound">
              已绑定 {maskPhone(form.boundPhone)}
            </Text>
          ) : (
            <PhoneBinder onBound={(boundPhone) => onChange({ boundPhone })} />
          )}
        </View>
      ) : null}
      {needs.realName ? (
        <View className="signup-q" data-testid="identity-realName">
          <View className="signup-q__label">
            真实姓名<Text className="signup-q__required">*</Text>
          </View>
          <Input
            className="signup-q__input"
            data-testid="input-identity-realName"
            maxlength={20}
            value={form.realName}
            placeholder="与证件一致"
            onInput={(e) => onChange({ realName: e.detail.value })}
          />
        </View>
      ) : null}
      {needs.birthDate ? (
        <View className="signup-q" data-testid="identity-birthDate">
          <View className="signup-q__label">
            出生日期<Text className="signup-q__required">*</Text>
          </View>
          <Picker
            mode="date"
            data-testid="picker-identity-birthDate"
            value={form.birthDate || '2000-01-01'}
            start="1900-01-01"
            end={shanghaiDate(new Date())}
            onChange={(e) => onChange({ birthDate: String(e.detail.value) })}
          >
            <View className="signup-q__input">{form.birthDate || '选择日期'}</View>
          </Picker>
        </View>
      ) : null}
      {needs.guardian ? (
        <View className="signup-q" data-testid="identity-guardian">
          <View className="signup-q__label">
            监护人<Text className="signup-q__required">*</Text>
          </View>
          <Input
            className="signup-q__input"
            data-testid="input-identity-guardianName"
            maxlength={20}
            value={form.guardianName}
            placeholder="监护人姓名"
            onInput={(e) => onChange({ guardianName: e.detail.value })}
          />
          <Input
            className="signup-q__input"
            data-testid="input-identity-guardianPhone"
            type="number"
            maxlength={11}
            value={form.guardianPhone}
            placeholder="监护人手机号"
            onInput={(e) => onChange({ guardianPhone: e.detail.value })}
          />
          <View
            className={`signup-q__option${form.guardianConsent ? ' signup-q__option--on' : ''}`}
            data-testid="identity-guardianConsent"
            onClick={() => onChange({ guardianConsent: !form.guardianConsent })}
          >
            {form.guardianConsent ? '✓ ' : ''}监护人已知悉并同意我报名参加活动
          </View>
        </View>
      ) : null}
    </View>
  )
}
