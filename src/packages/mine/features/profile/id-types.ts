import type { IdType } from '@api/signup'

/**
 * The ID document types a profile offers: types/api/signup.ts ID_TYPES, copied because that is a
 * zod module the bundle must not import (a page test keeps the two equal).
 */
export const ID_TYPE_OPTIONS: IdType[] = [
  '居民身份证',
  '港澳居民来往内地通行证',
  '台湾居民来往大陆通行证',
  '护照',
  '外国人永久居留身份证',
]
