/** "剩余 N 席 / 共 M 席", or 已满 when no seat is left. */
export function seatsText(seatsLeft: number, capacity: number): string {
  if (seatsLeft <= 0) return '已满'
  return `剩余 ${seatsLeft} 席 / 共 ${capacity} 席`
}
