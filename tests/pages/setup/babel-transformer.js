// Babel for page tests. Like @tarojs/test-utils-react's transformer, but with React's automatic
// JSX runtime (its classic preset needs `import React` in every file, which our pages don't have).
const { createTransformer } = require('babel-jest')
const apiLoader = require('@tarojs/plugin-framework-react/dist/api-loader.js')

const transformer = createTransformer({
  babelrc: false,
  configFile: false,
  presets: [
    ['taro', { framework: 'react', ts: true }],
    ['@babel/preset-env', { modules: 'commonjs', targets: { node: 'current' } }],
    ['@babel/preset-react', { runtime: 'automatic' }],
    '@babel/preset-typescript',
  ],
})

const process = transformer.process.bind(transformer)
transformer.process = (sourceText, sourcePath, options) => {
  // Adds the React hooks (useRouter, useReachBottom…) to the H5 Taro object, as the build does.
  if (sourcePath.includes('test-utils-react/dist/jest/runtime/taro-h5.js')) {
    sourceText = apiLoader(sourceText)
  }
  return process(sourceText, sourcePath, options)
}

module.exports = transformer
