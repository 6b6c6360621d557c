/**
 * Draws a poster layout on a 2D context: the weapp `<Canvas type="2d">` context or a browser canvas
 * (H5). Only what both have is used.
 */
import { drawLine, drawText, type Context2D } from '@/utils/canvas'
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
        drawLine(ctx, op, 2)
        break
      case 'text':
        drawText(ctx, op)
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
