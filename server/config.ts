/** Deployment settings read from the function's environment variables. */
export const homeDistrictId = (): string => process.env.QINGJU_DISTRICT ?? 'runzhou'
