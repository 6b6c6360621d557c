// @tarojs/plugin-framework-react ships its runtime without type declarations.
declare module '@tarojs/plugin-framework-react/dist/runtime' {
  import type { AppInstance } from '@tarojs/runtime'
  import type * as React from 'react'

  export function createReactApp(
    App: React.ComponentType<React.PropsWithChildren>,
    react: typeof React,
    dom: object,
    config: object,
  ): AppInstance
}
