/** The scanner's pure offline parts: digests, local verification, the queue, merging a sync answer. */
import { createHash } from 'crypto'
import { TextEncoder as NodeTextEncoder } from 'util'
import Taro from '@tarojs/taro'
import { MAX_SYNC_BATCH as CONTRACT_MAX } from '@api/checkin'
import type { SyncOutcome } from '@api/checkin'
import {
  CONFLICT_TEXT,
  MAX_SYNC_BATCH,
  enqueue,
  mergeOutcomes,
  nameOf,
  nextBatch,
  parseQueue,
  parseRoster,
  ticketDigest,
  utf8,
  verifyOffline,
  type QueuedScan,
} from '@/packages/organiser/features/checkin/offline'
import { loadQueue, loadRoster, queueKey, saveQueue, saveRoster } from '@/packages/organiser/features/checkin/storage'
import { scanResult, roster as makeRoster } from './support/checkin-fixtures'
import { ACT } from './support/signup-fixtures'

const hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')

const TOKEN_A = 'a'.repeat(40) + '_-AbCdEfGhIjKlMnOpQrStUv'
const TOKEN_B = 'b'.repeat(64)
const STRANGER = 'c'.repeat(64)

const roster = makeRoster([
  { registrationId: 'r1', ticketDigest: hex(TOKEN_A), name: '李青', state: 'confirmed', lastDirection: null },
  // Upper-case hex from some other encoder still matches.
  {
    registrationId: 'r2',
    ticketDigest: hex(TOKEN_B).toUpperCase(),
    name: '王芳',
    state: 'confirmed',
    lastDirection: 'in',
  },
])
const NOW = new Date('2024-03-05T04:00:00.000Z')

function scan(n: number, overrides: Partial<QueuedScan> = {}): QueuedScan {
  return {
    token: TOKEN_A,
    direction: 'in',
    nonce: `nonce${String(n).padStart(4, '0')}`,
    scannedAt: '2024-03-05T04:00:00.000Z',
    ...overrides,
  }
}

test('the batch limit matches the contract', () => {
  expect(MAX_SYNC_BATCH).toBe(CONTRACT_MAX)
})

describe('ticketDigest', () => {
  test('is the lower-case hex SHA-256 of the UTF-8 text', () => {
    expect(ticketDigest(TOKEN_A)).toBe(hex(TOKEN_A))
    expect(ticketDigest('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(ticketDigest('签到 ✓ 😀')).toBe(hex('签到 ✓ 😀'))
  })

  test('with TextEncoder (noble utf8ToBytes) and without it (as in WeChat), the bytes are UTF-8', () => {
    const g = globalThis as { TextEncoder?: unknown }
    const saved = g.TextEncoder
    try {
      g.TextEncoder = NodeTextEncoder
      expect(Array.from(utf8('签到 ✓ 😀'))).toEqual(Array.from(Buffer.from('签到 ✓ 😀', 'utf8')))
      expect(ticketDigest(TOKEN_A)).toBe(hex(TOKEN_A))
      g.TextEncoder = undefined
      for (const s of ['', 'abc', 'é', '签到', '😀', 'a\u07ffb\uffffc\u{10ffff}']) {
        expect(Array.from(utf8(s))).toEqual(Array.from(Buffer.from(s, 'utf8')))
      }
      expect(ticketDigest('签到 ✓ 😀')).toBe(hex('签到 ✓ 😀'))
    } finally {
      g.TextEncoder = saved
    }
  })
})

describe('verifyOffline', () => {
  test('accepts a roster ticket and names its holder', () => {
    const v = verifyOffline(roster, TOKEN_A, 'in', [], NOW)
    expect(v).toEqual({ ok: true, entry: roster.entries[0], repeated: false })
    expect(verifyOffline(roster, TOKEN_B, 'out', [], NOW)).toMatchObject({ ok: true, entry: { name: '王芳' } })
  })

  test('refuses an unknown ticket, a changed one, and any ticket without a roster', () => {
    expect(verifyOffline(roster, STRANGER, 'in', [], NOW)).toEqual({
      ok: false,
      reason: 'unknown',
      message: '无效入场券',
    })
    expect(verifyOffline(roster, TOKEN_A.slice(1), 'in', [], NOW)).toMatchObject({ ok: false, reason: 'unknown' })
    expect(verifyOffline(roster, `${TOKEN_A} `, 'in', [], NOW)).toMatchObject({ ok: false, reason: 'unknown' })
    expect(verifyOffline(null, TOKEN_A, 'in', [], NOW)).toMatchObject({ ok: false, reason: 'no_roster' })
  })

  test("refuses outside the roster's check-in window", () => {
    expect(verifyOffline(roster, TOKEN_A, 'in', [], new Date('2024-03-05T02:59:59.000Z'))).toMatchObject({
      ok: false,
      reason: 'closed',
    })
    expect(verifyOffline(roster, TOKEN_A, 'in', [], new Date('2024-03-05T03:00:00.000Z'))).toMatchObject({ ok: true })
    expect(verifyOffline(roster, TOKEN_A, 'in', [], new Date('2024-03-05T08:00:00.000Z'))).toMatchObject({
      ok: false,
      reason: 'closed',
    })
  })

  test('a ticket already queued the same way is a repeat; the other way is not', () => {
    const queue = [scan(1)]
    expect(verifyOffline(roster, TOKEN_A, 'in', queue, NOW)).toMatchObject({ ok: true, repeated: true })
    expect(verifyOffline(roster, TOKEN_A, 'out', queue, NOW)).toMatchObject({ ok: true, repeated: false })
    expect(verifyOffline(roster, TOKEN_B, 'in', queue, NOW)).toMatchObject({ ok: true, repeated: false })
  })
})

describe('the queue', () => {
  test('enqueue appends without changing its input and never adds a nonce twice', () => {
    const q0: QueuedScan[] = []
    const q1 = enqueue(q0, scan(1))
    const q2 = enqueue(q1, scan(2, { direction: 'out' }))
    expect(q0).toEqual([])
    expect(q2.map((s) => s.nonce)).toEqual(['nonce0001', 'nonce0002'])
    expect(enqueue(q2, scan(1, { token: TOKEN_B }))).toEqual(q2)
  })

  test('nextBatch takes the oldest scans, at most MAX_SYNC_BATCH', () => {
    const queue = Array.from({ length: 450 }, (_, i) => scan(i))
    const batch = nextBatch(queue)
    expect(batch).toHaveLength(200)
    expect(batch[0].nonce).toBe('nonce0000')
    expect(batch[199].nonce).toBe('nonce0199')
    expect(nextBatch(queue, 1000)).toHaveLength(200)
    expect(nextBatch(queue.slice(0, 3))).toHaveLength(3)
    expect(nextBatch(queue, 10)).toHaveLength(10)
  })

  test('mergeOutcomes removes every settled scan, keeps the rest, and lists conflicts and rejections', () => {
    const queue = [
      scan(1),
      scan(2, { token: TOKEN_B }),
      scan(3, { token: TOKEN_B, direction: 'out', scannedAt: '2024-03-05T04:30:00.000Z' }),
      scan(4, { token: STRANGER }),
      scan(5),
      scan(6),
    ]
    const outcomes: SyncOutcome[] = [
      { nonce: 'nonce0001', status: 'recorded', scan: scanResult() },
      { nonce: 'nonce0002', status: 'repeated', scan: scanResult() },
      { nonce: 'nonce0003', status: 'conflict', scan: scanResult({ person: { nickname: 'fang', realName: null } }) },
      { nonce: 'nonce0004', status: 'rejected', code: 'CODE_INVALID', message: '二维码无效' },
      { nonce: 'nonce0005', status: 'rejected', code: 'NOT_CHECKED_IN' },
      { nonce: 'unknown-nonce', status: 'recorded' },
    ]
    const merged = mergeOutcomes(queue, outcomes, roster)
    expect(merged.queue).toEqual([scan(6)])
    expect(merged.recorded).toBe(1)
    expect(merged.repeated).toBe(1)
    expect(merged.problems).toEqual([
      {
        nonce: 'nonce0003',
        direction: 'out',
        scannedAt: '2024-03-05T04:30:00.000Z',
        status: 'conflict',
        name: 'fang',
        message: CONFLICT_TEXT,
      },
      {
        nonce: 'nonce0004',
        direction: 'in',
        scannedAt: '2024-03-05T04:00:00.000Z',
        status: 'rejected',
        name: '未知',
        message: '二维码无效',
      },
      // No person in the answer: the roster names the ticket.
      {
        nonce: 'nonce0005',
        direction: 'in',
        scannedAt: '2024-03-05T04:00:00.000Z',
        status: 'rejected',
        name: '李青',
        message: '同步被拒绝',
      },
    ])
    // The input is left alone.
    expect(queue).toHaveLength(6)
  })

  test('nameOf looks a ticket up in the roster', () => {
    expect(nameOf(roster, TOKEN_B)).toBe('王芳')
    expect(nameOf(roster, STRANGER)).toBeNull()
    expect(nameOf(null, TOKEN_A)).toBeNull()
  })
})

describe('stored state', () => {
  test('parseQueue and parseRoster drop what is not theirs', () => {
    expect(parseQueue(null)).toEqual([])
    expect(parseQueue('x')).toEqual([])
    expect(parseQueue([scan(1), { token: 1 }, { ...scan(2), direction: 'up' }, null])).toEqual([scan(1)])
    expect(parseRoster(roster, ACT)).toBe(roster)
    expect(parseRoster(roster, '99999999-2222-4333-8444-555555555555')).toBeNull()
    expect(parseRoster({ activityId: ACT }, ACT)).toBeNull()
    expect(parseRoster('', ACT)).toBeNull()
  })

  test('the queue and the roster survive in the device storage, per event', () => {
    Taro.clearStorageSync()
    expect(loadQueue(ACT)).toEqual([])
    saveQueue(ACT, [scan(1), scan(2)])
    expect(loadQueue(ACT)).toEqual([scan(1), scan(2)])
    expect(loadQueue('another')).toEqual([])
    saveQueue(ACT, [])
    expect(Taro.getStorageSync(queueKey(ACT))).toBeFalsy()

    expect(loadRoster(ACT)).toBeNull()
    saveRoster(roster)
    expect(loadRoster(ACT)).toEqual(roster)
  })
})
