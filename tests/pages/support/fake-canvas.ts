/**
 * A 2D context that records what is drawn, for jsdom (which has no canvas). Install it on
 * HTMLCanvasElement.prototype for page tests, or pass it straight to draw functions.
 */
export interface DrawnText {
  text: string
  x: number
  y: number
  font: string
  fillStyle: unknown
  textAlign: string
  maxWidth?: number
}

export class FakeContext2D {
  fillStyle: unknown = '#000'
  strokeStyle: unknown = '#000'
  lineWidth = 1
  font = '10px sans-serif'
  textAlign = 'start'
  textBaseline = 'alphabetic'
  texts: DrawnText[] = []
  images: { image: unknown; x: number; y: number; w: number; h: number }[] = []
  rects: { kind: 'fill' | 'stroke'; x: number; y: number; w: number; h: number }[] = []
  transforms: number[][] = []
  lines = 0

  setTransform(...m: number[]) {
    this.transforms.push(m)
  }

  fillRect(x: number, y: number, w: number, h: number) {
    this.rects.push({ kind: 'fill', x, y, w, h })
  }

  strokeRect(x: number, y: number, w: number, h: number) {
    this.rects.push({ kind: 'stroke', x, y, w, h })
  }

  fillText(text: string, x: number, y: number, maxWidth?: number) {
    this.texts.push({ text, x, y, font: this.font, fillStyle: this.fillStyle, textAlign: this.textAlign, maxWidth })
  }

  beginPath() {}
  moveTo() {}
  lineTo() {}

  stroke() {
    this.lines++
  }

  drawImage(image: unknown, x: number, y: number, w: number, h: number) {
    this.images.push({ image, x, y, w, h })
  }

  /** Every text drawn, in order. */
  allText(): string[] {
    return this.texts.map((t) => t.text)
  }
}

/** Makes every <canvas> in jsdom answer getContext('2d') with one shared recording context. */
export function installFakeCanvas(): { ctx: () => FakeContext2D; restore(): void } {
  const proto = HTMLCanvasElement.prototype
  const saved = { getContext: proto.getContext, toDataURL: proto.toDataURL }
  let current = new FakeContext2D()
  proto.getContext = function getContext(this: HTMLCanvasElement, kind: string) {
    if (kind !== '2d') return null
    current = new FakeContext2D()
    return current as unknown as CanvasRenderingContext2D
  } as typeof proto.getContext
  proto.toDataURL = function toDataURL() {
    return 'data:image/png;base64,RkFLRQ=='
  }
  return {
    ctx: () => current,
    restore() {
      proto.getContext = saved.getContext
      proto.toDataURL = saved.toDataURL
    },
  }
}
