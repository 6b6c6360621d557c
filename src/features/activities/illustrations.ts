/**
 * The default picture of an event without a cover: one small flat illustration per category, drawn
 * as SVG (a soft two-tone tile, two light circles, a white motif), so every card has a picture at a
 * cost of a few hundred bytes each. Shown through `<Image>` as a base64 data URL (WeChat's image
 * component reads SVG; base64 because not every base library reads a URL-encoded one).
 */

interface Art {
  /** Gradient, light to deep. */
  from: string
  to: string
  /** Drawn in a 120×120 box. */
  motif: string
  /** A light hill along the bottom (the whole width). */
  ground?: boolean
}

const W = '#fff'

const ARTS = {
  // 植树/公益林: a tree on a hill.
  tree: {
    from: '#8fd19e',
    to: '#3f9d5c',
    ground: true,
    motif: `<rect x="56" y="58" width="8" height="30" rx="3" fill="${W}"/>
<circle cx="60" cy="44" r="19" fill="${W}"/><circle cx="45" cy="56" r="13" fill="${W}"/><circle cx="75" cy="56" r="13" fill="${W}"/>
<circle cx="54" cy="40" r="4" fill="#3f9d5c" fill-opacity=".35"/><circle cx="70" cy="54" r="3" fill="#3f9d5c" fill-opacity=".35"/>`,
  },
  // 读书会: an open book.
  book: {
    from: '#f7cd7c',
    to: '#e0893a',
    motif: `<path d="M60 42C50 35 37 33 26 35V83C37 81 50 83 60 90Z" fill="${W}"/>
<path d="M60 42C70 35 83 33 94 35V83C83 81 70 83 60 90Z" fill="${W}" fill-opacity=".85"/>
<path d="M34 48Q44 47 52 51M34 58Q44 57 52 61M34 68Q44 67 52 71M68 51Q76 47 86 48M68 61Q76 57 86 58" stroke="#e0893a" stroke-opacity=".45" stroke-width="2.5" fill="none" stroke-linecap="round"/>`,
  },
  // 交友联谊: two people and a heart.
  people: {
    from: '#f7a8bf',
    to: '#e0607e',
    motif: `<circle cx="44" cy="50" r="11" fill="${W}"/><path d="M26 88C26 72 34 64 44 64S62 72 62 88Z" fill="${W}"/>
<circle cx="76" cy="50" r="11" fill="${W}" fill-opacity=".88"/><path d="M58 88C58 72 66 64 76 64S94 72 94 88Z" fill="${W}" fill-opacity=".88"/>
<path d="M60 27C55 21 47 25 50 31L60 39L70 31C73 25 65 21 60 27Z" fill="${W}"/>`,
  },
  // 岗位见习: a briefcase.
  briefcase: {
    from: '#8dbcf3',
    to: '#3f7fd6',
    motif: `<path d="M50 46V40A5 5 0 0 1 55 35H65A5 5 0 0 1 70 40V46" stroke="${W}" stroke-width="5" fill="none"/>
<rect x="28" y="46" width="64" height="42" rx="7" fill="${W}"/>
<rect x="28" y="60" width="64" height="5" fill="#3f7fd6" fill-opacity=".3"/><rect x="55" y="57" width="10" height="11" rx="2" fill="#3f7fd6" fill-opacity=".55"/>`,
  },
  // 创新创业: a light bulb with rays.
  bulb: {
    from: '#bea8f3',
    to: '#7a5ad6',
    motif: `<circle cx="60" cy="52" r="20" fill="${W}"/><rect x="51" y="68" width="18" height="14" rx="3" fill="${W}"/>
<rect x="53" y="84" width="14" height="5" rx="2.5" fill="${W}" fill-opacity=".85"/>
<path d="M60 20V26M32 52H38M82 52H88M40 32L44 36M80 32L76 36" stroke="${W}" stroke-width="4" stroke-linecap="round"/>
<path d="M54 58L60 50L66 58" stroke="#7a5ad6" stroke-opacity=".5" stroke-width="3" fill="none" stroke-linecap="round"/>`,
  },
  // 文体活动: a ball in flight.
  ball: {
    from: '#ffc08f',
    to: '#ef7439',
    motif: `<circle cx="64" cy="58" r="24" fill="${W}"/>
<path d="M40 58H88M64 34C54 44 54 72 64 82M64 34C74 44 74 72 64 82" stroke="#ef7439" stroke-opacity=".45" stroke-width="3" fill="none"/>
<path d="M22 78H36M18 68H32M26 88H38" stroke="${W}" stroke-width="4" stroke-linecap="round" stroke-opacity=".8"/>`,
  },
  // 志愿服务: a heart held in a hand.
  heart: {
    from: '#f68e80',
    to: '#d8321f',
    motif: `<path d="M60 70C46 60 38 52 38 43A11 11 0 0 1 60 38A11 11 0 0 1 82 43C82 52 74 60 60 70Z" fill="${W}"/>
<path d="M26 80Q40 74 54 80L70 80Q76 80 76 85Q76 89 70 89H52M76 85L90 77Q96 74 98 79Q99 82 95 85L76 96Q70 99 62 99H26Z" fill="${W}" fill-opacity=".9"/>`,
  },
  // 学习交流: two speech bubbles.
  talk: {
    from: '#7fd8cf',
    to: '#2f9f98',
    motif: `<path d="M26 36H72A6 6 0 0 1 78 42V64A6 6 0 0 1 72 70H42L32 79V70H26A6 6 0 0 1 20 64V42A6 6 0 0 1 26 36Z" fill="${W}"/>
<path d="M52 58H94A6 6 0 0 1 100 64V82A6 6 0 0 1 94 88H90V96L80 88H52A6 6 0 0 1 46 82V64A6 6 0 0 1 52 58Z" fill="${W}" fill-opacity=".82"/>
<path d="M30 48H66M30 58H56" stroke="#2f9f98" stroke-opacity=".45" stroke-width="3" stroke-linecap="round"/>`,
  },
  // Any other category: a flag on a hill.
  flag: {
    from: '#a9bdd1',
    to: '#5f7a96',
    ground: true,
    motif: `<rect x="44" y="30" width="5" height="58" rx="2.5" fill="${W}"/>
<path d="M49 32H84L76 44L84 56H49Z" fill="${W}"/>`,
  },
} satisfies Record<string, Art>

export type ArtName = keyof typeof ARTS

/** The categories people post (host/seed.ts); codes are data, so names are read too. */
const BY_CODE: Record<string, ArtName> = {
  tree_planting: 'tree',
  reading_club: 'book',
  social_mixer: 'people',
  job_shadowing: 'briefcase',
  startup_salon: 'bulb',
  sports_culture: 'ball',
  volunteer_service: 'heart',
  study_exchange: 'talk',
}

const BY_NAME: [RegExp, ArtName][] = [
  [/植树|公益林|环保|生态/, 'tree'],
  [/读书|阅读|书/, 'book'],
  [/联谊|交友/, 'people'],
  [/见习|岗位|就业|职业/, 'briefcase'],
  [/创业|创新|沙龙/, 'bulb'],
  [/文体|运动|体育|球|文艺/, 'ball'],
  [/志愿|公益|服务/, 'heart'],
  [/学习|交流|讲座|培训/, 'talk'],
]

/** Which illustration a category gets: by its code, else by words in its name, else the flag. */
export function artFor(category: { code: string; name: string }): ArtName {
  return BY_CODE[category.code] ?? BY_NAME.find(([re]) => re.test(category.name))?.[1] ?? 'flag'
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 of ASCII text (the SVGs are ASCII; WeChat has no btoa). */
function base64(ascii: string): string {
  let out = ''
  for (let i = 0; i < ascii.length; i += 3) {
    const [a, b, c] = [ascii.charCodeAt(i), ascii.charCodeAt(i + 1), ascii.charCodeAt(i + 2)]
    const n = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63]
    out += i + 1 < ascii.length ? B64[(n >> 6) & 63] : '='
    out += i + 2 < ascii.length ? B64[n & 63] : '='
  }
  return out
}

/** A card's square, or the detail header's banner (750×400 design px): the motif centred, never cropped. */
export type ArtShape = 'square' | 'banner'

const FRAMES: Record<ArtShape, { w: number; h: number; circles: string; ground: string; at: string }> = {
  square: {
    w: 120,
    h: 120,
    circles: '<circle cx="98" cy="20" r="30"/><circle cx="12" cy="112" r="24" fill-opacity=".1"/>',
    ground: 'M0 94Q60 76 120 94V120H0Z',
    at: '',
  },
  banner: {
    w: 300,
    h: 160,
    circles: '<circle cx="262" cy="22" r="54"/><circle cx="24" cy="150" r="40" fill-opacity=".1"/>',
    ground: 'M0 128Q150 98 300 128V160H0Z',
    at: ' transform="translate(90 22)"',
  },
}

function svgOf(art: Art, shape: ArtShape): string {
  const f = FRAMES[shape]
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${f.w} ${f.h}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${art.from}"/><stop offset="1" stop-color="${art.to}"/></linearGradient></defs>
<rect width="${f.w}" height="${f.h}" fill="url(#g)"/>
<g fill="${W}" fill-opacity=".14">${f.circles}</g>
${art.ground ? `<path d="${f.ground}" fill="${W}" fill-opacity=".28"/>` : ''}
<g${f.at}>${art.motif}</g>
</svg>`
}

const urls = new Map<string, string>()

/** The data URL of an illustration (built once per kind and shape). */
export function artUrl(name: ArtName, shape: ArtShape = 'square'): string {
  const key = `${name}:${shape}`
  let url = urls.get(key)
  if (!url) {
    url = `data:image/svg+xml;base64,${base64(svgOf(ARTS[name], shape))}`
    urls.set(key, url)
  }
  return url
}
