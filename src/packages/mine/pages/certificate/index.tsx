import { useEffect, useRef, useState } from 'react'
import { Canvas, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { Certificate } from '@api/hours'
import { downloadPng, weappTempFile } from '@/utils/canvas'
import { FormError } from '@/components/form/Field'
import { hoursText, longDate } from '@/features/hours/format'
import { errorCode, errorMessage } from '@/utils/errors'
import { useAction } from '@/hooks/useAction'
import { shanghaiDate } from '@/utils/instant'
import {
  CANVAS_ID,
  type DrawnCanvas,
  drawOnDomCanvas,
  drawOnWeappCanvas,
  fileName,
} from '../../features/certificate/canvas'
import { PAGE_HEIGHT, PAGE_WIDTH, formatCode } from '../../features/certificate/layout'
import { getCertificate } from '../../features/hours/api'
import { defaultPeriod } from '../../features/certificate/period'
import './index.scss'

const PROFILE = '/packages/mine/pages/profile/index'
const H5 = process.env.TARO_ENV === 'h5'

function failed(err: unknown, fallback: string) {
  const msg = (err as { errMsg?: string })?.errMsg ?? ''
  if (/auth|deny|denied/i.test(msg)) {
    void Taro.showModal({
      title: '需要相册权限',
      content: '请在设置中允许“保存到相册”后再试。',
      confirmText: '去设置',
    }).then(({ confirm }) => (confirm ? Taro.openSetting() : undefined))
    return
  }
  if (/cancel/i.test(msg)) return
  void Taro.showToast({ title: fallback, icon: 'none' })
}

function CertificateView({ cert }: { cert: Certificate }) {
  const domCanvas = useRef<HTMLCanvasElement | null>(null)
  const drawn = useRef<DrawnCanvas | null>(null)
  const { busy: running, run: act } = useAction()
  const busy = running !== null
  const code = formatCode(cert.code)

  useEffect(() => {
    if (H5) {
      const canvas = domCanvas.current
      if (!canvas) return
      drawn.current = { kind: 'h5', canvas }
      return drawOnDomCanvas(canvas, cert)
    }
    drawn.current = null
    return drawOnWeappCanvas(cert, (canvas) => {
      drawn.current = { kind: 'weapp', canvas }
    })
  }, [cert])

  async function save() {
    const d = drawn.current
    if (!d) return
    if (d.kind === 'h5') {
      downloadPng(d.canvas, fileName(cert))
      return
    }
    await act(
      'save',
      async () => {
        const filePath = await weappTempFile(d.canvas)
        await Taro.saveImageToPhotosAlbum({ filePath })
        void Taro.showToast({ title: '已保存到相册', icon: 'success' })
      },
      (err) => {
        failed(err, '保存失败，请稍后重试')
      },
    )
  }

  async function share() {
    const d = drawn.current
    if (!d || d.kind !== 'weapp') return
    await act(
      'share',
      async () => {
        await Taro.showShareImageMenu({ path: await weappTempFile(d.canvas) })
      },
      (err) => {
        failed(err, '分享失败，请稍后重试')
      },
    )
  }

  return (
    <View className="certificate__result" data-testid="certificate-result">
      <View className="certificate__paper">
        {H5 ? (
          <canvas ref={domCanvas} className="certificate__canvas" data-testid="certificate-canvas" />
        ) : (
          <Canvas
            type="2d"
            id={CANVAS_ID}
            className="certificate__canvas"
            data-testid="certificate-canvas"
            style={{ height: `${Math.round((702 * PAGE_HEIGHT) / PAGE_WIDTH)}rpx` }}
          />
        )}
      </View>
      <View className="certificate__code-row">
        <Text className="certificate__code" data-testid="certificate-code">
          验证码 {code}
        </Text>
        <Text
          className="certificate__copy"
          data-testid="certificate-copy"
          onClick={() => void Taro.setClipboardData({ data: code })}
        >
          复制
        </Text>
      </View>
      <Text className="certificate__hint">
        {longDate(cert.from)} 至 {longDate(cert.to)}，累计 {hoursText(cert.totalHours)}{' '}
        小时。他人可扫描证明上的码，或在「证明查验」输入验证码核对真伪。
      </Text>
      <View className="certificate__actions">
        <Button
          className="certificate__save"
          color="primary"
          shape="round"
          loading={busy}
          disabled={busy}
          onClick={() => void save()}
        >
          {H5 ? '保存图片' : '保存到相册'}
        </Button>
        {!H5 ? (
          <Button
            className="certificate__share"
            variant="outlined"
            color="primary"
            shape="round"
            disabled={busy}
            onClick={() => void share()}
          >
            分享
          </Button>
        ) : null}
      </View>
    </View>
  )
}

export default function CertificatePage() {
  const [period, setPeriod] = useState(() => defaultPeriod())
  const [cert, setCert] = useState<Certificate | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const { busy: running, run: act } = useAction()
  const busy = running !== null
  const today = shanghaiDate(new Date())

  async function issue() {
    setError(null)
    setProblem(null)
    if (period.from > period.to) {
      setProblem('开始日期不能晚于结束日期')
      return
    }
    await act(
      'issue',
      async () => {
        setCert(await getCertificate(period.from, period.to))
      },
      (err) => {
        setCert(null)
        setError(err)
      },
    )
  }

  const profileMissing = errorCode(error) === 'PROFILE_INCOMPLETE'

  return (
    <View className="certificate" data-testid="certificate-page">
      <View className="certificate__card">
        <Text className="certificate__title">开具志愿服务证明</Text>
        <Text className="certificate__hint">
          证明只包含该期间内已确认的志愿服务时长；开具后生成验证码，供他人查验。
        </Text>
        <View className="certificate__period">
          <Picker
            mode="date"
            data-testid="certificate-from"
            value={period.from}
            end={today}
            onChange={(e) => setPeriod((p) => ({ ...p, from: String(e.detail.value) }))}
          >
            <View className="certificate__date">{period.from}</View>
          </Picker>
          <Text className="certificate__to">至</Text>
          <Picker
            mode="date"
            data-testid="certificate-to"
            value={period.to}
            end={today}
            onChange={(e) => setPeriod((p) => ({ ...p, to: String(e.detail.value) }))}
          >
            <View className="certificate__date">{period.to}</View>
          </Picker>
        </View>
        <Button
          className="certificate__issue"
          data-testid="certificate-issue"
          color="primary"
          shape="round"
          block
          loading={busy}
          disabled={busy}
          onClick={() => void issue()}
        >
          {cert ? '重新开具' : '开具证明'}
        </Button>
      </View>

      {error && profileMissing ? (
        <View className="certificate__card certificate__profile" data-testid="certificate-profile-missing">
          <Text className="certificate__error">{errorMessage(error)}</Text>
          <Button
            className="certificate__profile-btn"
            data-testid="certificate-profile"
            size="small"
            shape="round"
            color="primary"
            onClick={() => void Taro.navigateTo({ url: PROFILE })}
          >
            去填写个人资料
          </Button>
        </View>
      ) : (
        <FormError message={problem ?? (error ? errorMessage(error) : null)} />
      )}

      {cert ? <CertificateView cert={cert} /> : null}
    </View>
  )
}
