// Jest project for Node-side tests: domain rules, cloud functions on a real PostgreSQL, the local host.
module.exports = {
  displayName: 'node',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/{architecture,domain,functions,host}/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      'babel-jest',
      {
        babelrc: false,
        configFile: false,
        presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
      },
    ],
  },
  moduleNameMapper: { '^@api/(.*)$': '<rootDir>/types/api/$1', '^@contract/(.*)$': '<rootDir>/types/contract/$1' },
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  setupFiles: ['<rootDir>/tests/support/node-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/tests/support/fixed-clock.ts'],
}
