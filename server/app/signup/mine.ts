/** A person's own registrations: for one event, and the lists of "my activities". */
import type { MyRegistration, Registration } from '@api/signup'
import { activityPhase } from '../../domain/activity-phase'
import {
  findRegistration,
  latestRegistration,
  loadSignupEvent,
  myRegistrationIds,
  placeAndUnit,
  type MyListTab,
} from '../../store/signups'
import { ensureUser } from '../../store/users'
import type { SignedInContext } from '../context'
import { toRegistration } from './views'

export async function myRegistration(ctx: SignedInContext, activityId: string): Promise<Registration | null> {
  const user = await ensureUser(ctx.db, ctx.caller.openid)
  const reg = await latestRegistration(ctx.db, activityId, user.id)
  if (!reg) return null
  return toRegistration(ctx.db, reg, (await loadSignupEvent(ctx.db, reg.activityId))!, ctx.now)
}

export async function myList(ctx: SignedInContext, input: { tab: MyListTab }): Promise<{ items: MyRegistration[] }> {
  const user = await ensureUser(ctx.db, ctx.caller.openid)
  const items: MyRegistration[] = []
  for (const id of await myRegistrationIds(ctx.db, user.id, input.tab, ctx.now)) {
    const reg = (await findRegistration(ctx.db, id))!
    const event = (await loadSignupEvent(ctx.db, reg.activityId))!
    const where = await placeAndUnit(ctx.db, event.id)
    items.push({
      ...(await toRegistration(ctx.db, reg, event, ctx.now)),
      activity: {
        id: event.id,
        title: event.title,
        startAt: event.startAt.toISOString(),
        endAt: event.endAt.toISOString(),
        placeName: where.placeName,
        unitName: where.unitName,
        phase: activityPhase(event, ctx.now),
      },
    })
  }
  return { items }
}
