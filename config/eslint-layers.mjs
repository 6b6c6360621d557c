/**
 * The architecture's arrows, as lint rules (issue 10): a wrong import fails `npm test`.
 *
 *   pages ─► features ─► services (the only Taro.cloud caller) ···► cloud functions
 *   cloudfunctions (action tables) ─► server/app (use cases) ─► server/domain (pure) and server/store (SQL)
 *   server/runtime (dispatcher) ─► server/app, server/platform
 */
const segment = (names) => `(^|/)(${names.join('|')})(/|$)`

const domainRule = {
  regex: `${segment(['runtime', 'store', 'platform', 'app', 'xlsx'])}|^(pg|wx-server-sdk|exceljs|@tarojs/.*)$`,
  message: 'The domain is pure: no runtime, store, platform, application layer or driver imports.',
}
const storeRule = {
  regex: segment(['runtime', 'app']),
  message: 'The store holds SQL and row mapping only: it never calls up into the runtime or the use cases.',
}
const appRule = {
  regex: segment(['runtime']),
  message: 'Use cases do not know the dispatcher: raise typed failures with server/app/refusal.ts.',
}
const functionRule = {
  regex: `${segment(['store'])}|^pg$`,
  message: 'A function file is an action table: it calls a use case in server/app, never the store or pg.',
}
const clientRule = {
  regex: segment(['server', 'cloudfunctions', 'host']),
  message: 'The mini-program never imports server code: talk to the functions through src/services.',
}

const contractRule = {
  regex: `^zod$|${segment(['api', 'server', 'src'])}`,
  message: 'Contract constants stay importable by the pages: no zod, no schemas, no server or client code.',
}

const cloudCall = (object) => ({
  selector: `MemberExpression[object.name='${object}'][property.name='cloud']`,
  message: `Only src/services/ may use ${object}.cloud: add a function there.`,
})

export const layerRules = [
  { files: ['types/contract/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [contractRule] }] } },
  { files: ['server/domain/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [domainRule] }] } },
  { files: ['server/store/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [storeRule] }] } },
  { files: ['server/app/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [appRule] }] } },
  {
    files: ['cloudfunctions/*/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [functionRule] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='query']",
          message: 'No SQL in a function file: queries belong in server/store.',
        },
      ],
    },
  },
  {
    files: ['cloudfunctions/*/src/index.ts'],
    rules: { 'max-lines': ['error', { max: 200, skipBlankLines: false, skipComments: false }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      // One rule entry per file set in flat config: the contract's types-only import lives here too.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@api/*'],
              allowTypeImports: true,
              message: 'Import API contract types with `import type` only.',
            },
            clientRule,
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/services/**'],
    rules: { 'no-restricted-syntax': ['error', cloudCall('Taro'), cloudCall('wx')] },
  },
]
