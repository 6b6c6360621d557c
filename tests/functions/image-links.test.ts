/**
 * Display links of published images: https addresses as they are, uploads through one batch of links per
 * call, reused within an instance while more than half their ten minutes are left, fresh after that.
 */
import { imageLinks } from '../../server/app/images'
import type { Platform } from '../../server/platform/platform'

const R = 'a'.repeat(32)

function countingPlatform() {
  const batches: string[][] = []
  const platform = {
    fileLinks: async (ids: string[], now: Date) => {
      batches.push(ids)
      return ids.map((id) => (id.includes('gone') ? null : `/files/${id.slice(8)}?at=${now.getTime()}`))
    },
  } as unknown as Platform
  return { platform, batches }
}

test('one batch for a list; https kept; a missing file not shown; reused, then fresh after half its life', async () => {
  const { platform, batches } = countingPlatform()
  const t0 = new Date('2026-11-26T02:00:00Z')
  const refs = [
    `local://images/runzhou/u1/${R}.jpg`,
    `local://images/runzhou/u1/${R}.jpg`,
    `local://images/runzhou/u2/gone${R}.png`,
    'https://example.com/a.jpg',
    '/files/old.jpg',
    null,
  ]
  const first = await imageLinks({ platform, now: t0 }, refs)
  expect(batches).toEqual([[`local://images/runzhou/u1/${R}.jpg`, `local://images/runzhou/u2/gone${R}.png`]])
  expect(first.get(refs[0]!)).toBe(`/files/images/runzhou/u1/${R}.jpg?at=${t0.getTime()}`)
  expect(first.get('https://example.com/a.jpg')).toBe('https://example.com/a.jpg')
  expect(first.has(refs[2]!)).toBe(false)
  expect(first.has('/files/old.jpg')).toBe(false)

  // Four minutes on: the link is reused (the missing file is asked for again).
  const again = await imageLinks({ platform, now: new Date(t0.getTime() + 4 * 60_000) }, [refs[0], refs[2]])
  expect(again.get(refs[0]!)).toBe(first.get(refs[0]!))
  expect(batches.slice(1)).toEqual([[refs[2]]])

  // Six minutes on: under half of its ten minutes left, a fresh link.
  const later = new Date(t0.getTime() + 6 * 60_000)
  const fresh = await imageLinks({ platform, now: later }, [refs[0]])
  expect(fresh.get(refs[0]!)).toBe(`/files/images/runzhou/u1/${R}.jpg?at=${later.getTime()}`)
})
