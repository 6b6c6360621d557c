/**
 * Putting a poster on a real canvas: a DOM <canvas> in H5, `<Canvas type="2d">` in WeChat (found
 * with a selector query). The cover and the code are loaded first (an image that fails to load
 * leaves the colour band, or a light box); then the poster is drawn once and can be saved.
 */
import Taro from '@tarojs/taro'
import type { ActivityDetail } from '@api/activity'
import { drawPoster, type LoadedImage, type PosterContext, type PosterImages } from './draw'
import { POSTER_HEIGHT, POSTER_WIDTH, layoutPoster } from './layout'

export const CANVAS_ID = 'poster-canvas'

/** What the page keeps to save the picture. */
export type DrawnPoster = { kind: 'h5'; canvas: HTMLCanvasElement } | { kind: 'weapp'; canvas: Taro.Canvas }

interface ImageLike {
  onload: (() => void) | null
  onerror: (() => void) | null
  src: string
  width?: number
  height?: number
}

/** Loads one image (null when it fails or takes longer than 8 s). */
function load(make: () => ImageLike, src: string | null): Promise<LoadedImage | null> {
  if (!src) return Promise.resolve(null)
  return new Promise((done) => {
    const img = make()
    const timer = setTimeout(() => done(null), 8000)
    img.onload = () => {
      clearTimeout(timer)
      done({ source: img as unknown as CanvasImageSource, width: img.width, height: img.height })
    }
    img.onerror = () => {
      clearTimeout(timer)
      done(null)
    }
    img.src = src
  })
}

async function images(make: () => ImageLike, a: ActivityDetail, codeUrl: string): Promise<PosterImages> {
  const [cover, code] = await Promise.all([load(make, a.coverUrl), load(make, codeUrl)])
  return { cover, code }
}

/** H5: draws on a DOM canvas at 2×; answers the canvas once drawn. */
export async function drawOnDomCanvas(
  canvas: HTMLCanvasElement,
  a: ActivityDetail,
  codeUrl: string,
): Promise<DrawnPoster> {
  const scale = 2
  canvas.width = POSTER_WIDTH * scale
  canvas.height = POSTER_HEIGHT * scale
  const ctx = canvas.getContext('2d') as unknown as PosterContext | null
  if (!ctx) throw new Error('no 2d canvas')
  const loaded = await images(
    () => {
      const img = new Image()
      // Same-origin links stay readable; another origin's cover must allow it, or it is left out.
      img.crossOrigin = 'anonymous'
      return img as unknown as ImageLike
    },
    a,
    codeUrl,
  )
  drawPoster(ctx, layoutPoster(a, !!loaded.cover), loaded, scale)
  return { kind: 'h5', canvas }
}

/** weapp: finds the 2d canvas node after render and draws on it; answers it once drawn. */
export function drawOnWeappCanvas(a: ActivityDetail, codeUrl: string): Promise<DrawnPoster> {
  return new Promise((resolve, reject) => {
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${CANVAS_ID}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: Taro.Canvas; width: number; height: number }[]) => {
          const hit = res?.[0]
          if (!hit?.node) {
            reject(new Error('no canvas'))
            return
          }
          const canvas = hit.node
          const dpr = Taro.getSystemInfoSync().pixelRatio || 2
          canvas.width = Math.round(hit.width * dpr)
          canvas.height = Math.round((hit.width * dpr * POSTER_HEIGHT) / POSTER_WIDTH)
          const ctx = canvas.getContext('2d') as unknown as PosterContext
          void images(() => canvas.createImage() as unknown as ImageLike, a, codeUrl).then((loaded) => {
            drawPoster(ctx, layoutPoster(a, !!loaded.cover), loaded, canvas.width / POSTER_WIDTH)
            resolve({ kind: 'weapp', canvas })
          }, reject)
        })
    })
  })
}
