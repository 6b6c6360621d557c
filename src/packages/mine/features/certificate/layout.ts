/**
 * The certificate (志愿服务证明) as a list of drawing operations on a fixed 750 × 1200 page.
 * Pure: no canvas, no platform — text widths are estimated (CJK one em, Latin capitals 0.7 em,
 * other Latin and digits 0.6 em: on the generous side), so what fits here fits on a real canvas;
 * fillText's maxWidth is passed too, as a last guard.
 *
 * The page, top to bottom: title; a paragraph naming the holder and the period (wrapped, so a long
 * name takes more lines and leaves fewer table rows); the total; the activities table (cut to fit:
 * the last row then reads "……等 N 项", N being all activities, with the rest's hours so the column
 * still adds up); the issuer and issue date; the verify image with the code; the disclaimer.
 */
import type { Certificate } from '@api/hours'
import { hoursText, longDate, longDateOf } from '@/features/hours/format'
import type { LineOp, TextOp } from '@/utils/canvas'

export const PAGE_WIDTH = 750
export const PAGE_HEIGHT = 1200
const MARGIN = 70
const CONTENT = PAGE_WIDTH - 2 * MARGIN
export const RED = '#b71c1c'
const INK = '#1f2329'
const GREY = '#6b7280'

export type DrawOp =
  | { op: 'rect'; x: number; y: number; w: number; h: number; fill?: string; stroke?: string; lineWidth?: number }
  | (LineOp & { lineWidth: number })
  | TextOp
  | { op: 'image'; name: 'verify'; x: number; y: number; w: number; h: number }

export interface TableRow {
  title: string
  unitName: string
  hours: string
  /** The "……等 N 项" row standing for the activities that did not fit. */
  overflow?: boolean
}

export interface CertificateLayout {
  width: number
  height: number
  ops: DrawOp[]
  paragraph: string[]
  rows: TableRow[]
  /** Activities not listed one by one (folded into the overflow row). */
  hidden: number
}

/** Estimated advance of one character at `size` px. */
function charWidth(ch: string, size: number): number {
  const c = ch.codePointAt(0) ?? 0
  if (c === 0x20) return 0.3 * size
  // CJK, full-width forms and punctuation, kana, hangul, emoji and the like: a full em.
  if (c >= 0x2e80 || (c >= 0x2000 && c <= 0x206f)) return size
  // Capitals are wider than the rest of Latin (W, M); 0.7 em covers common sans fonts.
  if (c >= 0x41 && c <= 0x5a) return 0.7 * size
  return 0.6 * size
}

export function textWidth(text: string, size: number): number {
  let w = 0
  for (const ch of text) w += charWidth(ch, size)
  return w
}

/** The text cut with "…" so it fits `maxWidth`. */
export function fitText(text: string, size: number, maxWidth: number): string {
  if (textWidth(text, size) <= maxWidth) return text
  const ell = textWidth('…', size)
  let out = ''
  let w = 0
  for (const ch of text) {
    const cw = charWidth(ch, size)
    if (w + cw + ell > maxWidth) break
    out += ch
    w += cw
  }
  return `${out}…`
}

const NO_LINE_START = '，。、；：？！）》」』”’,.;:?!)%'

/**
 * What a line may not be broken inside: a date like 2024年3月5日, a run of Latin letters or digits
 * (a code, a number, an English name); any other character stands alone (Chinese has no spaces).
 */
const TOKEN = /\d{4}年\d{1,2}月\d{1,2}日|[A-Za-z0-9.\-_@'’·]+|\s|./gsu

/** Lines of at most `maxWidth`; a token wider than a whole line is broken between characters. */
export function wrapText(text: string, size: number, maxWidth: number): string[] {
  const tokens: string[] = []
  for (const t of text.match(TOKEN) ?? []) {
    if (textWidth(t, size) <= maxWidth) tokens.push(t)
    else tokens.push(...t)
  }
  const lines: string[] = []
  let line: string[] = []
  let w = 0
  for (const t of tokens) {
    const tw = textWidth(t, size)
    if (w + tw > maxWidth && line.length) {
      // Keep closing punctuation with what it closes: the last token moves down with it.
      const carry = NO_LINE_START.includes(t) && line.length > 1 ? [line.pop() as string] : []
      lines.push(line.join('').trimEnd())
      line = carry
      w = textWidth(carry.join(''), size)
      // A space where the line breaks is dropped.
      if (!t.trim()) continue
    }
    line.push(t)
    w += tw
  }
  if (line.length) lines.push(line.join('').trimEnd())
  return lines.filter((l) => l.length > 0)
}

/** "QJ7K2M9XH4PD" or "qj7k2m-9xh4pd" → "QJ7K2M-9XH4PD". */
export function formatCode(code: string): string {
  const c = code.trim().toUpperCase().replace(/[\s-]/g, '')
  return /^QJ[0-9A-Z]{10}$/.test(c) ? `${c.slice(0, 6)}-${c.slice(6)}` : code.trim().toUpperCase()
}

const COL = {
  title: { x: MARGIN + 12, w: 270 },
  unit: { x: MARGIN + 292, w: 230 },
  hours: { right: PAGE_WIDTH - MARGIN - 12, w: 70 },
}
const ROW_H = 40
const TABLE_SIZE = 20
const BODY_SIZE = 28

export function layoutCertificate(cert: Omit<Certificate, 'verifyImage'>): CertificateLayout {
  const ops: DrawOp[] = []
  const text = (
    t: string,
    x: number,
    y: number,
    size: number,
    o: { color?: string; bold?: boolean; align?: 'left' | 'center' | 'right'; maxWidth?: number } = {},
  ) => {
    const maxWidth = o.maxWidth ?? CONTENT
    ops.push({
      op: 'text',
      text: fitText(t, size, maxWidth),
      x,
      y,
      size,
      color: o.color ?? INK,
      bold: o.bold,
      align: o.align ?? 'left',
      maxWidth,
    })
  }

  // Frame.
  ops.push({ op: 'rect', x: 0, y: 0, w: PAGE_WIDTH, h: PAGE_HEIGHT, fill: '#fffdf8' })
  ops.push({ op: 'rect', x: 24, y: 24, w: PAGE_WIDTH - 48, h: PAGE_HEIGHT - 48, stroke: RED, lineWidth: 4 })
  ops.push({ op: 'rect', x: 34, y: 34, w: PAGE_WIDTH - 68, h: PAGE_HEIGHT - 68, stroke: RED, lineWidth: 1 })

  // Title.
  text('志愿服务证明', PAGE_WIDTH / 2, 112, 52, { color: RED, bold: true, align: 'center' })

  // The paragraph: holder and period.
  const paragraph = wrapText(
    `兹证明 ${cert.holderName.trim()} 于 ${longDate(cert.from)} 至 ${longDate(cert.to)} 期间，` +
      '通过青聚平台参加志愿服务活动，经活动组织单位确认的志愿服务时长如下。',
    BODY_SIZE,
    CONTENT - 2 * BODY_SIZE,
  )
  let y = 196
  paragraph.forEach((line, i) => {
    // First line indented by two characters.
    const indent = i === 0 ? 2 * BODY_SIZE : 0
    text(line, MARGIN + indent, y, BODY_SIZE, { maxWidth: CONTENT - indent })
    y += 46
  })

  // The total.
  y += 14
  text(`累计志愿服务时长  ${hoursText(cert.totalHours)} 小时`, PAGE_WIDTH / 2, y, 36, {
    color: RED,
    bold: true,
    align: 'center',
  })
  y += 52

  // Bottom block, from the bottom up: disclaimer, then the verify image / code and issuer.
  const disclaimer = wrapText(cert.disclaimer.trim(), 18, CONTENT)
  const disclaimerTop = PAGE_HEIGHT - 60 - (disclaimer.length - 1) * 26
  const qr = 150
  const footerTop = disclaimerTop - 40 - qr - 40
  const tableBottom = footerTop - 24

  // Table head.
  const tableTop = y
  ops.push({ op: 'rect', x: MARGIN, y: tableTop, w: CONTENT, h: ROW_H, fill: '#fbeaea' })
  const mid = (row: number) => tableTop + row * ROW_H + ROW_H / 2
  text('活动名称', COL.title.x, mid(0), TABLE_SIZE, { bold: true, maxWidth: COL.title.w })
  text('组织单位', COL.unit.x, mid(0), TABLE_SIZE, { bold: true, maxWidth: COL.unit.w })
  text('小时数', COL.hours.right, mid(0), TABLE_SIZE, { bold: true, align: 'right', maxWidth: COL.hours.w })

  const fit = Math.max(1, Math.floor((tableBottom - tableTop - ROW_H) / ROW_H))
  const all = cert.activities
  let rows: TableRow[]
  let hidden = 0
  if (all.length <= fit) {
    rows = all.map((a) => ({ title: a.title, unitName: a.unitName, hours: hoursText(a.hours) }))
  } else {
    const shown = all.slice(0, fit - 1)
    const rest = all.slice(fit - 1)
    hidden = rest.length
    rows = [
      ...shown.map((a) => ({ title: a.title, unitName: a.unitName, hours: hoursText(a.hours) })),
      {
        title: `……等 ${all.length} 项`,
        unitName: `其余 ${rest.length} 项合计`,
        hours: hoursText(rest.reduce((s, a) => s + a.hours, 0)),
        overflow: true,
      },
    ]
  }
  if (rows.length === 0) {
    text('（该期间没有已确认的志愿服务时长）', PAGE_WIDTH / 2, mid(1), TABLE_SIZE, { color: GREY, align: 'center' })
  }
  rows.forEach((r, i) => {
    const color = r.overflow ? GREY : INK
    text(r.title, COL.title.x, mid(i + 1), TABLE_SIZE, { color, maxWidth: COL.title.w })
    text(r.unitName, COL.unit.x, mid(i + 1), TABLE_SIZE, { color, maxWidth: COL.unit.w })
    text(r.hours, COL.hours.right, mid(i + 1), TABLE_SIZE, { color, align: 'right', maxWidth: COL.hours.w })
  })
  const lines = Math.max(1, rows.length) + 1
  for (let i = 1; i <= lines; i++) {
    const ly = tableTop + i * ROW_H
    ops.push({ op: 'line', x1: MARGIN, y1: ly, x2: PAGE_WIDTH - MARGIN, y2: ly, color: '#e5c4c4', lineWidth: 1 })
  }

  // Footer: verify image and code on the left, issuer and date on the right.
  ops.push({ op: 'rect', x: MARGIN, y: footerTop, w: qr, h: qr, fill: '#ffffff', stroke: '#e5e6eb', lineWidth: 1 })
  ops.push({ op: 'image', name: 'verify', x: MARGIN + 5, y: footerTop + 5, w: qr - 10, h: qr - 10 })
  const code = formatCode(cert.code)
  text(`验证码 ${code}`, MARGIN, footerTop + qr + 24, 20, { color: INK, bold: true, maxWidth: 300 })
  text('扫码或在青聚「证明查验」输入验证码', MARGIN, footerTop + qr + 50, 16, { color: GREY, maxWidth: 300 })

  const right = PAGE_WIDTH - MARGIN
  const issuerWidth = 320
  const issuer = wrapText(cert.issuer.trim(), 26, issuerWidth).slice(0, 2)
  let iy = footerTop + 40
  for (const line of issuer) {
    text(line, right, iy, 26, { align: 'right', bold: true, maxWidth: issuerWidth })
    iy += 40
  }
  text(longDateOf(cert.issuedAt), right, iy + 4, 24, { align: 'right', maxWidth: issuerWidth })

  // Disclaimer, printed plainly.
  disclaimer.forEach((line, i) => text(line, MARGIN, disclaimerTop + i * 26, 18, { color: GREY }))

  return { width: PAGE_WIDTH, height: PAGE_HEIGHT, ops, paragraph, rows, hidden }
}
