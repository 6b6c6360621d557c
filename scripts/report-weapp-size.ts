/**
 * Printed after `npm run build:weapp`: the main package size (everything outside the subpackage
 * roots in app.json) against WeChat's 2 MB cap, and each subpackage against its own 2 MB cap.
 */
import { readdirSync, readFileSync, statSync } from 'fs'
import { join, relative, sep } from 'path'

const dist = join(__dirname, '..', 'dist', 'weapp')
const LIMIT = 2 * 1024 * 1024

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}

const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
  subPackages?: { root: string }[]
  subpackages?: { root: string }[]
}
const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
const sizes = new Map<string, number>([['main', 0], ...roots.map((r) => [r, 0] as [string, number])])
for (const file of files(dist)) {
  const rel = relative(dist, file).split(sep).join('/')
  if (rel.endsWith('.map')) continue
  const owner = roots.find((r) => rel.startsWith(`${r}/`)) ?? 'main'
  sizes.set(owner, (sizes.get(owner) ?? 0) + statSync(file).size)
}
let over = false
for (const [name, size] of sizes) {
  const kb = (size / 1024).toFixed(1)
  console.log(`weapp ${name === 'main' ? 'main package' : `subpackage ${name}`}: ${kb} KB of 2048 KB`)
  if (size > LIMIT) over = true
}
if (over) {
  console.error('a package exceeds WeChat’s 2 MB limit')
  process.exit(1)
}
