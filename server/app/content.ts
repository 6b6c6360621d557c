/** Content-safety gate for user-written text: nothing is written when the platform rejects it. */
import type { CommonFailure } from '../domain/failure'
import type { SignedInContext } from './context'
import { refuse } from './refusal'

export async function ensureSafeText(ctx: SignedInContext, ...texts: (string | null | undefined)[]): Promise<void> {
  const joined = texts.filter((t): t is string => !!t && t.trim().length > 0).join('\n')
  if (!joined) return
  const verdict = await ctx.platform.checkText(joined, ctx.caller)
  if (!verdict.safe) refuse<CommonFailure>({ kind: 'contentRejected', reason: verdict.reason })
}
