import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ScorePartView, UnitScorecard } from '@api/score'
import { SCORE_PART_NAMES } from '@contract/score'
import { CallError } from '@/components/CallError'
import { currentYear } from '@/utils/month'
import { useLoad } from '@/hooks/useLoad'
import { unitScorecard } from '@/features/score/api'

const percent = (n: number) => `${Math.round(n * 100)}%`

/** The part's measure as people read it. */
function valueText(p: ScorePartView): string {
  if (p.value === null) return '暂无数据'
  if (p.part === 'satisfaction') return `${p.value.toFixed(1)} 星`
  if (p.part === 'hours') return `${p.value} 小时/场`
  return percent(p.value)
}

function Card({ card }: { card: UnitScorecard }) {
  return (
    <View>
      <View className="score__head" data-testid="score-head">
        <Text className="score__total" data-testid="score-total">{`${card.score} 分`}</Text>
        <Text
          className="score__stars"
          data-testid="score-stars"
        >{`${'★'.repeat(card.stars)}${'☆'.repeat(5 - card.stars)}`}</Text>
      </View>
      {card.parts.map((p) => (
        <View key={p.part} className="score__part" data-testid="score-part">
          <Text className="score__name">{SCORE_PART_NAMES[p.part]}</Text>
          <Text className="score__value">{valueText(p)}</Text>
          <View className="score__bar">
            <View className="score__bar-fill" style={{ width: percent(p.ratio) }} />
          </View>
          <Text className="score__points">{`${p.points} / ${p.weight} 分`}</Text>
          {p.tip ? (
            <Text className="score__tip" data-testid="score-tip">
              {p.tip}
            </Text>
          ) : null}
        </View>
      ))}
      <Text className="score__note">
        {`总分满分 100 分；${card.thresholds.map((t, i) => `${t} 分起 ${i + 2} 星`).join('，')}。${
          card.weights.custom ? '权重由团区委设定。' : '团区委未设定本年权重，按默认权重计算。'
        }`}
      </Text>
    </View>
  )
}

/** 单位评分 (五星): a unit's year, each part's value, weight and points, and what would raise it. */
export default function UnitScorePage() {
  const { params } = useRouter()
  const unitId = params.unitId ?? ''
  const [year, setYear] = useState(() => Number(params.year) || currentYear())
  const card = useLoad(() => unitScorecard({ unitId, year }), [unitId, year])

  return (
    <View className="score" data-testid="unit-score">
      <View className="score__year">
        <Text data-testid="score-prev-year" onClick={() => setYear(year - 1)}>
          ‹
        </Text>
        <Text data-testid="score-year">{`${card.data?.unitName ?? ''} ${year} 年`}</Text>
        <Text data-testid="score-next-year" onClick={() => setYear(year + 1)}>
          ›
        </Text>
      </View>
      {card.phase === 'loading' ? <View>加载中…</View> : null}
      {card.phase === 'error' ? <CallError error={card.error} onRetry={() => void card.reload()} /> : null}
      {card.phase === 'ready' ? <Card card={card.data} /> : null}
    </View>
  )
}
