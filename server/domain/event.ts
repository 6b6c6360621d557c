/**
 * One event, one shape: what the server knows of an activity, camelCase, whichever store loads
 * it. A use case that needs only part of it loads a `Pick<Event, ...>` (plus its own context's
 * settings), never a copy with other names, so a field means the same thing everywhere.
 */
export type EventState = 'draft' | 'published' | 'cancelled' | 'finished'

export interface GeoPoint {
  latitude: number
  longitude: number
}

export interface Event {
  id: string
  districtId: string
  unitId: string
  title: string
  /** A category code of the annual list (`tree_planting`, `reading_club`, ...). */
  category: string
  state: EventState
  startAt: Date
  endAt: Date
  signupOpensAt: Date
  signupClosesAt: Date
  capacity: number
  seatsTaken: number
  /** The venue, when the organiser placed it on the map. */
  location: GeoPoint | null
  /** The organiser records volunteer hours for this event. */
  recordsServiceHours: boolean
  /** The event's category awards hours at all (植树, 志愿服务); others record participation only. */
  awardsServiceHours: boolean
}

/** Hours are earned only where the category awards them and the organiser records them. */
export const earnsServiceHours = (e: Pick<Event, 'recordsServiceHours' | 'awardsServiceHours'>): boolean =>
  e.recordsServiceHours && e.awardsServiceHours
