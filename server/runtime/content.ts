/** Content-safety gate for user-written text: nothing is written when the platform rejects it. */
import { AppError } from './errors'
import type { SignedInContext } from './function'

export async function ensureSafeText(ctx: SignedInContext, ...texts: (string | null | undefined)[]): Promise<void> {
  const joined = texts.filter((t): t is string => !!t && t.trim().length > 0).join('\n')
  if (!joined) return
  const verdict = await ctx.platform.checkText(joined, ctx.caller)
  if (!verdict.safe) throw new AppError('CONTENT_REJECTED', verdict.reason ?? '内容未通过安全检测，请修改后再提交')
}
