/** Deployment settings read from the function's environment variables. */
export const homeDistrictId = (): string => process.env.QINGJU_DISTRICT ?? 'runzhou'

/**
 * Subscribe-message template ids from the WeChat MP console (订阅消息). Each template's keywords
 * must be thing1 (activity or unit), phrase2 (status) and thing3 (note), the shape our messages use.
 * Locally they only name the message in local_outbox.
 */
export const templates = {
  reminder: () => process.env.QINGJU_TEMPLATE_REMINDER ?? 'activity_reminder',
  signupStatus: () => process.env.QINGJU_TEMPLATE_SIGNUP_STATUS ?? 'signup_status',
  unitReview: () => process.env.QINGJU_TEMPLATE_UNIT_REVIEW ?? 'unit_review_result',
  /** A venue booking approved or declined (venue.approve / venue.decline). */
  bookingDecision: () => process.env.QINGJU_TEMPLATE_BOOKING_DECISION ?? 'venue_booking_result',
  /** The one invitation to rate an attended event, after it ends (rating.sweep). */
  ratingInvite: () => process.env.QINGJU_TEMPLATE_RATING_INVITE ?? 'activity_rating_invite',
  /** A wish reached the district's threshold; an event on a wish's claimed line opened for sign-up. */
  wish: () => process.env.QINGJU_TEMPLATE_WISH ?? 'wish_update',
  /** An honour nomination approved by the district (honour.decide). */
  honour: () => process.env.QINGJU_TEMPLATE_HONOUR ?? 'honour_result',
  /** Star evidence approved or declined (star.review). */
  starEvidence: () => process.env.QINGJU_TEMPLATE_STAR_EVIDENCE ?? 'star_evidence_result',
  /** An organiser's notice to everyone confirmed: 时间变更 / 地点变更 / 其他通知 (signup.sendNotice). */
  activityNotice: () => process.env.QINGJU_TEMPLATE_ACTIVITY_NOTICE ?? 'activity_notice',
}
/** A youth group's application approved or declined, or the group suspended (org.decideYouthGroup / org.suspendYouthGroup). */
export const youthGroupReviewTemplate = () =>
  process.env.QINGJU_TEMPLATE_YOUTH_GROUP_REVIEW ?? 'youth_group_review_result'
