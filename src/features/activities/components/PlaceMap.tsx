import { Map, Text, View } from '@tarojs/components'
import type { GeoPoint } from '@api/activity'
import './PlaceMap.scss'

// Copied into the WeChat package by config/index.ts (copy.patterns).
const MARKER_ICON = '/assets/marker.png'

interface Props {
  name: string
  address: string | null
  location: GeoPoint
}

/** "32.2044°N, 119.4550°E" */
export function formatPoint(p: GeoPoint): string {
  const lat = `${Math.abs(p.latitude).toFixed(4)}°${p.latitude >= 0 ? 'N' : 'S'}`
  const lng = `${Math.abs(p.longitude).toFixed(4)}°${p.longitude >= 0 ? 'E' : 'W'}`
  return `${lat}, ${lng}`
}

/**
 * The place on a map. WeChat has a native map; the H5 build talks to no map service
 * (the local host works offline), so it shows the address and coordinates instead.
 */
export function PlaceMap({ name, address, location }: Props) {
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <Map
        className="place-map"
        latitude={location.latitude}
        longitude={location.longitude}
        scale={16}
        onError={() => undefined}
        markers={[
          {
            id: 1,
            latitude: location.latitude,
            longitude: location.longitude,
            title: name,
            iconPath: MARKER_ICON,
            width: 24,
            height: 32,
          },
        ]}
      />
    )
  }
  return (
    <View className="place-map place-map--static" data-testid="map-fallback">
      <View className="place-map__pin" />
      <View className="place-map__text">
        <Text className="place-map__name">{name}</Text>
        {address ? <Text className="place-map__address">{address}</Text> : null}
        <Text className="place-map__coords">坐标 {formatPoint(location)}</Text>
      </View>
    </View>
  )
}
