/**
 * The district admin's indicator editor: a year's indicators (data, not code), added, changed,
 * removed (kept for the evidence that points at them) and published. Evidence is never touched.
 */
import type * as z from 'zod'
import type { StarYear, starSaveIndicatorRequest } from '@api/star'
import { homeDistrictId } from '../../config'
import { checkIndicator } from '../../domain/stars'
import { isDistrictAdmin } from '../../domain/policy'
import {
  findIndicator,
  findYear,
  insertIndicator,
  listIndicators,
  removeIndicator as removeIndicatorRow,
  unknownCategories,
  updateIndicator,
  upsertYear,
} from '../../store/stars'
import { inTransaction } from '../../store/tx'
import { requireActor } from '../actor'
import { ensureSafeText } from '../content'
import type { SignedInContext } from '../context'
import { allow, check, refuse } from '../refusal'
import type { StarFailure } from './failures'

async function asDistrictAdmin(ctx: SignedInContext): Promise<string> {
  const districtId = homeDistrictId()
  allow<StarFailure>(isDistrictAdmin(await requireActor(ctx), districtId), { kind: 'notDistrictAdmin' })
  return districtId
}

export async function starYearOf(ctx: SignedInContext, districtId: string, year: number): Promise<StarYear> {
  const y = await findYear(ctx.db, districtId, year)
  const indicators = y ? await listIndicators(ctx.db, districtId, year) : []
  return {
    year,
    published: y?.published ?? false,
    indicators: indicators.map(({ year: _year, ...i }) => i),
  }
}

export async function yearIndicators(ctx: SignedInContext, year: number): Promise<StarYear> {
  return starYearOf(ctx, await asDistrictAdmin(ctx), year)
}

export async function saveIndicator(
  ctx: SignedInContext,
  input: z.output<typeof starSaveIndicatorRequest>,
): Promise<StarYear> {
  const districtId = await asDistrictAdmin(ctx)
  const write = {
    name: input.name,
    kind: input.kind,
    threshold: input.kind === 'evidence' ? 1 : input.threshold,
    categories: [...new Set(input.categories)],
    order: input.order,
    description: input.description,
  }
  check(checkIndicator(write))
  if ((await unknownCategories(ctx.db, write.categories)).length > 0) refuse<StarFailure>({ kind: 'unknownCategory' })
  await ensureSafeText(ctx, write.name, write.description)
  await inTransaction(ctx.db, async (tx) => {
    await upsertYear(tx, districtId, input.year, null, ctx.now)
    if (!input.id) return insertIndicator(tx, districtId, input.year, write)
    if (!(await updateIndicator(tx, districtId, input.year, input.id, write)))
      refuse<StarFailure>({ kind: 'missing', what: 'indicator' })
  })
  return starYearOf(ctx, districtId, input.year)
}

export async function removeIndicator(ctx: SignedInContext, indicatorId: string): Promise<StarYear> {
  const districtId = await asDistrictAdmin(ctx)
  const i = await findIndicator(ctx.db, districtId, indicatorId)
  if (!i || i.removed) return refuse<StarFailure>({ kind: 'missing', what: 'indicator' })
  await removeIndicatorRow(ctx.db, districtId, indicatorId, ctx.now)
  return starYearOf(ctx, districtId, i.year)
}

export async function publishYear(ctx: SignedInContext, year: number, published: boolean): Promise<StarYear> {
  const districtId = await asDistrictAdmin(ctx)
  await upsertYear(ctx.db, districtId, year, published, ctx.now)
  return starYearOf(ctx, districtId, year)
}
