/**
 * The public honour roll (荣誉榜): approved honours of a year, by kind, each with the name masked
 * (王小明 → 王*明) and the unit; no phone, no ids. And the person's own honours (honour.mine).
 */
import type { HonourRoll, MyHonour } from '@api/honour'
import { homeDistrictId } from '../../config'
import { maskName } from '../../domain/hours/certificate'
import { approvedOfUser, approvedOfYear } from '../../store/honours'
import { requireActor } from '../actor'
import type { AppContext, SignedInContext } from '../context'

export async function honourRoll(ctx: AppContext, year: number): Promise<HonourRoll> {
  const rows = await approvedOfYear(ctx.db, homeDistrictId(), year)
  const kinds: HonourRoll['kinds'] = []
  for (const r of rows) {
    let k = kinds.find((x) => x.name === r.kindName)
    if (!k) kinds.push((k = { name: r.kindName, items: [] }))
    k.items.push({ kindName: r.kindName, name: maskName(r.realName ?? r.nickname), unitName: r.unitName })
  }
  return { year, kinds }
}

export async function myHonours(ctx: SignedInContext): Promise<{ items: MyHonour[] }> {
  const actor = await requireActor(ctx)
  const rows = await approvedOfUser(ctx.db, homeDistrictId(), actor.userId)
  return { items: rows.map((r) => ({ ...r, decidedAt: r.decidedAt.toISOString() })) }
}
