import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { FormSubmit } from '@/components/form/Field'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { errorMessage } from '@/utils/errors'
import { currentYear } from '@/utils/month'
import { claimLines, claimWish, getWish } from '../../features/wish/api'
import { WISH_PAGES } from '../../features/wish/labels'
import './index.scss'

/**
 * 认领心愿: an organiser picks one of their unit's lines of the annual list (units do not add
 * lines: the district admin edits the list), this year or next; one claim per wish.
 */
export default function ClaimWishPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const wish = useLoad(() => getWish(id), [id])
  const [unitId, setUnitId] = useState<string | null>(null)
  const thisYear = currentYear()
  const [year, setYear] = useState(thisYear)
  const [lineId, setLineId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { busy, run } = useAction<'claim'>()
  const units = wish.data?.mine.claimUnits ?? []
  const unit = unitId ?? units[0]?.id ?? null
  const lines = useLoad(() => (unit ? claimLines(unit, year) : new Promise<never>(() => undefined)), [unit, year])

  if (wish.phase === 'error') return <CallError error={wish.error} onRetry={() => void wish.reload()} />
  if (wish.phase === 'loading') return <View className="claim__hint">加载中…</View>
  if (units.length === 0)
    return <EmptyState text={wish.data.claimedBy ? '这个心愿已被认领' : '只有成员单位的组织者可以认领心愿'} />

  const claim = async () => {
    if (!lineId) {
      setError('请选择清单条目')
      return
    }
    setError(null)
    const done = await run(
      'claim',
      () => claimWish(id, lineId),
      (err) => setError(errorMessage(err)),
    )
    if (done) {
      void Taro.showToast({ title: '已认领', icon: 'none' })
      void Taro.redirectTo({ url: `${WISH_PAGES}/detail/index?id=${encodeURIComponent(id)}` })
    }
  }

  let body: JSX.Element
  if (lines.phase === 'error') body = <CallError error={lines.error} onRetry={() => void lines.reload()} />
  else if (lines.phase === 'loading') body = <View className="claim__hint">加载中…</View>
  else if (lines.data.items.length === 0)
    body = <EmptyState text={`本单位 ${year} 年的年度清单还没有条目，请联系团区委添加`} />
  else
    body = (
      <View>
        {lines.data.items.map((l) => (
          <View
            key={l.id}
            className={`claim__line${l.id === lineId ? ' claim__line--on' : ''}`}
            data-testid="claim-line"
            onClick={() => setLineId(l.id)}
          >
            <View className="claim__line-title">{l.title}</View>
            <View className="claim__line-meta">
              {l.categoryName} · 计划 {l.plannedMonth} 月{l.planStatus === 'draft' ? ' · 清单未发布' : ''}
              {l.wishes > 0 ? ` · 已认领 ${l.wishes} 个心愿` : ''}
            </View>
          </View>
        ))}
      </View>
    )

  return (
    <View className="claim">
      <View className="claim__wish">
        认领「{wish.data.title}」（{wish.data.supporters}{' '}
        人想参加）到本单位年度清单的一个条目，该条目下的活动发布时，想参加的人会收到通知。
      </View>
      {units.length > 1 ? (
        <View className="claim__chips">
          {units.map((u) => (
            <Text
              key={u.id}
              className={`claim__chip${u.id === unit ? ' claim__chip--on' : ''}`}
              onClick={() => {
                setUnitId(u.id)
                setLineId(null)
              }}
            >
              {u.name}
            </Text>
          ))}
        </View>
      ) : (
        <View className="claim__unit">{units[0].name}</View>
      )}
      <View className="claim__chips">
        {[thisYear, thisYear + 1].map((y) => (
          <Text
            key={y}
            className={`claim__chip${y === year ? ' claim__chip--on' : ''}`}
            data-testid="claim-year"
            onClick={() => {
              setYear(y)
              setLineId(null)
            }}
          >
            {y} 年
          </Text>
        ))}
      </View>
      {body}
      <FormSubmit
        error={error}
        loading={busy === 'claim'}
        disabled={busy !== null}
        onSubmit={() => void claim()}
        testId="claim-submit"
      >
        确认认领
      </FormSubmit>
    </View>
  )
}
