/**
 * The activity poster (for 朋友圈) as drawing operations on a fixed 600 × 960 page. Pure: no canvas,
 * no platform. Text widths are estimated on the generous side (CJK one em, Latin and digits 0.6 em),
 * so what fits here fits on a real canvas; fillText's maxWidth is passed too, as a last guard.
 *
 * Top to bottom: the cover (or, without one, a band in the theme's red with the category), the
 * title (two lines at most), time, place and organiser, then the mini-program code that opens the
 * activity with the words that say so.
 */
import type { ActivityDetail } from '@api/activity'
import type { LineOp, TextOp } from '@/utils/canvas'
import { formatTimeRange } from '@/utils/time'

export const POSTER_WIDTH = 600
export const POSTER_HEIGHT = 960
const MARGIN = 40
const CONTENT = POSTER_WIDTH - 2 * MARGIN
const BAND_HEIGHT = 340
const CODE_SIZE = 184
export const RED = '#d81e06'
const INK = '#1f2329'
const GREY = '#4e5969'
const LIGHT = '#646a73'

export type PosterImage = 'cover' | 'code'

export type PosterOp =
  | { op: 'rect'; x: number; y: number; w: number; h: number; fill: string }
  | LineOp
  | TextOp
  /** An image, scaled to cover the box (cropped, never stretched, when its size is known). */
  | { op: 'image'; name: PosterImage; x: number; y: number; w: number; h: number }

export interface PosterLayout {
  width: number
  height: number
  ops: PosterOp[]
  /** The title as drawn (at most two lines, the second ending in … when cut). */
  titleLines: string[]
}

function charWidth(ch: string, size: number): number {
  const c = ch.codePointAt(0) ?? 0
  if (c > 0x2e7f) return size
  if (c >= 0x41 && c <= 0x5a) return size * 0.7
  return size * 0.6
}

export function textWidth(text: string, size: number): number {
  let w = 0
  for (const ch of text) w += charWidth(ch, size)
  return w
}

/** Breaks `text` into lines of at most `width`; past `maxLines` the last line ends in …. */
export function wrap(text: string, size: number, width: number, maxLines: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of text.replace(/\s+/g, ' ').trim()) {
    if (textWidth(line + ch, size) > width) {
      lines.push(line)
      line = ''
    }
    line += ch
  }
  if (line) lines.push(line)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  let last = kept[maxLines - 1]
  while (last && textWidth(`${last}…`, size) > width) last = [...last].slice(0, -1).join('')
  kept[maxLines - 1] = `${last}…`
  return kept
}

/** One line: cut with … when too wide. */
export const oneLine = (text: string, size: number, width: number) => wrap(text, size, width, 1)[0] ?? ''

export function layoutPoster(a: ActivityDetail, hasCover: boolean, now: Date = new Date()): PosterLayout {
  const ops: PosterOp[] = [{ op: 'rect', x: 0, y: 0, w: POSTER_WIDTH, h: POSTER_HEIGHT, fill: '#ffffff' }]
  const text = (t: Omit<Extract<PosterOp, { op: 'text' }>, 'op'>) => ops.push({ op: 'text', ...t })

  if (hasCover) {
    ops.push({ op: 'image', name: 'cover', x: 0, y: 0, w: POSTER_WIDTH, h: BAND_HEIGHT })
  } else {
    ops.push({ op: 'rect', x: 0, y: 0, w: POSTER_WIDTH, h: BAND_HEIGHT, fill: RED })
    text({
      text: a.category.name,
      x: POSTER_WIDTH / 2,
      y: 150,
      size: 52,
      color: '#ffffff',
      bold: true,
      align: 'center',
      maxWidth: CONTENT,
    })
    text({
      text: '青聚 · 青年活动',
      x: POSTER_WIDTH / 2,
      y: 222,
      size: 26,
      color: '#ffe4df',
      align: 'center',
      maxWidth: CONTENT,
    })
  }

  let y = BAND_HEIGHT + 64
  const titleLines = wrap(a.title, 38, CONTENT, 2)
  for (const line of titleLines) {
    text({ text: line, x: MARGIN, y, size: 38, color: INK, bold: true, align: 'left', maxWidth: CONTENT })
    y += 54
  }
  y += 12
  const rows: [string, string][] = [
    ['时间', formatTimeRange(a.startAt, a.endAt, now)],
    ['地点', a.placeName],
    ['主办', a.unit.name],
  ]
  for (const [label, value] of rows) {
    text({ text: label, x: MARGIN, y, size: 26, color: LIGHT, align: 'left', maxWidth: 64 })
    text({
      text: oneLine(value, 26, CONTENT - 80),
      x: MARGIN + 80,
      y,
      size: 26,
      color: GREY,
      align: 'left',
      maxWidth: CONTENT - 80,
    })
    y += 46
  }

  const footTop = POSTER_HEIGHT - CODE_SIZE - 2 * MARGIN
  ops.push({ op: 'line', x1: MARGIN, y1: footTop, x2: POSTER_WIDTH - MARGIN, y2: footTop, color: '#e5e6eb' })
  const codeX = POSTER_WIDTH - MARGIN - CODE_SIZE
  const codeY = footTop + MARGIN
  ops.push({ op: 'image', name: 'code', x: codeX, y: codeY, w: CODE_SIZE, h: CODE_SIZE })
  const wordsWidth = codeX - MARGIN - 24
  text({
    text: '长按识别小程序码',
    x: MARGIN,
    y: codeY + 56,
    size: 30,
    color: INK,
    bold: true,
    align: 'left',
    maxWidth: wordsWidth,
  })
  text({
    text: '查看详情，一起报名参加',
    x: MARGIN,
    y: codeY + 104,
    size: 24,
    color: GREY,
    align: 'left',
    maxWidth: wordsWidth,
  })
  text({
    text: '青聚 · 青年活动报名',
    x: MARGIN,
    y: codeY + 152,
    size: 22,
    color: RED,
    align: 'left',
    maxWidth: wordsWidth,
  })

  return { width: POSTER_WIDTH, height: POSTER_HEIGHT, ops, titleLines }
}
