import { useEffect, useRef, useState } from 'react'
import { Canvas, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { ActivityDetail } from '@api/activity'
import { downloadPng, weappTempFile } from '@/utils/canvas'
import { CallError } from '@/components/CallError'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { getActivity, getPosterCode } from '../../features/poster/api'
import { CANVAS_ID, type DrawnPoster, drawOnDomCanvas, drawOnWeappCanvas } from '../../features/poster/canvas'
import { POSTER_HEIGHT, POSTER_WIDTH } from '../../features/poster/layout'
import './index.scss'

const H5 = process.env.TARO_ENV === 'h5'

function failed(err: unknown) {
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
  void Taro.showToast({ title: '保存失败，请稍后重试', icon: 'none' })
}

function Poster({ activity, codeUrl }: { activity: ActivityDetail; codeUrl: string }) {
  const domCanvas = useRef<HTMLCanvasElement | null>(null)
  const [drawn, setDrawn] = useState<DrawnPoster | null>(null)
  const [broken, setBroken] = useState(false)
  const { busy: running, run: act } = useAction()
  const busy = running !== null

  useEffect(() => {
    let live = true
    setDrawn(null)
    const drawing = H5
      ? domCanvas.current
        ? drawOnDomCanvas(domCanvas.current, activity, codeUrl)
        : Promise.reject(new Error('no canvas'))
      : drawOnWeappCanvas(activity, codeUrl)
    drawing.then(
      (d) => live && setDrawn(d),
      () => live && setBroken(true),
    )
    return () => {
      live = false
    }
  }, [activity, codeUrl])

  async function save() {
    const d = drawn
    if (!d) return
    if (d.kind === 'h5') {
      downloadPng(d.canvas, `活动海报-${activity.title.slice(0, 20)}.png`)
      return
    }
    await act(
      'save',
      async () => {
        const filePath = await weappTempFile(d.canvas)
        await Taro.saveImageToPhotosAlbum({ filePath })
        void Taro.showToast({ title: '已保存到相册', icon: 'success' })
      },
      failed,
    )
  }

  return (
    <View className="poster" data-testid="poster-page">
      <View className="poster__paper">
        {H5 ? (
          <canvas ref={domCanvas} className="poster__canvas" data-testid="poster-canvas" />
        ) : (
          <Canvas
            type="2d"
            id={CANVAS_ID}
            className="poster__canvas"
            data-testid="poster-canvas"
            style={{ height: `${Math.round((622 * POSTER_HEIGHT) / POSTER_WIDTH)}rpx` }}
          />
        )}
      </View>
      <Text className="poster__hint">
        {broken
          ? '海报生成失败，请返回后重试'
          : drawn
            ? H5
              ? '保存图片后，可发到朋友圈或分享给好友；好友用微信扫码即可打开活动。'
              : '保存到相册后，可发到朋友圈；好友长按识别图中的小程序码即可报名。'
            : '正在生成海报…'}
      </Text>
      <View className="poster__actions">
        <Button
          className="poster__save"
          data-testid="poster-save"
          color="primary"
          shape="round"
          block
          loading={busy}
          disabled={busy || !drawn}
          onClick={() => void save()}
        >
          {H5 ? '保存图片' : '保存到相册'}
        </Button>
      </View>
    </View>
  )
}

export default function PosterPage() {
  const { id = '' } = useRouter().params
  const loaded = useLoad(async () => {
    const [activity, code] = await Promise.all([getActivity(id), getPosterCode(id)])
    return { activity, codeUrl: code.codeUrl }
  }, [id])

  if (loaded.phase === 'loading')
    return (
      <View className="poster" data-testid="poster-loading">
        <Text className="poster__hint">正在生成海报…</Text>
      </View>
    )
  if (loaded.phase === 'error') return <CallError error={loaded.error} onRetry={() => void loaded.reload()} />
  return <Poster activity={loaded.data.activity} codeUrl={loaded.data.codeUrl} />
}
