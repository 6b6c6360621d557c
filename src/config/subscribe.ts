/**
 * Subscribe-message template ids (WeChat MP console → 订阅消息), set at build time:
 * TARO_APP_REMINDER_TEMPLATE_ID=<id> in the shell or a `.env.production.local` file (see config/index.ts).
 * While empty, the sign-up flow skips the subscribe request. The server sends with the matching
 * QINGJU_TEMPLATE_REMINDER (README, "Deploying to WeChat").
 */
export const REMINDER_TEMPLATE_ID: string = process.env.TARO_APP_REMINDER_TEMPLATE_ID ?? ''

/**
 * The template of an organiser's notice to everyone confirmed (时间变更 / 地点变更 / 其他通知):
 * TARO_APP_NOTICE_TEMPLATE_ID=<id>, asked for in the same sign-up tap as the reminder. The server
 * sends with the matching QINGJU_TEMPLATE_ACTIVITY_NOTICE. While empty, only the reminder is asked.
 */
export const NOTICE_TEMPLATE_ID: string = process.env.TARO_APP_NOTICE_TEMPLATE_ID ?? ''
