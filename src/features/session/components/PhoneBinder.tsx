import { useState } from 'react'
import { Button as NativeButton, Input, Text, View } from '@tarojs/components'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import { useAction } from '@/hooks/useAction'
import { errorMessage } from '@/utils/errors'
import { bindPhone } from '../api'
import { devPhoneCode } from '../dev-phone'
import './PhoneBinder.scss'

interface Props {
  /** The button's words: 绑定手机号 / 更换手机号. */
  label?: string
  onBound(phone: string): void
}

/**
 * Binds the person's phone. In WeChat: the phone-number button, whose one-time code the `session`
 * function exchanges for the number WeChat has verified (nobody types it). In H5 (the local host):
 * the stand-in — type the number, the host issues a code for it, and the same `bindPhone` takes it.
 */
export function PhoneBinder({ label = '绑定手机号', onBound }: Props) {
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  const { busy, run } = useAction<'bind'>()

  async function bind(code: () => Promise<string>) {
    setError(null)
    await run(
      'bind',
      async () => onBound((await bindPhone(await code())).phone),
      (err) => setError(errorMessage(err)),
    )
  }

  return (
    <View className="phone-binder" data-testid="phone-binder">
      {process.env.TARO_ENV === 'weapp' ? (
        <NativeButton
          className="phone-binder__wechat"
          data-testid="phone-button"
          openType="getPhoneNumber"
          disabled={busy !== null}
          onGetPhoneNumber={(e) => {
            const code = e.detail.code
            if (code) void bind(async () => code)
            else setError('未获得手机号授权，报名需要绑定手机号')
          }}
        >
          {label}（微信授权）
        </NativeButton>
      ) : (
        <>
          <Text className="phone-binder__note">本地环境：输入手机号，代替微信的手机号授权</Text>
          <View className="phone-binder__row">
            <Input
              className="phone-binder__input"
              data-testid="input-bind-phone"
              type="number"
              maxlength={11}
              placeholder="11 位手机号"
              value={typed}
              onInput={(e) => setTyped(e.detail.value)}
            />
            <Button
              className="phone-binder__submit"
              size="small"
              color="primary"
              shape="round"
              loading={busy !== null}
              disabled={busy !== null || !typed.trim()}
              onClick={() => void bind(() => devPhoneCode(typed.trim()))}
            >
              {label}
            </Button>
          </View>
        </>
      )}
      {error ? (
        <Text className="phone-binder__error" data-testid="phone-binder-error">
          {error}
        </Text>
      ) : null}
    </View>
  )
}
