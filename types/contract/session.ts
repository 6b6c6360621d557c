/** Privacy constants both the pages and the `session` function use. */

/**
 * The version of the 隐私保护指引 (src/packages/legal/pages/privacy). Change it whenever the guide's
 * substance changes: everyone is then asked to agree again, and the server records who agreed to which.
 */
export const PRIVACY_VERSION = '2026-11-25'

/** What a person types to confirm deleting their account. */
export const DELETE_ACCOUNT_CONFIRM = '注销'

/** The nickname a deleted account's pseudonymised row keeps. */
export const DELETED_NICKNAME = '已注销用户'
