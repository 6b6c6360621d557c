/**
 * Jest project for page tests: real pages rendered by Taro's H5 runtime in jsdom.
 * Only `src/services/cloud.ts` is mocked, per test file.
 * Run alone: npx jest -c jest.pages.config.js
 */
const defineJestConfig = require('@tarojs/test-utils-react/dist/jest.js').default

// ESM-only packages that must go through Babel; everything else in node_modules is left alone
// (the helper's default `[]` would make Babel transform Jest itself).
const ESM_PACKAGES = [
  '@tarojs',
  '@stencil',
  '@taroify',
  'lodash-es',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  '\\.pnpm',
  'style-inject',
  'swiper',
  'ssr-window',
  'dom7',
  'tslib',
]

const config = defineJestConfig({
  displayName: 'pages',
  rootDir: __dirname,
  testMatch: ['<rootDir>/tests/pages/**/*.test.{ts,tsx}'],
  setupFiles: [
    require.resolve('@tarojs/test-utils-react/dist/jest/jest.setup.js'),
    '<rootDir>/tests/pages/setup/env.js',
  ],
  // .mjs too: swiper (pulled in by @tarojs/components) ships ESM as .mjs.
  transform: {
    '^.+\\.(mjs|js|jsx|ts|tsx)$': '<rootDir>/tests/pages/setup/babel-transformer.js',
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper: {
    '\\.(css|less|sass|scss)$': 'identity-obj-proxy',
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@api/(.*)$': '<rootDir>/types/api/$1',
    '^@contract/(.*)$': '<rootDir>/types/contract/$1',
  },
  collectCoverageFrom: ['<rootDir>/src/**/*.{ts,tsx}'],
})

// The helper's preset sets run-level options (bail: stop at the first failing file; verbose) that a
// project config may not carry; the root jest.config.js decides those for every project.
delete config.bail
delete config.verbose
module.exports = config
