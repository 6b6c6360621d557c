/**
 * The local stand-ins, as one factory the platform picks when QINGJU_PLATFORM=local. The CloudBase
 * build replaces this module with `local-factory.cloudbase.ts` (see scripts/build-cloud.ts), so no
 * deployed bundle contains the local platform or dev-session verification.
 */
import { LocalPlatform } from './local'
import type { Platform, PlatformDeps } from './platform'

export const createLocalPlatform: ((deps: PlatformDeps) => Platform) | null = (deps) => new LocalPlatform(deps)
