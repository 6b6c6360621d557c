/** Shared bits of the benchmarks: percentiles and rewriting one section of BENCHMARKS.md. */
import { existsSync, readFileSync, writeFileSync } from 'fs'
import { join } from 'path'

const FILE = join(__dirname, '..', 'BENCHMARKS.md')

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)]
}

/** Replaces the section headed `## title` (or appends it), keeping the others. */
export async function writeSection(title: string, lines: string[]): Promise<void> {
  const header =
    "# Benchmarks\n\nWritten by `npm run bench`; each section is replaced by its own benchmark's latest run.\n"
  const current = existsSync(FILE) ? readFileSync(FILE, 'utf8') : header
  const sections = current.split(/\n(?=## )/)
  const body = `## ${title}\n\n${lines.join('\n')}\n`
  const index = sections.findIndex((s) => s.startsWith(`## ${title}\n`))
  if (index >= 0) sections[index] = body
  else sections.push(body)
  writeFileSync(FILE, sections.join('\n').replace(/\n{3,}/g, '\n\n'))
}
