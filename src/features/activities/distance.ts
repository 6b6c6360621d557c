/** A card's distance in words: "800 米", "1.2 公里", "5 公里", "12 公里". */
export function distanceText(meters: number): string {
  const tens = Math.round(meters / 10) * 10
  if (tens < 1000) return `${Math.max(10, tens)} 米`
  const km = meters / 1000
  if (km < 9.95) return `${km.toFixed(1).replace(/\.0$/, '')} 公里`
  return `${Math.round(km)} 公里`
}
