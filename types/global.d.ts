/// <reference types="@tarojs/taro" />
/// <reference types="miniprogram-api-typings" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.less'
declare module '*.scss'
declare module '*.sass'
declare module '*.styl'

declare namespace NodeJS {
  interface ProcessEnv {
    /** Node's own variable; affects the build output. */
    NODE_ENV: 'development' | 'production' | 'test'
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    /**
     * The mini-program appid of this build (from a .env file).
     * @see https://taro-docs.jd.com/docs/next/env-mode-config
     */
    TARO_APP_ID: string
    /** CloudBase environment id for Taro.cloud.init; empty = the default environment. */
    TARO_APP_CLOUD_ENV?: string
  }
}
