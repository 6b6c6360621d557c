/**
 * The layer rules fire: each wrong arrow of the architecture, written as a small file in the layer
 * it would break, is an ESLint error (so `npm test`, which runs `eslint .`, fails on it); the
 * allowed arrows stay clean.
 */
import { execFileSync } from 'child_process'
import { join } from 'path'

const ROOT = join(__dirname, '..', '..')

interface Case {
  name: string
  filePath: string
  code: string
  /** The rule that must fire, or null when the snippet must lint clean. */
  rule: RegExp | null
}

const imports = (what: string, from: string) => `import { ${what} } from '${from}'\nexport const x = ${what}\n`
const RESTRICTED = /(^|\/)no-restricted-imports$/
const sql = 'export async function f(db: { query(s: string): Promise<unknown> }) {\n  return db.query("select 1")\n}\n'
const cloudUpload =
  "import Taro from '@tarojs/taro'\nexport const up = () => Taro.cloud.uploadFile({ cloudPath: 'a', filePath: 'b' })\n"

const CASES: Case[] = [
  {
    name: 'domain ↛ runtime',
    filePath: 'server/domain/signup/x.ts',
    code: imports('AppError', '../../runtime/errors'),
    rule: RESTRICTED,
  },
  {
    name: 'domain ↛ store',
    filePath: 'server/domain/x.ts',
    code: imports('findUnit', '../store/units'),
    rule: RESTRICTED,
  },
  {
    name: 'domain ↛ platform',
    filePath: 'server/domain/x.ts',
    code: imports('currentPlatform', '../platform'),
    rule: RESTRICTED,
  },
  { name: 'domain ↛ app', filePath: 'server/domain/x.ts', code: imports('refuse', '../app/refusal'), rule: RESTRICTED },
  { name: 'domain ↛ pg', filePath: 'server/domain/x.ts', code: imports('Pool', 'pg'), rule: RESTRICTED },
  {
    name: 'store ↛ runtime',
    filePath: 'server/store/x.ts',
    code: imports('AppError', '../runtime/errors'),
    rule: RESTRICTED,
  },
  { name: 'store ↛ app', filePath: 'server/store/x.ts', code: imports('refuse', '../app/refusal'), rule: RESTRICTED },
  {
    name: 'app ↛ runtime',
    filePath: 'server/app/signup/x.ts',
    code: imports('AppError', '../../runtime/errors'),
    rule: RESTRICTED,
  },
  { name: 'function ↛ pg', filePath: 'cloudfunctions/signup/src/x.ts', code: imports('Pool', 'pg'), rule: RESTRICTED },
  {
    name: 'function ↛ store',
    filePath: 'cloudfunctions/signup/src/x.ts',
    code: imports('findUnit', '../../../server/store/units'),
    rule: RESTRICTED,
  },
  {
    name: 'client ↛ server',
    filePath: 'src/pages/x.tsx',
    code: imports('refuse', '../../server/app/refusal'),
    rule: RESTRICTED,
  },
  {
    name: 'no SQL in a function file',
    filePath: 'cloudfunctions/hours/src/x.ts',
    code: sql,
    rule: /^no-restricted-syntax$/,
  },
  {
    name: 'a function index is at most 200 lines',
    filePath: 'cloudfunctions/plan/src/index.ts',
    code: Array.from({ length: 201 }, (_, i) => `export const a${i} = ${i}`).join('\n') + '\n',
    rule: /^max-lines$/,
  },
  {
    name: 'pages ↛ Taro.cloud',
    filePath: 'src/pages/home/index.tsx',
    code: cloudUpload,
    rule: /^no-restricted-syntax$/,
  },
  {
    name: 'features ↛ wx.cloud',
    filePath: 'src/features/x/api.ts',
    code: 'export const c = () => wx.cloud.init()\n',
    rule: /^no-restricted-syntax$/,
  },
  { name: 'services → Taro.cloud', filePath: 'src/services/files.ts', code: cloudUpload, rule: null },
  { name: 'store → SQL', filePath: 'server/store/x.ts', code: sql, rule: null },
  {
    name: 'app → store',
    filePath: 'server/app/signup/x.ts',
    code: imports('findUnit', '../../store/units'),
    rule: null,
  },
  {
    name: 'domain → domain',
    filePath: 'server/domain/x.ts',
    code: imports('shanghaiDay', './shanghai-time'),
    rule: null,
  },
  {
    name: 'function → app',
    filePath: 'cloudfunctions/plan/src/x.ts',
    code: imports('found', '../../../server/app/refusal'),
    rule: null,
  },
]

let errors: string[][] = []

beforeAll(() => {
  // One ESLint process for every snippet (Jest cannot load the ESM config file itself).
  const out = execFileSync(process.execPath, [join(__dirname, 'lint-snippets.mjs')], {
    cwd: ROOT,
    input: JSON.stringify(CASES.map(({ filePath, code }) => ({ filePath, code }))),
    encoding: 'utf8',
  })
  errors = JSON.parse(out) as string[][]
}, 120_000)

test.each(CASES.map((c, i) => ({ ...c, i })))('$name', ({ i, rule }) => {
  if (rule === null) expect(errors[i]).toEqual([])
  else expect(errors[i].some((id) => rule.test(id))).toBe(true)
})
