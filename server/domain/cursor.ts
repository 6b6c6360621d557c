/**
 * Keyset pagination cursors: an opaque, URL-safe token holding the sort key of the last row
 * served, so the next page is `WHERE (start_at, id) > (…)` on an index instead of OFFSET.
 */
export interface StartCursor {
  startAt: Date
  id: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function encodeCursor(c: StartCursor): string {
  return Buffer.from(JSON.stringify([c.startAt.toISOString(), c.id]), 'utf8').toString('base64url')
}

/** Returns null for anything that is not a cursor this module wrote. */
export function decodeCursor(token: string): StartCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
    if (!Array.isArray(value) || value.length !== 2) return null
    const [iso, id] = value as unknown[]
    if (typeof iso !== 'string' || typeof id !== 'string' || !UUID.test(id)) return null
    const startAt = new Date(iso)
    if (Number.isNaN(startAt.getTime()) || startAt.toISOString() !== iso) return null
    return { startAt, id }
  } catch {
    return null
  }
}

/** The sort key of a 附近 list: meters from the asker (null for an event without a location), then id. */
export interface DistanceCursor {
  distanceMeters: number | null
  id: string
}

export function encodeDistanceCursor(c: DistanceCursor): string {
  return Buffer.from(JSON.stringify(['near', c.distanceMeters, c.id]), 'utf8').toString('base64url')
}

/** Returns null for anything that is not a distance cursor this module wrote. */
export function decodeDistanceCursor(token: string): DistanceCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
    if (!Array.isArray(value) || value.length !== 3 || value[0] !== 'near') return null
    const [, distance, id] = value as unknown[]
    if (typeof id !== 'string' || !UUID.test(id)) return null
    if (distance !== null && !(typeof distance === 'number' && Number.isInteger(distance) && distance >= 0)) return null
    return { distanceMeters: distance, id }
  } catch {
    return null
  }
}
