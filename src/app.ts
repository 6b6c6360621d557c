import { type PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // TARO_APP_CLOUD_ENV comes from the shell or a `.env.<mode>.local` file (see config/index.ts);
      // empty means the mini-program's default CloudBase environment.
      const env = process.env.TARO_APP_CLOUD_ENV
      Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
    }
  })

  // Pages are rendered as children by Taro.
  return children
}

export default App
