/**
 * Draws a certificate layout on a 2D context: the weapp `<Canvas type="2d">` context or a browser
 * canvas (H5). Only what both have is used.
 */
import type { Certificate } from '@api/hours'
import { drawLine, drawText, type Context2D } from '@/utils/canvas'
import { type CertificateLayout, layoutCertificate } from './layout'

export type { Context2D } from '@/utils/canvas'

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
        drawLine(ctx, op, op.lineWidth)
        break
      case 'text':
        drawText(ctx, op)
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
