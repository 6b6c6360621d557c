/**
 * Draws a certificate layout on a 2D context: the weapp `<Canvas type="2d">` context or a browser
 * canvas (H5). Only what both have is used.
 */
import type { Certificate } from '@api/hours'
import type { Context2D } from '@/utils/canvas'
import { type CertificateLayout, layoutCertificate } from './layout'

export type { Context2D } from '@/utils/canvas'

export const FONT_FAMILY =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif'

export interface Images {
  /** The verify code image, once loaded; a placeholder box is drawn until then. */
  verify?: CanvasImageSource | null
}

/**
 * Draws the whole page. `scale` maps the layout's logical pixels to the canvas's pixels; the
 * transform is set, not multiplied, so drawing again (once the verify image has loaded) is safe.
 */
export function drawLayout(ctx: Context2D, layout: CertificateLayout, images: Images = {}, scale = 1): void {
  ctx.setTransform(scale, 0, 0, scale, 0, 0)
  for (const op of layout.ops) {
    switch (op.op) {
      case 'rect':
        if (op.fill) {
          ctx.fillStyle = op.fill
          ctx.fillRect(op.x, op.y, op.w, op.h)
        }
        if (op.stroke) {
          ctx.strokeStyle = op.stroke
          ctx.lineWidth = op.lineWidth ?? 1
          ctx.strokeRect(op.x, op.y, op.w, op.h)
        }
        break
      case 'line':
        ctx.strokeStyle = op.color
        ctx.lineWidth = op.lineWidth
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
      case 'image':
        if (images[op.name]) ctx.drawImage(images[op.name] as CanvasImageSource, op.x, op.y, op.w, op.h)
        break
    }
  }
}

/** Lays out and draws a certificate; returns the layout (its size is the canvas's logical size). */
export function drawCertificate(ctx: Context2D, cert: Certificate, images: Images = {}, scale = 1): CertificateLayout {
  const layout = layoutCertificate(cert)
  drawLayout(ctx, layout, images, scale)
  return layout
}
