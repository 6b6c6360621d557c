/**
 * Draws a poster layout on a 2D context: the weapp `<Canvas type="2d">` context or a browser canvas
 * (H5). Only what both have is used.
 */
import type { Context2D } from '@/utils/canvas'
import type { PosterImage, PosterLayout } from './layout'

/** The drawing context (weapp's 2D context and a browser canvas alike). */
export type PosterContext = Context2D

/** A loaded image; its natural size (when known) lets a cover be cropped instead of stretched. */
export interface LoadedImage {
  source: CanvasImageSource
  width?: number
  height?: number
}

export type PosterImages = Partial<Record<PosterImage, LoadedImage | null>>

export const FONT_FAMILY =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif'

/** The source box that covers `w × h` from an image of `iw × ih` (centred crop). */
export function coverCrop(iw: number, ih: number, w: number, h: number): [number, number, number, number] {
  const scale = Math.max(w / iw, h / ih)
  const sw = w / scale
  const sh = h / scale
  return [(iw - sw) / 2, (ih - sh) / 2, sw, sh]
}

/**
 * Draws the whole poster. `scale` maps the layout's pixels to the canvas's; the transform is set,
 * not multiplied, so drawing again is safe. An image not given (not loaded) leaves a light box.
 */
export function drawPoster(ctx: PosterContext, layout: PosterLayout, images: PosterImages, scale = 1): void {
  ctx.setTransform(scale, 0, 0, scale, 0, 0)
  for (const op of layout.ops) {
    switch (op.op) {
      case 'rect':
        ctx.fillStyle = op.fill
        ctx.fillRect(op.x, op.y, op.w, op.h)
        break
      case 'line':
        ctx.strokeStyle = op.color
        ctx.lineWidth = 2
        ctx.beginPath()
        ctx.moveTo(op.x1, op.y1)
        ctx.lineTo(op.x2, op.y2)
        ctx.stroke()
        break
      case 'text':
        ctx.fillStyle = op.color
        ctx.font = `${op.bold ? 'bold ' : ''}${op.size}px ${FONT_FAMILY}`
        ctx.textAlign = op.align
        ctx.textBaseline = 'middle'
        ctx.fillText(op.text, op.x, op.y, op.maxWidth)
        break
      case 'image': {
        const img = images[op.name]
        if (!img) {
          ctx.fillStyle = '#f0f1f3'
          ctx.fillRect(op.x, op.y, op.w, op.h)
        } else if (op.name === 'cover' && img.width && img.height) {
          ctx.drawImage(img.source, ...coverCrop(img.width, img.height, op.w, op.h), op.x, op.y, op.w, op.h)
        } else {
          ctx.drawImage(img.source, op.x, op.y, op.w, op.h)
        }
        break
      }
    }
  }
}
