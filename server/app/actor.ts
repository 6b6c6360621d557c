/** The signed-in caller as an Actor for the policy, or null for an anonymous visitor. */
import type { Actor } from '../domain/policy'
import { loadActor } from '../store/users'
import type { AppContext, SignedInContext } from './context'

export async function actorOf(ctx: AppContext): Promise<Actor | null> {
  return ctx.caller ? loadActor(ctx.db, ctx.caller.openid) : null
}

export async function requireActor(ctx: SignedInContext): Promise<Actor> {
  return loadActor(ctx.db, ctx.caller.openid)
}
