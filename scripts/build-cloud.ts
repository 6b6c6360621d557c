/**
 * `npm run build:cloud`: bundle every cloudfunctions/<name>/src/index.ts into a self-contained
 * cloudfunctions/<name>/index.js (CommonJS, Node 16: what CloudBase runs). TypeScript never sits in
 * a function's root, which CloudBase deploy cannot handle.
 * - wx-server-sdk stays external: CloudBase installs it from the folder's package.json.
 * - exceljs stays external too (about 1.2 MB): the functions that read or write spreadsheets list it
 *   in their package.json and load it only inside those actions, so no other cold start pays for it.
 * - The local stand-ins are compiled out: `server/platform/local-factory.ts` is swapped for its
 *   `.cloudbase.ts` twin, so no bundle holds the local platform or dev-session verification.
 */
import { build, type Plugin } from 'esbuild'
import { existsSync, readdirSync, statSync } from 'fs'
import { join } from 'path'

const root = join(__dirname, '..')
const fnRoot = join(root, 'cloudfunctions')

const withoutLocalPlatform: Plugin = {
  name: 'without-local-platform',
  setup(b) {
    b.onResolve({ filter: /[\\/]local-factory$/ }, (args) => ({
      path: join(args.resolveDir, 'local-factory.cloudbase.ts'),
    }))
  },
}

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
      external: ['wx-server-sdk', 'pg-native', 'exceljs'],
      plugins: [withoutLocalPlatform],
      logLevel: 'warning',
    })
    console.log(`cloudfunctions/${name}/index.js  ${(statSync(outfile).size / 1024).toFixed(1)} KB`)
  }
}

run().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
