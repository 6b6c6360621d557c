/** Nominations at once never exceed a unit's quota: they are counted under the lock of the kind's row. */
import { call } from '../support/call'
import { PEOPLE, useWorld } from '../support/world'
import { attendees, freshKind, honour } from './honour-fixtures'

const w = useWorld()

test('eight nominations at once against a quota of three: three pass, five are told the quota is full', async () => {
  const kindId = await freshKind(w, { quota: 3 })
  const people = await attendees(w, 8)
  const results = await Promise.all(
    people.map((userId) =>
      call(honour, 'nominate', { kindId, unitId: w.unitA, userId, reason: '常年参加志愿服务' }, PEOPLE.orgA),
    ),
  )
  expect(results.filter((r) => r.ok)).toHaveLength(3)
  expect(results.filter((r) => !r.ok)).toEqual(
    Array(5).fill(
      expect.objectContaining({ ok: false, code: 'CONFLICT', message: '本单位这项荣誉最多推荐 3 人，名额已满' }),
    ),
  )
  const { rows } = await w.db.query('select count(*)::int as n from honour_nomination where kind_id = $1', [kindId])
  expect(rows[0].n).toBe(3)
})
