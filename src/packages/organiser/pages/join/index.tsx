import { useState } from 'react'
import { Input, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { UnitDetail } from '@api/org'
import { acceptInvite } from '@/features/org/api'
import { useSessionStore } from '@/features/session/store/session'
import { FieldRow, FormSubmit } from '@/components/form/Field'
import { errorFields, errorMessage } from '@/utils/errors'
import { useAction } from '@/hooks/useAction'
import { UnitStatusCard } from '../../features/units/components/UnitStatusCard'
import '../../features/units/components/units.scss'
import '@/components/form/form.scss'

/** Invite codes leave out look-alikes (types/contract/org.ts INVITE_CODE): say so before anyone mistypes. */
const INVITE_CODE_HINT = '8 位字母和数字（不含 0、1、I、L、O），由单位管理员提供'

/** Letters and digits of an invite code, upper-cased; look-alikes are the server's business. */
function normalise(code: string): string {
  return code
    .replace(/[^0-9a-z]/gi, '')
    .toUpperCase()
    .slice(0, 8)
}

export default function JoinPage() {
  const { params } = useRouter()
  const [code, setCode] = useState(() => normalise(decodeURIComponent(params.code ?? '')))
  const { busy: running, run: act } = useAction()
  const busy = running !== null
  const [error, setError] = useState<string | null>(null)
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [joined, setJoined] = useState<UnitDetail | null>(null)

  async function join() {
    setError(null)
    setFieldError(null)
    await act(
      'join',
      async () => {
        const unit = await acceptInvite(code)
        setJoined(unit)
        // 我的 lists the new unit from session.me.
        void useSessionStore.getState().load(true)
      },
      (err) => {
        setError(errorMessage(err))
        setFieldError(errorFields(err).code ?? null)
      },
    )
  }

  if (joined) {
    return (
      <View className="join" data-testid="join-result">
        <UnitStatusCard unit={joined} joined />
        <View className="form-actions">
          <Button
            color="primary"
            shape="round"
            onClick={() => void Taro.redirectTo({ url: `/packages/organiser/pages/unit/index?id=${joined.id}` })}
          >
            进入单位管理
          </Button>
        </View>
      </View>
    )
  }

  return (
    <View className="join">
      <View className="form-card">
        <FieldRow label="邀请码" hint={INVITE_CODE_HINT} name="code" error={fieldError ?? undefined}>
          <Input
            className="field__input join__code-input"
            data-testid="input-code"
            value={code}
            maxlength={8}
            placeholder="请输入邀请码"
            onInput={(e) => setCode(normalise(e.detail.value))}
            onConfirm={() => void join()}
          />
        </FieldRow>
      </View>
      <FormSubmit error={error} loading={busy} disabled={code.length !== 8 || busy} onSubmit={() => void join()}>
        加入单位
      </FormSubmit>
    </View>
  )
}
