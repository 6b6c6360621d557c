import { Text, View } from '@tarojs/components'
import './ListFooter.scss'

interface Props {
  loadingMore: boolean
  hasMore: boolean
  error: string | null
  onLoadMore(): void
}

/** The end of the list: loading, a retry after a failed page, "more" or the end. */
export function ListFooter({ loadingMore, hasMore, error, onLoadMore }: Props) {
  if (loadingMore) {
    return (
      <View className="list-footer" data-testid="list-footer">
        加载中…
      </View>
    )
  }
  if (error) {
    return (
      <View className="list-footer list-footer--error" data-testid="list-footer" onClick={onLoadMore}>
        <Text>{error}</Text>
        <Text className="list-footer__link">点击重试</Text>
      </View>
    )
  }
  if (hasMore) {
    // Reaching the bottom loads the next page; the tap target helps where scrolling cannot (desktop H5).
    return (
      <View className="list-footer" data-testid="list-footer" onClick={onLoadMore}>
        <Text className="list-footer__link">加载更多</Text>
      </View>
    )
  }
  return (
    <View className="list-footer" data-testid="list-footer">
      没有更多了
    </View>
  )
}
