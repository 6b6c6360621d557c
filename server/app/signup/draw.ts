/** Apply-then-select events: the organiser draws lots after sign-up closes, or picks people by hand. */
import { randomBytes } from 'crypto'
import type { DrawResult, drawRequest, pickRequest } from '@api/signup'
import type * as z from 'zod'
import { drawOrder } from '../../domain/signup/draw'
import { offerExpiry, type SignupFailure } from '../../domain/signup/rules'
import {
  findRegistration,
  lockApplied,
  lockQuota,
  recordDraw,
  renumberInLine,
  setRegistrationState,
  takeSeat,
  waitingIn,
} from '../../store/signups'
import { inTransaction } from '../../store/tx'
import { requireActor } from '../actor'
import type { SignedInContext } from '../context'
import { sendNotices } from '../notify'
import { refuse } from '../refusal'
import { allowOrganiser, visibleEvent } from './access'
import { noticeFor, REASONS, type Notice } from './notices'

export async function draw(ctx: SignedInContext, input: z.output<typeof drawRequest>): Promise<DrawResult> {
  const actor = await requireActor(ctx)
  const seed = input.seed ?? randomBytes(12).toString('hex')
  const { result, notices } = await inTransaction(ctx.db, async (tx) => {
    const e = await visibleEvent(tx, input.activityId, true)
    allowOrganiser(actor, e, 'draw')
    if (e.settings.allocation !== 'select') refuse<SignupFailure>({ kind: 'drawNotNeeded' })
    if (ctx.now < e.signupClosesAt) refuse<SignupFailure>({ kind: 'drawBeforeClose' })
    const applied = await lockApplied(tx, e.id)
    if (!applied.length) refuse<SignupFailure>({ kind: 'nothingToDraw' })
    const order: Record<string, string[]> = {}
    const notices: Notice[] = []
    let offered = 0
    for (const key of [...new Set(applied.map((r) => r.quotaKey))].sort()) {
      await lockQuota(tx, e.id, key)
      const waitingBefore = await waitingIn(tx, e.id, key)
      order[key] = drawOrder(
        applied.filter((r) => r.quotaKey === key).map((r) => r.id),
        seed,
      )
      for (const id of order[key]) {
        const person = applied.find((r) => r.id === id)!
        // Drawn order becomes the line: renumber in draw order.
        await renumberInLine(tx, id)
        if (waitingBefore === 0 && (await takeSeat(tx, e.id, key))) {
          await setRegistrationState(tx, id, 'offered', ctx.now, {
            offerExpiresAt: offerExpiry(e, e.settings, ctx.now),
          })
          notices.push(await noticeFor(tx, person.userId, e, 'drawn'))
          offered++
        } else {
          await setRegistrationState(
            tx,
            id,
            e.settings.waitlist ? 'waitlisted' : 'rejected',
            ctx.now,
            e.settings.waitlist ? {} : { reason: REASONS.notDrawn },
          )
        }
      }
    }
    const result: DrawResult = { seed, order, offered }
    await recordDraw(tx, { activityId: e.id, seed, drawnBy: actor.userId, drawnAt: ctx.now, result })
    return { result, notices }
  })
  await sendNotices(ctx, notices)
  return result
}

export async function pick(ctx: SignedInContext, input: z.output<typeof pickRequest>): Promise<{ offered: number }> {
  const actor = await requireActor(ctx)
  const { offered, notices } = await inTransaction(ctx.db, async (tx) => {
    const e = await visibleEvent(tx, input.activityId, true)
    allowOrganiser(actor, e, 'pick')
    if (e.settings.allocation !== 'select') refuse<SignupFailure>({ kind: 'firstComeFirstServed' })
    const notices: Notice[] = []
    let offered = 0
    for (const id of [...new Set(input.registrationIds)]) {
      const r = await findRegistration(tx, id, true)
      if (!r || r.activityId !== e.id) refuse({ kind: 'notFound', thing: 'registration' })
      if (r.state !== 'applied' && r.state !== 'waitlisted') refuse<SignupFailure>({ kind: 'notPickable' })
      await lockQuota(tx, e.id, r.quotaKey)
      if (!(await takeSeat(tx, e.id, r.quotaKey))) refuse<SignupFailure>({ kind: 'quotaFull', quotaKey: r.quotaKey })
      await setRegistrationState(tx, r.id, 'offered', ctx.now, {
        offerExpiresAt: offerExpiry(e, e.settings, ctx.now),
      })
      notices.push(await noticeFor(tx, r.userId, e, 'picked'))
      offered++
    }
    return { offered, notices }
  })
  await sendNotices(ctx, notices)
  return { offered }
}
