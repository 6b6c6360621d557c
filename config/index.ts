import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

// https://docs.taro.zone/docs/next/config
// The API's zod-free constants (types/contract, imported by pages as @contract/*) are TypeScript
// outside src: Babel must compile them too.
const CONTRACT_DIR = path.resolve(__dirname, '..', 'types/contract')

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'qingju',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // Separate folders so the WeChat and H5 builds can exist side by side.
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    // The CloudBase environment id for Taro.cloud.init. Set it in the shell or in a
    // `.env.<mode>.local` file (TARO_APP_CLOUD_ENV=...). Taro injects TARO_APP_* from .env files
    // into `env` after this config is read, so a .env file value wins over the shell.
    // Empty means "the default environment of the mini-program".
    env: {
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      TARO_APP_REMINDER_TEMPLATE_ID: JSON.stringify(process.env.TARO_APP_REMINDER_TEMPLATE_ID ?? ''),
      TARO_APP_NOTICE_TEMPLATE_ID: JSON.stringify(process.env.TARO_APP_NOTICE_TEMPLATE_ID ?? ''),
    },
    defineConstants: {},
    copy: {
      // Map marker icons must be package files in WeChat (an inlined data: URL is not reliable there).
      patterns:
        process.env.TARO_ENV === 'weapp' ? [{ from: 'src/assets/marker.png', to: 'dist/weapp/assets/marker.png' }] : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      enable: false,
    },
    mini: {
      compile: { include: [CONTRACT_DIR] },
      // Moves modules used only by subpackages out of the main package (2 MB limit).
      optimizeMainPackage: {
        enable: true,
      },
      // Component styles are imported per component from several pages; their relative order
      // does not matter (each is scoped by its own class prefix).
      miniCssExtractPluginOption: {
        ignoreOrder: true,
      },
      postcss: {
        pxtransform: {
          enable: true,
          config: {},
        },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]',
          },
        },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      publicPath: '/',
      compile: { include: [CONTRACT_DIR] },
      // H5 skips PostCSS (pxtransform) for node_modules unless listed here: without it Taroify's
      // 750-design px stay px and its components render twice too large.
      esnextModules: ['@taroify'],
      staticDirectory: 'static',
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: {
          enable: true,
          config: {},
        },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]',
          },
        },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    // Local development: no minification.
    return merge({}, baseConfig, devConfig)
  }
  // Production: minified.
  return merge({}, baseConfig, prodConfig)
})
