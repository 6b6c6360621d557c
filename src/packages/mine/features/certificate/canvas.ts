/**
 * Putting a certificate on a real canvas: a DOM <canvas> in H5, `<Canvas type="2d">` in WeChat
 * (found with a selector query), then saving or sharing it as a PNG.
 */
import Taro from '@tarojs/taro'
import type { Certificate } from '@api/hours'
import { type Context2D, drawCertificate } from './draw'
import { PAGE_HEIGHT, PAGE_WIDTH, formatCode } from './layout'

export const CANVAS_ID = 'certificate-canvas'

/** What the page keeps to save the picture later. */
export type DrawnCanvas = { kind: 'h5'; canvas: HTMLCanvasElement } | { kind: 'weapp'; canvas: Taro.Canvas }

/** H5: a 2× backing store for a sharp picture; returns a cancel function for the image load. */
export function drawOnDomCanvas(canvas: HTMLCanvasElement, cert: Certificate): () => void {
  const scale = 2
  canvas.width = PAGE_WIDTH * scale
  canvas.height = PAGE_HEIGHT * scale
  const ctx = canvas.getContext('2d') as unknown as Context2D | null
  if (!ctx) return () => undefined
  drawCertificate(ctx, cert, {}, scale)
  let live = true
  const img = new Image()
  img.onload = () => {
    if (live) drawCertificate(ctx, cert, { verify: img }, scale)
  }
  img.src = cert.verifyImage
  return () => {
    live = false
  }
}

/** weapp: the verify image is written to a user-data file first (data URLs are unreliable on canvas images). */
function weappImageSource(cert: Certificate): string {
  const m = /^data:image\/\w+;base64,(.*)$/.exec(cert.verifyImage)
  if (!m) return cert.verifyImage
  try {
    const path = `${Taro.env.USER_DATA_PATH}/qj-verify-${formatCode(cert.code)}.png`
    Taro.getFileSystemManager().writeFileSync(path, m[1], 'base64')
    return path
  } catch {
    return cert.verifyImage
  }
}

/** weapp: finds the 2d canvas node after render and draws on it. */
export function drawOnWeappCanvas(cert: Certificate, onReady: (canvas: Taro.Canvas) => void): () => void {
  let live = true
  Taro.nextTick(() => {
    Taro.createSelectorQuery()
      .select(`#${CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: Taro.Canvas; width: number; height: number }[]) => {
        const hit = res?.[0]
        if (!live || !hit?.node) return
        const canvas = hit.node
        const dpr = Taro.getSystemInfoSync().pixelRatio || 2
        canvas.width = Math.round(hit.width * dpr)
        canvas.height = Math.round(hit.height * dpr)
        const ctx = canvas.getContext('2d') as unknown as Context2D
        const scale = canvas.width / PAGE_WIDTH
        drawCertificate(ctx, cert, {}, scale)
        onReady(canvas)
        const img = canvas.createImage()
        img.onload = () => {
          if (live) drawCertificate(ctx, cert, { verify: img as unknown as CanvasImageSource }, scale)
        }
        img.src = weappImageSource(cert)
      })
  })
  return () => {
    live = false
  }
}

export function fileName(cert: Certificate): string {
  return `志愿服务证明-${formatCode(cert.code)}.png`
}
