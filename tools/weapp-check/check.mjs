/**
 * `npm run check:weapp`: WeChat's own static checks of the built mini-program (dist/weapp), offline, with
 * miniprogram-ci (the library behind WeChat DevTools' upload): `analyseCode` (every file each page, component,
 * script and template needs resolves; bytes per package) and `checkCodeQuality` (package size limits,
 * compression turned on).
 *
 * miniprogram-ci brings about 230 MB of dependencies, so it lives in its own folder with its own lock file and
 * is installed here on first run (`npm ci` in tools/weapp-check), not by the root `npm install`.
 * Builds dist/weapp first when it is missing (`npm run build:weapp`). Exits non-zero when a check fails.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')
const dist = join(root, 'dist', 'weapp')
const PACKAGE_LIMIT = 2 * 1024 * 1024 // each package, main or sub
const TOTAL_LIMIT = 20 * 1024 * 1024 // all packages together
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

// 1. miniprogram-ci, installed from tools/weapp-check/package-lock.json when missing or out of date.
const lock = readFileSync(join(here, 'package-lock.json'), 'utf8')
const stamp = join(here, 'node_modules', '.installed-lock.json')
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lock) {
  console.log('check:weapp: installing miniprogram-ci into tools/weapp-check (first run, about 230 MB)…')
  execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' })
  writeFileSync(stamp, lock)
}

// 2. The build to check.
if (!existsSync(join(dist, 'app.json'))) {
  console.log('check:weapp: dist/weapp is missing, building it (npm run build:weapp)…')
  execFileSync(npm, ['run', 'build:weapp'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
}

const ci = createRequire(join(here, 'package.json'))('miniprogram-ci')

// A CI project needs a key only to upload; these checks never sign anything.
const project = new ci.Project({
  appid: 'touristappid',
  type: 'miniProgram',
  projectPath: dist,
  privateKey: 'offline-static-checks-only',
  ignores: ['node_modules/**/*'],
})
// Offline: the project's attributes would be fetched from WeChat's servers; use the library's defaults.
project.attr = async () => ({ ...ci.DefaultProjectAttr })

const failures = []
let passed = 0
const check = (ok, what) => {
  console.log(`${ok ? '✔' : '✘'} ${what}`)
  if (ok) passed++
  else failures.push(what)
}

// 3. analyseCode: the dependency graph of the whole app. Files a page or component names (json
// usingComponents, require, import, wxs src) must all resolve; of the files found by naming rule (a page's
// .js/.wxml/.wxss/.json next to each other, app.json's optional features) only the .js and .wxml are required.
const REQUIRED_BY_RULE = new Set(['Js', 'Wxml'])
const analysis = await ci.analyseCode(project, { silent: true })
if (!analysis) {
  check(false, 'analyseCode produced no result')
} else {
  const unresolved = []
  for (const mod of analysis.modules) {
    for (const e of [...(mod.errors ?? []), ...(mod.buildError ? [mod.buildError] : [])]) {
      unresolved.push(`${mod.path}: ${e}`)
    }
    for (const dep of mod.deps) {
      if (dep.error || (!dep.path && (dep.from !== 'rule' || REQUIRED_BY_RULE.has(dep.type))))
        unresolved.push(`${mod.path} → ${dep.request}${dep.error ? `: ${dep.error}` : ''}`)
    }
  }
  for (const u of unresolved) console.log(`    unresolved: ${u}`)
  check(
    unresolved.length === 0,
    `analyseCode: ${analysis.modules.length} modules, ${unresolved.length} unresolved file(s)`,
  )

  const sizes = new Map()
  for (const file of analysis.files) {
    const pkg = file.subPackage ?? 'main package'
    sizes.set(pkg, (sizes.get(pkg) ?? 0) + file.size)
  }
  let total = 0
  for (const [pkg, size] of [...sizes].sort((a, b) => b[1] - a[1])) {
    total += size
    check(size <= PACKAGE_LIMIT, `${pkg}: ${(size / 1024).toFixed(1)} KB of ${PACKAGE_LIMIT / 1024} KB`)
  }
  check(total <= TOTAL_LIMIT, `all packages: ${(total / 1024).toFixed(1)} KB of ${TOTAL_LIMIT / 1024} KB`)

  const unused = analysis.files.filter((f) => !f.moduleId).map((f) => f.path)
  if (unused.length > 0) console.log(`    files no page uses (not an error): ${unused.join(', ')}`)
}

// 4. checkCodeQuality: WeChat's upload-time quality items.
// An item's text names the problem whether or not it was found: say it our way when the item passes.
const MUST_PASS = {
  PACKAGE_SIZE_LIMIT: 'main package under 1.5 MB',
  JS_COMPRESS_OPEN: 'JS compression on',
  WXML_COMPRESS_OPEN: 'WXML compression on',
  WXSS_COMPRESS_OPEN: 'WXSS compression on',
  IMAGE_AND_AUDIO_LIMIT: 'no picture or audio file over 200 KB',
}
for (const item of await ci.checkCodeQuality(project)) {
  const what = item.success ? (MUST_PASS[item.name] ?? 'ok') : item.text
  if (item.name in MUST_PASS) check(item.success, `checkCodeQuality ${item.name}: ${what}`)
  else console.log(`${item.success ? '✔' : '·'} checkCodeQuality ${item.name}: ${what} (advice only)`)
}

console.log(`weapp: ${passed} passed, ${failures.length} failed`)
// miniprogram-ci leaves a file watcher running: leave explicitly.
process.exit(failures.length === 0 ? 0 : 1)
