import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { ActivityPhase } from '@api/activity'
import { posterUrl } from '../share'
import './ShareRow.scss'

interface Props {
  activityId: string
  phase: ActivityPhase
}

/**
 * 分享: send the activity to a chat (WeChat's share button; the page's share card) and make a poster
 * for 朋友圈 with the code that opens this activity. Ended and cancelled activities are not promoted.
 */
export function ShareRow({ activityId, phase }: Props) {
  if (phase === 'finished' || phase === 'cancelled') return null
  return (
    <View className="share-row" data-testid="share-row">
      <Text className="share-row__title">邀请好友一起参加</Text>
      <View className="share-row__buttons">
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className="share-row__button" color="primary" variant="outlined" shape="round" openType="share">
            分享给好友
          </Button>
        ) : null}
        <Button
          className="share-row__button share-row__poster"
          color="primary"
          shape="round"
          onClick={() => void Taro.navigateTo({ url: posterUrl(activityId) })}
        >
          生成海报
        </Button>
      </View>
    </View>
  )
}
