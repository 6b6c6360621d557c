/** The district admin defines a year's honour kinds; anyone signed in reads them. */
import type * as z from 'zod'
import type { HonourKind, honourDefineRequest } from '@api/honour'
import { homeDistrictId } from '../../config'
import { checkWindow } from '../../domain/honour'
import { can } from '../../domain/policy'
import { insertKind, kindsOfYear } from '../../store/honours'
import { PG, pgCode } from '../../store/tx'
import { requireActor } from '../actor'
import { ensureSafeText } from '../content'
import type { AppContext, SignedInContext } from '../context'
import { allow, check, refuse } from '../refusal'
import type { HonourFailure } from './failures'
import { presentKind } from './present'

export async function defineKind(
  ctx: SignedInContext,
  input: z.output<typeof honourDefineRequest>,
): Promise<HonourKind> {
  const districtId = homeDistrictId()
  const actor = await requireActor(ctx)
  allow<HonourFailure>(can.reviewUnits(actor, districtId), { kind: 'notDistrictAdmin' })
  const opensAt = new Date(input.opensAt)
  const closesAt = new Date(input.closesAt)
  check(checkWindow(opensAt, closesAt))
  await ensureSafeText(ctx, input.name)
  const row = await insertKind(
    ctx.db,
    districtId,
    { year: input.year, name: input.name, quotaPerUnit: input.quotaPerUnit, opensAt, closesAt },
    actor.userId,
    ctx.now,
  ).catch((err: unknown) => {
    if (pgCode(err) === PG.uniqueViolation) refuse<HonourFailure>({ kind: 'duplicateKind' })
    throw err
  })
  return presentKind(row, ctx.now)
}

export async function honourKinds(ctx: AppContext, year: number): Promise<{ items: HonourKind[] }> {
  const rows = await kindsOfYear(ctx.db, homeDistrictId(), year)
  return { items: rows.map((k) => presentKind(k, ctx.now)) }
}
