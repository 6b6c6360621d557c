// ReactDOM as Taro's H5 loader hands it to createReactApp for React 18:
// react-dom/client plus the legacy helpers the runtime still calls.
const client = require('react-dom/client')
const { findDOMNode, render, unstable_batchedUpdates } = require('react-dom')

module.exports = Object.assign({}, client, { findDOMNode, render, unstable_batchedUpdates })
