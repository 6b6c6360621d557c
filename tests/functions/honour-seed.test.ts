/** The demo honours: the roll shows two masked names of 中国邮政, one nomination waits for review. */
import type { HonourKind, HonourNomination, HonourRoll } from '@api/honour'
import { main as honour } from '../../cloudfunctions/honour/src'
import { DEMO_PEOPLE, seedIfEmpty } from '../../host/seed'
import { call, expectOk } from '../support/call'
import { closePool, useFreshDatabase } from '../support/db'

afterAll(closePool)

test('the demo roll, the open kind and the pending nomination', async () => {
  const db = await useFreshDatabase()
  expect(await seedIfEmpty(db, new Date('2026-11-25T02:00:00Z'))).toBe(true)
  const roll = expectOk(await call<HonourRoll>(honour, 'roll', { year: 2026 }))
  expect(roll.kinds.map((k) => k.name)).toEqual(['优秀青年志愿者'])
  expect(roll.kinds[0].items).toHaveLength(2)
  for (const i of roll.kinds[0].items) {
    expect(i.unitName).toBe('中国邮政镇江分公司团委')
    expect(i.name).toMatch(/\*/)
  }
  const kinds = expectOk(await call<{ items: HonourKind[] }>(honour, 'kinds', { year: 2026 }))
  expect(kinds.items.map((k) => [k.name, k.open])).toEqual([
    ['优秀共青团员', false],
    ['优秀青年志愿者', true],
  ])
  const pending = expectOk(
    await call<{ items: HonourNomination[] }>(
      honour,
      'nominations',
      { year: 2026, state: 'pending' },
      DEMO_PEOPLE.district_admin.openid,
    ),
  )
  expect(pending.items).toHaveLength(1)
  expect(pending.items[0].record.activitiesAttended).toBeGreaterThan(0)
})
