/**
 * What the certificate and the poster share: the part of a 2D context they draw with (weapp's
 * `<Canvas type="2d">` context and a browser canvas both have it) and the two ways a drawn canvas
 * leaves the page — a PNG download on H5, a temporary file in WeChat (saved to the album or shared).
 */
import Taro from '@tarojs/taro'

/** The part of CanvasRenderingContext2D the drawings use. */
export interface Context2D {
  fillStyle: unknown
  strokeStyle: unknown
  lineWidth: number
  font: string
  textAlign: string
  textBaseline: string
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void
  fillRect(x: number, y: number, w: number, h: number): void
  strokeRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number, maxWidth?: number): void
  beginPath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  stroke(): void
  /** (x, y, w, h), or a source box then a destination box (crop). */
  drawImage(image: CanvasImageSource, ...box: number[]): void
}

/** Chinese first, so a phone and a headless browser pick a CJK face. */
export const FONT_FAMILY =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif'

/** A line of text as the layouts place it (centred vertically on `y`). */
export interface TextOp {
  op: 'text'
  text: string
  x: number
  y: number
  size: number
  color: string
  bold?: boolean
  align: 'left' | 'center' | 'right'
  /** The width the text was laid out to fit: never exceeded by the estimate. */
  maxWidth: number
}

/** A straight rule between two points. */
export interface LineOp {
  op: 'line'
  x1: number
  y1: number
  x2: number
  y2: number
  color: string
}

export function drawText(ctx: Context2D, op: TextOp): void {
  ctx.fillStyle = op.color
  ctx.font = `${op.bold ? 'bold ' : ''}${op.size}px ${FONT_FAMILY}`
  ctx.textAlign = op.align
  ctx.textBaseline = 'middle'
  ctx.fillText(op.text, op.x, op.y, op.maxWidth)
}

export function drawLine(ctx: Context2D, op: LineOp, lineWidth: number): void {
  ctx.strokeStyle = op.color
  ctx.lineWidth = lineWidth
  ctx.beginPath()
  ctx.moveTo(op.x1, op.y1)
  ctx.lineTo(op.x2, op.y2)
  ctx.stroke()
}

/** H5: downloads the PNG through an <a download>. */
export function downloadPng(canvas: HTMLCanvasElement, name: string): void {
  const a = document.createElement('a')
  a.setAttribute('href', canvas.toDataURL('image/png'))
  a.setAttribute('download', name)
  document.body.appendChild(a)
  a.click()
  a.remove()
}

/** weapp: the canvas as a temporary PNG file. */
export async function weappTempFile(canvas: Taro.Canvas): Promise<string> {
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas, fileType: 'png' })
  return tempFilePath
}
