import { Text, View } from '@tarojs/components'
import type { GeoPoint, VenueSummary } from '@api/venue'
import { layoutPlan } from '../plan'
import './DistrictPlan.scss'

// The plan's box in design pixels (the scss keeps the same ratio).
const WIDTH = 702
const HEIGHT = 460

interface Props {
  venues: VenueSummary[]
  me: GeoPoint | null
  onOpen(id: string): void
}

/** The H5 stand-in for the map: numbered venue pins placed by their coordinates, and 我 when known. */
export function DistrictPlan({ venues, me, onOpen }: Props) {
  const located = venues.filter((v) => v.location)
  const { points, widthKm } = layoutPlan(
    [...located.map((v) => ({ key: v.id, at: v.location as GeoPoint })), ...(me ? [{ key: '__me', at: me }] : [])],
    WIDTH,
    HEIGHT,
    16,
  )
  const byKey = new Map(points.map((p) => [p.key, p]))
  const mePoint = byKey.get('__me')
  return (
    <View className="district-plan" data-testid="district-plan">
      <View className="district-plan__north">北 ↑</View>
      {/* Me first, so a venue next to me stays on top and readable. */}
      {mePoint ? (
        <View
          className="district-plan__me"
          data-testid="plan-me"
          style={{ left: `${mePoint.left}%`, top: `${mePoint.top}%` }}
        />
      ) : null}
      {located.map((v) => {
        const p = byKey.get(v.id)
        if (!p) return null
        const n = venues.indexOf(v) + 1
        return (
          <View
            key={v.id}
            className="district-plan__pin"
            data-testid="plan-pin"
            style={{ left: `${p.left}%`, top: `${p.top}%` }}
            onClick={() => onOpen(v.id)}
          >
            <View className="district-plan__dot">{n}</View>
            <Text className="district-plan__label">{v.name}</Text>
          </View>
        )
      })}
      <View className="district-plan__scale">
        示意图，非地图 · 图宽约 {widthKm >= 10 ? Math.round(widthKm) : widthKm.toFixed(1)} 公里
        {mePoint ? <Text className="district-plan__me-key"> · ● 我的位置</Text> : null}
      </View>
    </View>
  )
}
