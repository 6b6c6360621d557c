import { useMemo, useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { MyRatings } from '@api/rating'
import { RATING_TAGS, type RatingTag } from '@contract/rating'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { myRatings, rateEvent } from '@/features/rating/api'
import { dayText, tagName, untilText } from '@/features/rating/format'
import '../rating.scss'

const STAR_WORDS = ['', '很不满意', '不太满意', '一般', '满意', '非常满意']

interface Target {
  title: string
  unitName: string
  endAt: string
  until: string
  editable: boolean
  stars: number
  tags: RatingTag[]
  comment: string
}

/** The event to rate: awaiting my rating, or rated already (then prefilled). */
function targetOf(mine: MyRatings, id: string): Target | null {
  const waiting = mine.awaiting.find((a) => a.activityId === id)
  if (waiting) return { ...waiting, until: waiting.rateUntil, editable: true, stars: 0, tags: [], comment: '' }
  const given = mine.ratings.find((r) => r.activityId === id)
  if (given)
    return {
      ...given,
      until: given.editableUntil,
      editable: given.editable,
      stars: given.stars,
      tags: given.tags,
      comment: given.comment ?? '',
    }
  return null
}

function Sheet({ id, target }: { id: string; target: Target }) {
  const [stars, setStars] = useState(target.stars)
  const [tags, setTags] = useState<RatingTag[]>(target.tags)
  const [comment, setComment] = useState(target.comment)
  const { busy, run } = useAction()

  function toggle(tag: RatingTag) {
    setTags(tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag])
  }

  async function submit() {
    const done = await run('rate', () => rateEvent({ activityId: id, stars, tags, comment: comment.trim() || null }), {
      modal: '提交失败',
    })
    if (done) {
      await Taro.showToast({ title: '感谢你的评价', icon: 'success' })
      void Taro.navigateBack().catch(() => undefined)
    }
  }

  const locked = !target.editable
  return (
    <View className="rating__sheet" data-testid="rate-sheet">
      <View className="rating__card">
        <Text className="rating__title" data-testid="rate-title">
          {target.title}
        </Text>
        <Text className="rating__meta">{`${target.unitName} · ${dayText(target.endAt)}结束`}</Text>
        <Text className="rating__meta" data-testid="rate-until">
          {locked ? '评价已截止，不能再修改' : untilText(target.until)}
        </Text>
      </View>
      <View className="rating__card">
        <Text className="rating__label">总体满意度</Text>
        <View className="rating__stars" data-testid="rate-stars">
          {[1, 2, 3, 4, 5].map((n) => (
            <Text
              key={n}
              className={`rating__star${n <= stars ? ' rating__star--on' : ''}`}
              data-testid={`rate-star-${n}`}
              onClick={() => !locked && setStars(n)}
            >
              {n <= stars ? '★' : '☆'}
            </Text>
          ))}
        </View>
        <Text className="rating__meta" data-testid="rate-star-word">
          {stars ? STAR_WORDS[stars] : '点亮星星打分'}
        </Text>
        <Text className="rating__label">印象（可多选）</Text>
        <View className="rating__chips">
          {RATING_TAGS.map((tag) => (
            <Text
              key={tag}
              className={`rating__chip${tags.includes(tag) ? ' rating__chip--on' : ''}`}
              data-testid={`rate-tag-${tag}`}
              onClick={() => !locked && toggle(tag)}
            >
              {tagName(tag)}
            </Text>
          ))}
        </View>
        <Text className="rating__label">想说的话（选填，匿名展示给组织者）</Text>
        <Textarea
          className="rating__comment"
          data-testid="rate-comment"
          value={comment}
          maxlength={300}
          disabled={locked}
          placeholder="活动哪里好、哪里可以更好？"
          onInput={(e) => setComment(e.detail.value)}
        />
        <Text className="rating__hint">评价满 5 人后，组织者才能看到平均分和留言，且看不到是谁写的。</Text>
      </View>
      {locked ? null : (
        <Button
          className="rating__submit"
          data-testid="rate-submit"
          color="primary"
          shape="round"
          block
          disabled={stars === 0 || busy !== null}
          loading={busy !== null}
          onClick={() => void submit()}
        >
          {target.stars ? '修改评价' : '提交评价'}
        </Button>
      )}
    </View>
  )
}

/** 活动评价: stars, tag chips and a comment for an event I attended, within 7 days of its end. */
export default function RatePage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const mine = useLoad(() => myRatings(), [])
  const target = useMemo(() => (mine.data ? targetOf(mine.data, id) : null), [mine.data, id])

  if (mine.phase === 'error') return <CallError error={mine.error} onRetry={() => void mine.reload()} />
  if (mine.phase === 'loading') return <View className="rating__hint">加载中…</View>
  if (!target) return <EmptyState text="只有参加了活动（已签到）的人，在活动结束 7 天内可以评价" />
  return <Sheet id={id} target={target} />
}
