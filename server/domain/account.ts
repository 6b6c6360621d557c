/**
 * Account deletion's rule: a person may leave only if every unit they administer, and every district,
 * keeps another admin (nobody could run the unit otherwise). Pure: counts in, the first failure out.
 */
export type AccountFailure = { kind: 'lastUnitAdmin'; unitName: string } | { kind: 'lastDistrictAdmin' }

export function checkAdminsLeft(
  units: { unitName: string; otherAdmins: number }[],
  districts: { otherAdmins: number }[],
): AccountFailure | null {
  const unit = units.find((u) => u.otherAdmins === 0)
  if (unit) return { kind: 'lastUnitAdmin', unitName: unit.unitName }
  if (districts.some((d) => d.otherAdmins === 0)) return { kind: 'lastDistrictAdmin' }
  return null
}
