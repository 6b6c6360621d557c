import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { hasRole, useSessionStore } from '@/features/session/store/session'
import { useLoad } from '@/hooks/useLoad'
import { currentYear } from '@/utils/month'
import { HONOUR_PAGES, honourRoll } from '../../features/api'
import '../honours.scss'

/** 荣誉榜: the year's approved honours by kind, each a masked name and the unit (public). */
export default function HonourRollPage() {
  const thisYear = currentYear()
  const [year, setYear] = useState(thisYear)
  const roll = useLoad(() => honourRoll(year), [year])
  const me = useSessionStore((s) => s.me)
  const go = (url: string) => void Taro.navigateTo({ url: `${HONOUR_PAGES}/${url}` })
  const links: [string, string][] = me
    ? [
        ['我的荣誉', 'mine/index'],
        ...(me.units.length > 0
          ? ([['推荐荣誉', `nominate/index?unitId=${me.units[0].id}`]] as [string, string][])
          : []),
        ...(hasRole(me, 'district_admin') ? ([['荣誉评审', 'review/index']] as [string, string][]) : []),
      ]
    : []

  let body: JSX.Element
  if (roll.phase === 'error') body = <CallError error={roll.error} onRetry={() => void roll.reload()} />
  else if (roll.phase === 'loading') body = <View className="honours__hint">加载中…</View>
  else if (roll.data.kinds.length === 0) body = <EmptyState text={`${year} 年的荣誉还未公布`} />
  else
    body = (
      <View>
        {roll.data.kinds.map((k) => (
          <View key={k.name} className="honours__kind" data-testid="roll-kind">
            <View className="honours__kind-name">
              {k.name}（{k.items.length} 人）
            </View>
            {k.items.map((i, n) => (
              <View key={n} className="honours__item" data-testid="roll-item">
                {i.name} · {i.unitName}
              </View>
            ))}
          </View>
        ))}
      </View>
    )

  return (
    <View className="honours">
      <View className="honours__chips">
        {[thisYear, thisYear - 1].map((y) => (
          <Text
            key={y}
            className={`honours__chip${y === year ? ' honours__chip--on' : ''}`}
            data-testid="roll-year"
            onClick={() => setYear(y)}
          >
            {y} 年
          </Text>
        ))}
      </View>
      {body}
      {links.length > 0 ? (
        <View className="honours__chips">
          {links.map(([label, url]) => (
            <Text key={url} className="honours__chip" data-testid="roll-link" onClick={() => go(url)}>
              {label}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  )
}
