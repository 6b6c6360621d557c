import type { Certificate } from '@api/hours'
import { drawCertificate } from '@/packages/mine/features/certificate/draw'
import {
  type DrawOp,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  fitText,
  formatCode,
  layoutCertificate,
  textWidth,
  wrapText,
} from '@/packages/mine/features/certificate/layout'
import { FakeContext2D } from './support/fake-canvas'
import { certificate } from './support/hours-fixtures'

type TextOp = Extract<DrawOp, { op: 'text' }>

function texts(ops: DrawOp[]): TextOp[] {
  return ops.filter((o): o is TextOp => o.op === 'text')
}

function activities(n: number, hours = 2): Certificate['activities'] {
  return Array.from({ length: n }, (_, i) => ({
    title: `第 ${i + 1} 次社区志愿服务`,
    unitName: '南山街道朝阳社区团支部',
    days: 1,
    hours,
  }))
}

describe('text measuring and fitting', () => {
  test('CJK counts a full em, Latin capitals 0.7 em, other Latin and digits 0.6 em', () => {
    expect(textWidth('志愿', 20)).toBe(40)
    expect(textWidth('QJ12', 20)).toBeCloseTo(52)
    expect(textWidth('ab 1', 20)).toBeCloseTo(42)
  })

  test('fitText cuts with … inside the width, and leaves short text alone', () => {
    expect(fitText('读书会', 20, 100)).toBe('读书会')
    const cut = fitText('润州区青年志愿者协会关爱留守儿童暑期陪伴计划', 20, 150)
    expect(cut.endsWith('…')).toBe(true)
    expect(textWidth(cut, 20)).toBeLessThanOrEqual(150)
    expect(cut).toBe('润州区青年志…')
  })

  test('wrapText keeps every character and never starts a line with closing punctuation', () => {
    const s = '本证明依据青聚平台已确认的时长记录开具，仅供参考；正式认定以全国志愿服务信息系统为准。'
    const lines = wrapText(s, 20, 200)
    expect(lines.join('')).toBe(s)
    for (const l of lines) {
      expect(textWidth(l, 20)).toBeLessThanOrEqual(200)
      expect('，。；').not.toContain(l[0])
    }
    expect(lines.length).toBeGreaterThan(3)
  })

  test('wrapText does not split a date or a Latin word, and drops the space it breaks at', () => {
    const lines = wrapText('兹证明 李青 于 2024年1月1日 至 2024年3月5日 期间，参加 volunteering 活动。', 28, 400)
    expect(lines.some((l) => l.includes('2024年1月1日'))).toBe(true)
    expect(lines.some((l) => l.includes('2024年3月5日'))).toBe(true)
    expect(lines.some((l) => l.includes('volunteering'))).toBe(true)
    for (const l of lines) expect(l).toBe(l.trim())
  })

  test('codes are shown upper case with the dash', () => {
    expect(formatCode('qj7k2m9xh4pd')).toBe('QJ7K2M-9XH4PD')
    expect(formatCode(' QJ7K2M-9XH4PD ')).toBe('QJ7K2M-9XH4PD')
  })
})

describe('certificate layout', () => {
  test('a short certificate lists every activity; every text fits its width and the page', () => {
    const l = layoutCertificate(certificate())
    expect([l.width, l.height]).toEqual([PAGE_WIDTH, PAGE_HEIGHT])
    expect(l.hidden).toBe(0)
    expect(l.rows).toEqual([
      { title: '青年公益林植树', unitName: '中国邮政镇江分公司团委', hours: '2.5' },
      { title: '社区敬老志愿服务', unitName: '南山街道朝阳社区团支部', hours: '6' },
    ])
    const all = texts(l.ops)
    expect(all.map((t) => t.text)).toEqual(
      expect.arrayContaining([
        '志愿服务证明',
        '累计志愿服务时长  8.5 小时',
        '验证码 QJ7K2M-9XH4PD',
        '共青团镇江市润州区委员会',
        '2024年3月5日',
      ]),
    )
    const para = l.paragraph.join(' ')
    expect(para).toContain('兹证明 李青 于 2024年1月1日')
    expect(para).toContain('2024年3月5日 期间')
    for (const t of all) {
      const w = textWidth(t.text, t.size)
      expect(w).toBeLessThanOrEqual(t.maxWidth + 0.001)
      const left = t.align === 'left' ? t.x : t.align === 'right' ? t.x - w : t.x - w / 2
      expect(left).toBeGreaterThanOrEqual(34)
      expect(left + w).toBeLessThanOrEqual(PAGE_WIDTH - 34)
      expect(t.y).toBeGreaterThan(34)
      expect(t.y).toBeLessThan(PAGE_HEIGHT - 34)
    }
  })

  test('too many activities: the last row reads 等 N 项 with the rest, and the hours column still adds up', () => {
    const list = activities(30, 2.5)
    const l = layoutCertificate(certificate({ activities: list, totalHours: 75 }))
    expect(l.rows.length).toBeLessThan(30)
    expect(l.rows.length).toBeGreaterThan(5)
    const last = l.rows[l.rows.length - 1]
    expect(last.overflow).toBe(true)
    expect(last.title).toBe('……等 30 项')
    expect(l.hidden).toBe(30 - (l.rows.length - 1))
    expect(last.unitName).toBe(`其余 ${l.hidden} 项合计`)
    expect(l.rows.reduce((s, r) => s + Number(r.hours), 0)).toBe(75)
    expect(l.rows.slice(0, -1).map((r) => r.title)).toEqual(list.slice(0, l.rows.length - 1).map((a) => a.title))

    // The table ends above the verify image, which sits above the disclaimer.
    const image = l.ops.find((o) => o.op === 'image') as Extract<DrawOp, { op: 'image' }>
    const rowTexts = texts(l.ops).filter((t) => t.text === last.title)
    expect(rowTexts).toHaveLength(1)
    expect(rowTexts[0].y).toBeLessThan(image.y)
    const disclaimerY = Math.min(
      ...texts(l.ops)
        .filter((t) => t.size === 18)
        .map((t) => t.y),
    )
    expect(image.y + image.h).toBeLessThan(disclaimerY)
  })

  test('exactly as many activities as fit: no 等 row', () => {
    const fit = layoutCertificate(certificate({ activities: activities(40) })).rows.length
    const l = layoutCertificate(certificate({ activities: activities(fit) }))
    expect(l.rows).toHaveLength(fit)
    expect(l.rows.some((r) => r.overflow)).toBe(false)
    expect(l.hidden).toBe(0)
  })

  test('a long name is never cut: it wraps, and fewer table rows fit', () => {
    const long = '阿卜杜热合曼·买买提艾力·司马义阿卜杜拉Abdurahman-Mamatali-Ismayil-Abdulla'
    const short = layoutCertificate(certificate({ activities: activities(30) }))
    const named = layoutCertificate(certificate({ holderName: long, activities: activities(30) }))
    expect(named.paragraph.join('')).toContain(long)
    expect(named.paragraph.length).toBeGreaterThan(short.paragraph.length)
    expect(named.rows.length).toBeLessThan(short.rows.length)
    expect(named.rows[named.rows.length - 1].title).toBe('……等 30 项')
  })

  test('long titles and unit names are cut with … to their columns', () => {
    const l = layoutCertificate(
      certificate({
        activities: [
          {
            title: '润州区青年志愿者协会关爱留守儿童暑期陪伴计划第三期',
            unitName: '江苏南昆仑律师事务所团支部青年志愿服务队',
            days: 3,
            hours: 12,
          },
        ],
      }),
    )
    const row = texts(l.ops).filter((t) => t.text.startsWith('润州区') || t.text.startsWith('江苏南昆仑'))
    expect(row).toHaveLength(2)
    for (const t of row) {
      expect(t.text.endsWith('…')).toBe(true)
      expect(textWidth(t.text, t.size)).toBeLessThanOrEqual(t.maxWidth)
    }
  })

  test('no activities in the period: the table says so', () => {
    const l = layoutCertificate(certificate({ activities: [], totalHours: 0 }))
    expect(l.rows).toEqual([])
    expect(texts(l.ops).map((t) => t.text)).toContain('（该期间没有已确认的志愿服务时长）')
  })
})

describe('drawing on a 2D context', () => {
  test('draws the title, the code, the disclaimer and, once loaded, the verify image', () => {
    const cert = certificate()
    const ctx = new FakeContext2D()
    drawCertificate(ctx, cert, {}, 2)
    expect(ctx.transforms).toEqual([[2, 0, 0, 2, 0, 0]])
    expect(ctx.allText()).toContain('志愿服务证明')
    expect(ctx.allText()).toContain('验证码 QJ7K2M-9XH4PD')
    expect(ctx.allText().join('')).toContain(cert.disclaimer)
    expect(ctx.images).toEqual([])
    // Text is drawn in the layout's font sizes, the title bold and centred.
    const title = ctx.texts.find((t) => t.text === '志愿服务证明')
    expect(title?.font).toMatch(/^bold 52px /)
    expect(title?.textAlign).toBe('center')

    const img = { fake: 'image' } as unknown as CanvasImageSource
    const again = new FakeContext2D()
    drawCertificate(again, cert, { verify: img })
    expect(again.images).toHaveLength(1)
    expect(again.images[0].image).toBe(img)
  })
})
