/** The signed-in caller as an Actor for the policy, or null for an anonymous visitor. */
import type { Actor } from '../domain/policy'
import { loadActor } from '../store/users'
import type { ActionContext } from './function'

export async function actorOf(ctx: ActionContext): Promise<Actor | null> {
  return ctx.caller ? loadActor(ctx.db, ctx.caller.openid) : null
}

export async function requireActor(
  ctx: ActionContext & { caller: NonNullable<ActionContext['caller']> },
): Promise<Actor> {
  return loadActor(ctx.db, ctx.caller.openid)
}
