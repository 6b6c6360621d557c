import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { VerifyResult } from '@api/hours'
import { hoursText, longDate, longDateOf } from '@/features/hours/format'
import { useAction } from '@/hooks/useAction'
import { useLatest } from '@/hooks/useLatest'
import { errorMessage } from '@/utils/errors'
import { verifyCertificate } from '../../features/verify/api'
import './index.scss'

const CODE = /^QJ[0-9A-Z]{4}-?[0-9A-Z]{6}$/

/** What people type or scan: spaces dropped, upper case, the dash put back in its place. */
function normalise(raw: string): string {
  const c = raw.replace(/\s+/g, '').toUpperCase()
  const bare = c.replace(/-/g, '')
  return /^QJ[0-9A-Z]{10}$/.test(bare) ? `${bare.slice(0, 6)}-${bare.slice(6)}` : c
}

/** `code` from a link, or `scene` when opened from a mini-program code (URL-encoded there). */
function codeFromParams(params: Record<string, string | undefined>): string {
  const raw = params.code ?? params.scene ?? ''
  try {
    return normalise(decodeURIComponent(raw))
  } catch {
    return normalise(raw)
  }
}

function Genuine({ r }: { r: Extract<VerifyResult, { genuine: true }> }) {
  return (
    <View className="verify__result verify__result--ok" data-testid="verify-result" data-genuine="true">
      <Text className="verify__verdict">✓ 证明真实有效</Text>
      <View className="verify__rows">
        <Text className="verify__row">持有人：{r.holderName}</Text>
        <Text className="verify__row">
          服务期间：{longDate(r.from)} 至 {longDate(r.to)}
        </Text>
        <Text className="verify__row verify__total">累计时长：{hoursText(r.totalHours)} 小时</Text>
        <Text className="verify__row">开具日期：{longDateOf(r.issuedAt)}</Text>
        <Text className="verify__row">开具单位：{r.issuer}</Text>
        <Text className="verify__row">验证码：{r.code}</Text>
      </View>
      {r.activities.length ? (
        <View className="verify__activities" data-testid="verify-activities">
          {r.activities.map((a, i) => (
            <View key={i} className="verify__activity">
              <View className="verify__activity-main">
                <Text className="verify__activity-title">{a.title}</Text>
                <Text className="verify__activity-unit">{a.unitName}</Text>
              </View>
              <Text className="verify__activity-hours">{hoursText(a.hours)} 小时</Text>
            </View>
          ))}
        </View>
      ) : null}
      <Text className="verify__note">姓名已部分隐去，请与证明原件核对。</Text>
    </View>
  )
}

export default function VerifyPage() {
  const { params } = useRouter()
  const initial = codeFromParams(params)
  const [code, setCode] = useState(initial)
  const { busy, run } = useAction()
  const [result, setResult] = useState<VerifyResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const latest = useLatest()

  async function check(raw: string) {
    const c = normalise(raw)
    setResult(null)
    if (!CODE.test(c)) {
      setError('验证码格式不对，应类似 QJ7K2M-9XH4PD')
      return
    }
    setError(null)
    const isLatest = latest.next()
    await run(
      'verify',
      async () => {
        const r = await verifyCertificate(c)
        if (isLatest()) setResult(r)
      },
      (err) => {
        if (isLatest()) setError(errorMessage(err))
      },
    )
  }

  // Opened from a certificate's code or link: check at once.
  useEffect(() => {
    if (initial) void check(initial)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  return (
    <View className="verify" data-testid="verify-page">
      <View className="verify__card">
        <Text className="verify__title">志愿服务证明查验</Text>
        <Text className="verify__hint">输入证明上的验证码（如 QJ7K2M-9XH4PD），或用微信扫描证明上的码。无需登录。</Text>
        <Input
          className="verify__input"
          data-testid="verify-input"
          value={code}
          maxlength={20}
          placeholder="QJxxxx-xxxxxx"
          confirmType="search"
          onInput={(e) => setCode(e.detail.value)}
          onConfirm={(e) => void check(e.detail.value)}
        />
        <Button
          className="verify__submit"
          data-testid="verify-submit"
          color="primary"
          shape="round"
          block
          loading={busy !== null}
          disabled={busy !== null}
          onClick={() => void check(code)}
        >
          查验
        </Button>
        {error ? (
          <Text className="verify__error" data-testid="verify-error">
            {error}
          </Text>
        ) : null}
      </View>
      {result?.genuine ? <Genuine r={result} /> : null}
      {result && !result.genuine ? (
        <View className="verify__result verify__result--bad" data-testid="verify-result" data-genuine="false">
          <Text className="verify__verdict">✕ 未查到该证明，可能是伪造或输错了</Text>
          <Text className="verify__note">请核对验证码后重试；如有疑问，请联系开具证明的团组织。</Text>
        </View>
      ) : null}
    </View>
  )
}
