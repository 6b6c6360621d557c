import { Map } from '@tarojs/components'
import type { GeoPoint, VenueSummary } from '@api/venue'
import './VenueMap.scss'

// Copied into the WeChat package by config/index.ts (copy.patterns).
const MARKER_ICON = '/assets/marker.png'

interface Props {
  venues: VenueSummary[]
  me: GeoPoint | null
  onOpen(id: string): void
}

/** WeChat's native map: a marker per venue and the person's own position (showLocation). */
export function VenueMap({ venues, me, onOpen }: Props) {
  const located = venues.filter((v) => v.location)
  const center = me ?? located[0]?.location ?? { latitude: 32.19, longitude: 119.42 }
  return (
    <Map
      className="venue-map"
      latitude={center.latitude}
      longitude={center.longitude}
      scale={13}
      showLocation={!!me}
      includePoints={located.map((v) => v.location as GeoPoint).concat(me ? [me] : [])}
      onError={() => undefined}
      onMarkerTap={(e) => {
        const v = located[Number(e.detail.markerId)]
        if (v) onOpen(v.id)
      }}
      markers={located.map((v, i) => ({
        id: i,
        latitude: (v.location as GeoPoint).latitude,
        longitude: (v.location as GeoPoint).longitude,
        title: v.name,
        iconPath: MARKER_ICON,
        width: 24,
        height: 32,
        callout: {
          content: v.name,
          display: 'BYCLICK',
          padding: 6,
          borderRadius: 6,
          fontSize: 12,
          color: '#1f2329',
          bgColor: '#ffffff',
          textAlign: 'center',
          anchorX: 0,
          anchorY: 0,
          borderWidth: 0,
          borderColor: '#ffffff',
        },
      }))}
    />
  )
}
