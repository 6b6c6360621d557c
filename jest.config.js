// `npm run test:unit` runs both projects: page/component tests (jsdom) and Node-side tests (real PostgreSQL).
module.exports = {
  projects: ['<rootDir>/jest.pages.config.js', '<rootDir>/jest.node.config.js'],
  testTimeout: 60_000,
}
