import type { UserConfigExport } from '@tarojs/cli'

// Production builds are compressed: JS by terser and CSS by csso (Taro's production defaults, stated here
// so no one turns them off by accident). WXML is left to WeChat's upload (project.config.json: minified,
// minifyWXML, minifyWXSS — what `npm run check:weapp` checks): Taro's `mini.minifyXML` writes void tags
// such as <input ...> without their end tag, which WeChat's own compiler (wcc) rejects — the weapp runtime
// tests compile base.wxml with wcc and caught it.
export default {
  terser: { enable: true },
  csso: { enable: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
