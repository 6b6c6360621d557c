/**
 * The one place the browser tests get their Chromium, so `npm test` runs after `npm install` alone.
 *
 * 1. `CHROMIUM_PATH`, when set: that binary (it must exist).
 * 2. Debian's `/usr/bin/chromium`, when present (what `.ci/run` used to install; fonts come from the system).
 * 3. Otherwise the Chromium shipped inside the `@sparticuz/chromium` npm package (Linux x64): its brotli-packed
 *    binary, its NSS libraries and its Latin font are unpacked once into node_modules/.cache/, and a fontconfig
 *    file of our own points it at those fonts plus Noto Sans SC from `@expo-google-fonts/noto-sans-sc`, so the
 *    screenshots show the Chinese UI on a machine without any system font.
 * 4. Otherwise: an error saying what to install.
 *
 * `QINGJU_CHROMIUM=npm` skips step 2 (proves the npm path on a machine that has Debian's chromium);
 * `QINGJU_CHROMIUM=system` skips step 3.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import { chromium, type Browser } from 'playwright-core'

export const DEBIAN_CHROMIUM = '/usr/bin/chromium'

export interface ChromiumChoice {
  /** Where the binary came from, for the test log. */
  source: 'CHROMIUM_PATH' | 'debian' | 'npm'
  executablePath: string
  /** Extra environment for the browser process (the npm build's libraries and fonts). */
  env: Record<string, string>
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
]

export const NO_BROWSER =
  'No Chromium for the browser tests. On Debian/Ubuntu: apt-get install -y chromium fonts-wqy-zenhei ' +
  '(as root). On Linux x64 the npm package @sparticuz/chromium (a devDependency: run `npm install`) is used ' +
  'when Debian’s chromium is absent. Elsewhere set CHROMIUM_PATH to a Chromium or Chrome binary.'

export function findChromium(): ChromiumChoice {
  const want = process.env.QINGJU_CHROMIUM
  if (process.env.CHROMIUM_PATH) {
    const path = process.env.CHROMIUM_PATH
    if (!existsSync(path)) throw new Error(`CHROMIUM_PATH=${path} does not exist. ${NO_BROWSER}`)
    return { source: 'CHROMIUM_PATH', executablePath: path, env: {} }
  }
  if (want !== 'npm' && existsSync(DEBIAN_CHROMIUM)) {
    return { source: 'debian', executablePath: DEBIAN_CHROMIUM, env: {} }
  }
  if (want === 'system') throw new Error(`${DEBIAN_CHROMIUM} is missing (QINGJU_CHROMIUM=system). ${NO_BROWSER}`)
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `The npm Chromium is built for Linux x64 only (this is ${process.platform}-${process.arch}). ${NO_BROWSER}`,
    )
  }
  let pkg: string
  let notoDir: string
  const resolve = createRequire(__filename).resolve
  try {
    // The package's entry sits at different depths across versions: walk up to the folder holding bin/.
    pkg = dirname(resolve('@sparticuz/chromium'))
    while (!existsSync(join(pkg, 'bin', 'chromium.br')) && dirname(pkg) !== pkg) pkg = dirname(pkg)
    notoDir = dirname(resolve('@expo-google-fonts/noto-sans-sc/package.json'))
  } catch {
    throw new Error(`@sparticuz/chromium or @expo-google-fonts/noto-sans-sc is not installed. ${NO_BROWSER}`)
  }
  return npmChromium(pkg, notoDir)
}

/** Unpacks the npm build once per version (atomically: concurrent test files may race) and describes it. */
function npmChromium(pkg: string, notoDir: string): ChromiumChoice {
  const version = (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string }).version
  const bin = join(pkg, 'bin')
  const root = join(pkg, '..', '..', '.cache', 'qingju-chromium') // node_modules/.cache/
  const dir = join(root, version)
  if (!existsSync(join(dir, 'chromium'))) {
    const partial = `${dir}.partial-${process.pid}`
    rmSync(partial, { recursive: true, force: true })
    mkdirSync(partial, { recursive: true })
    writeFileSync(join(partial, 'chromium'), brotliDecompressSync(readFileSync(join(bin, 'chromium.br'))), {
      mode: 0o755,
    })
    for (const [archive, into] of [
      ['al2023.tar.br', 'lib'], // libnss3, libnspr4, libexpat: not on a fresh Debian without chromium
      ['fonts.tar.br', 'fonts'], // Open Sans
    ]) {
      mkdirSync(join(partial, into))
      const tar = spawnSync('tar', ['-x', '--no-same-owner', '-C', join(partial, into)], {
        input: brotliDecompressSync(readFileSync(join(bin, archive))),
        maxBuffer: 1 << 30,
      })
      if (tar.status !== 0) throw new Error(`unpacking ${archive} failed: ${tar.stderr?.toString() ?? tar.error}`)
    }
    try {
      renameSync(partial, dir)
    } catch (error) {
      rmSync(partial, { recursive: true, force: true })
      if (!existsSync(join(dir, 'chromium'))) throw error
    }
  }
  // Written on each run (the fonts package may have moved) and renamed into place: readers never see half a file.
  const fontsConf = join(dir, 'fonts.conf')
  writeFileSync(
    `${fontsConf}.${process.pid}`,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      `  <dir>${join(dir, 'fonts', 'fonts')}</dir>`,
      `  <dir>${join(notoDir, '400Regular')}</dir>`,
      `  <dir>${join(notoDir, '700Bold')}</dir>`,
      `  <cachedir>${join(root, 'fontconfig')}</cachedir>`,
      '</fontconfig>',
      '',
    ].join('\n'),
  )
  renameSync(`${fontsConf}.${process.pid}`, fontsConf)
  const libs = join(dir, 'lib', 'lib')
  return {
    source: 'npm',
    executablePath: join(dir, 'chromium'),
    env: {
      LD_LIBRARY_PATH: [libs, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: fontsConf,
    },
  }
}

/** Launches headless Chromium for a browser test (see the module comment for which one). */
export async function launchBrowser(): Promise<Browser> {
  const choice = findChromium()
  return chromium.launch({
    executablePath: choice.executablePath,
    args: ARGS,
    env: { ...(process.env as Record<string, string>), ...choice.env },
  })
}
