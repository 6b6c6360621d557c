/** What the CloudBase build sees in place of `local-factory.ts`: no local platform at all. */
import type { Platform, PlatformDeps } from './platform'

export const createLocalPlatform: ((deps: PlatformDeps) => Platform) | null = null
