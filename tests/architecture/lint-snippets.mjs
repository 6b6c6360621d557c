// Lints code snippets as if they sat at the given paths, with the project's ESLint config.
// stdin: [{ filePath, code }]; stdout: [[ruleId, ...errors]] in the same order. (A child process:
// Jest cannot load the ESM config file.)
import { ESLint } from 'eslint'
import { readFileSync } from 'fs'

const cases = JSON.parse(readFileSync(0, 'utf8'))
const eslint = new ESLint({ cwd: process.cwd() })
const out = []
for (const { filePath, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath })
  out.push(result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message))
}
process.stdout.write(JSON.stringify(out))
