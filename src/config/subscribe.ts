/**
 * Subscribe-message template ids (WeChat MP console → 订阅消息). Fill in the real id of the
 * "活动开始提醒" template before release; while empty, the sign-up flow skips the request.
 */
export const REMINDER_TEMPLATE_ID: string = ''
