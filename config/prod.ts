import type { UserConfigExport } from '@tarojs/cli'

// Production builds are compressed: JS by terser and CSS by csso (Taro's production defaults, stated here
// so no one turns them off by accident), and the WeChat templates (base.wxml) with whitespace collapsed.
// project.config.json asks WeChat's upload for the same (minified, minifyWXML, minifyWXSS), which is what
// `npm run check:weapp` (miniprogram-ci checkCodeQuality) checks.
export default {
  terser: { enable: true },
  csso: { enable: true },
  mini: {
    minifyXML: { collapseWhitespace: true },
  },
  h5: {},
} satisfies UserConfigExport<'webpack5'>
