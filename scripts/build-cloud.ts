/**
 * `npm run build:cloud`: bundle every cloudfunctions/<name>/src/index.ts into a self-contained
 * cloudfunctions/<name>/index.js (CommonJS, Node 16: what CloudBase runs). wx-server-sdk stays
 * external: CloudBase installs it from the folder's package.json. TypeScript never sits in a
 * function's root, which CloudBase deploy cannot handle.
 */
import { build } from 'esbuild'
import { existsSync, readdirSync, statSync } from 'fs'
import { join } from 'path'

const root = join(__dirname, '..')
const fnRoot = join(root, 'cloudfunctions')

async function run() {
  const names = readdirSync(fnRoot).filter((name) => existsSync(join(fnRoot, name, 'src', 'index.ts')))
  for (const name of names) {
    const outfile = join(fnRoot, name, 'index.js')
    await build({
      entryPoints: [join(fnRoot, name, 'src', 'index.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      minify: true,
      sourcemap: false,
      legalComments: 'none',
      tsconfig: join(root, 'tsconfig.json'),
      // Prefer ESM builds so zod and friends tree-shake (CJS builds bundle whole, ~600 KB).
      mainFields: ['module', 'main'],
      external: ['wx-server-sdk', 'pg-native'],
      logLevel: 'warning',
    })
    console.log(`cloudfunctions/${name}/index.js  ${(statSync(outfile).size / 1024).toFixed(1)} KB`)
  }
}

run().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
