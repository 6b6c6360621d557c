/**
 * Writes the brotli/gzip copies of the H5 build at the end of `npm run build:h5`, so the local host's
 * first start after a build does not spend seconds compressing (it still checks, and rewrites stale copies).
 */
import { join } from 'node:path'
import { precompressStatic } from '../host/precompress'

const report = precompressStatic(join(__dirname, '..', 'dist', 'h5'))
console.log(
  `precompressed dist/h5: ${report.written} of ${report.files} text assets written (brotli ${(report.brotliBytes / 1024).toFixed(0)} KB of ${(report.bytes / 1024).toFixed(0)} KB)`,
)
