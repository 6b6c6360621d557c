import { Image, Text, View } from '@tarojs/components'
import './SignedUp.scss'

/** Circles drawn beside the count: the avatars people set, then neutral ones, at most this many. */
const CIRCLES = 3

/** "N 人已报名", or a quieter line when nobody has yet. */
export function signedUpText(n: number): string {
  return n > 0 ? `${n} 人已报名` : '暂无人报名'
}

interface Props {
  count: number
  /** Display links of a few seat holders' avatars (never names). */
  avatars: string[]
  size?: 'small' | 'large'
}

/** A row of up to three overlapping circles (avatars, then neutral placeholders) and "N 人已报名". */
export function SignedUp({ count, avatars, size = 'small' }: Props) {
  const shown = avatars.slice(0, CIRCLES)
  const placeholders = Math.max(0, Math.min(CIRCLES, count) - shown.length)
  return (
    <View className={`signed-up signed-up--${size}`} data-testid="signed-up">
      {count > 0 ? (
        <View className="signed-up__faces" aria-hidden>
          {shown.map((src) => (
            <Image key={src} className="signed-up__face" src={src} mode="aspectFill" data-testid="signed-up-avatar" />
          ))}
          {Array.from({ length: placeholders }, (_, i) => (
            <View key={i} className="signed-up__face signed-up__face--blank" data-testid="signed-up-blank" />
          ))}
        </View>
      ) : null}
      <Text className="signed-up__count">{signedUpText(count)}</Text>
    </View>
  )
}
