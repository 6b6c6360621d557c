/**
 * A drawn plan of the district for the H5 build (no map tiles are reachable offline): venues placed
 * relative to each other from their coordinates, on a flat projection that keeps distances' ratios.
 */
import type { GeoPoint } from '@api/venue'

export interface PlanPoint {
  key: string
  /** Percent of the plan's width and height. */
  left: number
  top: number
}

const KM_PER_DEGREE = 111.32

/**
 * Places points in a box `width`×`height` (any unit, only the ratio counts) with `pad` percent kept
 * free at each side; answers positions in percent and the box's width in kilometres.
 */
export function layoutPlan(
  points: { key: string; at: GeoPoint }[],
  width: number,
  height: number,
  pad = 12,
): { points: PlanPoint[]; widthKm: number } {
  if (points.length === 0) return { points: [], widthKm: 0 }
  const lats = points.map((p) => p.at.latitude)
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2
  const kx = KM_PER_DEGREE * Math.cos((midLat * Math.PI) / 180)
  const xs = points.map((p) => p.at.longitude * kx)
  const ys = points.map((p) => -p.at.latitude * KM_PER_DEGREE)
  const minX = Math.min(...xs)
  const minY = Math.min(...ys)
  // At least 1 km across, so one venue (or two close ones) is not blown up to the whole box.
  const spanX = Math.max(Math.max(...xs) - minX, 1)
  const spanY = Math.max(Math.max(...ys) - minY, 1)
  const innerW = width * (1 - (2 * pad) / 100)
  const innerH = height * (1 - (2 * pad) / 100)
  const scale = Math.min(innerW / spanX, innerH / spanY) // box units per km
  const offX = (width - (Math.max(...xs) - minX) * scale) / 2
  const offY = (height - (Math.max(...ys) - minY) * scale) / 2
  return {
    points: points.map((p, i) => ({
      key: p.key,
      left: ((offX + (xs[i] - minX) * scale) / width) * 100,
      top: ((offY + (ys[i] - minY) * scale) / height) * 100,
    })),
    widthKm: width / scale,
  }
}
