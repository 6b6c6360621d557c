import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { ScorePart, UnitRanking, YearWeights } from '@api/score'
import { SCORE_PART_NAMES, SCORE_PARTS } from '@contract/score'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { currentYear } from '@/utils/month'
import { openExport } from '@/utils/open-export'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { exportRanking, setScoreWeights, unitRanking } from '@/features/score/api'
import '../../features/plan/components/admin.scss'
import './index.scss'

type Draft = Record<ScorePart | 'hoursTarget', string>

const draftOf = (w: YearWeights): Draft => ({
  completion: String(w.completion),
  satisfaction: String(w.satisfaction),
  response: String(w.response),
  participation: String(w.participation),
  hours: String(w.hours),
  hoursTarget: String(w.hoursTarget),
})

/** The weights editor: five whole-point weights summing to 100, and the hours per event for full marks. */
function WeightsEditor({ year, weights, onSaved }: { year: number; weights: YearWeights; onSaved(): void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(weights))
  const { busy, run } = useAction()
  const sum = SCORE_PARTS.reduce((s, p) => s + (Number(draft[p]) || 0), 0)

  async function onSave() {
    await run(
      'save',
      async () => {
        await setScoreWeights({
          year,
          completion: Number(draft.completion),
          satisfaction: Number(draft.satisfaction),
          response: Number(draft.response),
          participation: Number(draft.participation),
          hours: Number(draft.hours),
          hoursTarget: Number(draft.hoursTarget),
        })
        await Taro.showToast({ title: '已保存', icon: 'success' })
        onSaved()
      },
      { modal: '保存失败' },
    )
  }

  const field = (key: keyof Draft, label: string) => (
    <View key={key} className="unit-scores__row">
      <Text className="unit-scores__weight-label">{label}</Text>
      <Input
        className="unit-scores__weight-input"
        type="digit"
        // H5: the inner <input> is named by the row's label (Taro passes nativeProps to it); WeChat reads the row.
        {...(process.env.TARO_ENV === 'h5' ? { nativeProps: { 'aria-label': label } } : {})}
        data-testid={`weight-${key}`}
        value={draft[key]}
        onInput={(e) => setDraft({ ...draft, [key]: e.detail.value })}
      />
    </View>
  )
  return (
    <View data-testid="weights-editor">
      <Text className="unit-scores__title">{`${year} 年评分权重${weights.custom ? '' : '（默认）'}`}</Text>
      <View className="unit-scores__weights">
        {SCORE_PARTS.map((p) => field(p, SCORE_PART_NAMES[p]))}
        {field('hoursTarget', '场均志愿时长满分线（小时）')}
      </View>
      <View className="unit-scores__footer">
        <Text
          className={`unit-scores__sum${sum === 100 ? '' : ' unit-scores__sum--off'}`}
          data-testid="weights-sum"
        >{`合计 ${sum} 分${sum === 100 ? '' : '，须为 100 分'}`}</Text>
        <Button
          size="small"
          color="primary"
          data-testid="weights-save"
          disabled={sum !== 100 || busy !== null}
          onClick={() => void onSave()}
        >
          保存权重
        </Button>
      </View>
    </View>
  )
}

function Ranking({ view }: { view: UnitRanking }) {
  if (view.units.length === 0) return <EmptyState text="还没有成员单位" />
  return (
    <View className="unit-scores__list" data-testid="score-ranking">
      {view.units.map((u) => (
        <View
          key={u.unitId}
          className="unit-scores__row"
          data-testid="score-unit"
          onClick={() =>
            void Taro.navigateTo({ url: `/packages/organiser/pages/score/index?unitId=${u.unitId}&year=${view.year}` })
          }
        >
          <Text className="unit-scores__name">
            <Text className="unit-scores__rank">{`${u.rank}. `}</Text>
            {u.unitName}
          </Text>
          <View className="unit-scores__score">
            <Text className="unit-scores__points">{`${u.score} 分`}</Text>
            {u.stars > 0 ? <Text className="unit-scores__stars">{` ${'★'.repeat(u.stars)}`}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  )
}

/** 五星评比: the district's ranking of member units by their year's score, its export, and the weights. */
export default function UnitScoresPage() {
  const [year, setYear] = useState(() => currentYear())
  const { busy, run } = useAction()
  const view = useLoad(() => unitRanking({ year }), [year])

  async function onExport() {
    await run('export', async () => openExport(await exportRanking({ year })), { modal: '导出失败' })
  }

  return (
    <View className="admin unit-scores" data-testid="unit-scores">
      <View className="admin__toolbar">
        <View className="admin__year">
          <Text className="admin__year-step" data-testid="scores-prev-year" onClick={() => setYear(year - 1)}>
            ‹
          </Text>
          <Text data-testid="scores-year">{year} 年</Text>
          <Text className="admin__year-step" data-testid="scores-next-year" onClick={() => setYear(year + 1)}>
            ›
          </Text>
        </View>
        <Button
          size="small"
          color="primary"
          data-testid="scores-export"
          loading={busy === 'export'}
          onClick={() => void onExport()}
        >
          导出 Excel
        </Button>
      </View>
      {view.phase === 'loading' ? <View className="admin__hint">加载中…</View> : null}
      {view.phase === 'error' ? <CallError error={view.error} onRetry={() => void view.reload()} /> : null}
      {view.phase === 'ready' ? (
        <View>
          <Ranking view={view.data} />
          <WeightsEditor
            key={`${year}-${view.data.weights.custom}`}
            year={year}
            weights={view.data.weights}
            onSaved={() => void view.reload()}
          />
        </View>
      ) : null}
    </View>
  )
}
