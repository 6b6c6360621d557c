// Render with Taro's H5 runtime: without these, React renders into Taro's own element objects.
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'

// Taro first: the runtime and the router import each other.
require('@tarojs/taro')
const React = require('react')
const ReactDOM = require('react-dom')
const { createH5NativeComponentConfig } = require('@tarojs/plugin-framework-react/dist/runtime')

// Registers React with Taro's runtime (what the H5 loader does in a real build).
createH5NativeComponentConfig(null, React, ReactDOM)

// Build-time macros of Taro config files.
global.defineAppConfig = (config) => config
global.definePageConfig = (config) => config
