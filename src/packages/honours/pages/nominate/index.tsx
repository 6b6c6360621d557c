import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { FormSubmit, TextAreaField } from '@/components/form/Field'
import { useSessionStore } from '@/features/session/store/session'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { errorMessage } from '@/utils/errors'
import { currentYear } from '@/utils/month'
import { honourCandidates, honourKinds, nominate } from '../../features/api'
import '@/components/form/form.scss'
import '../honours.scss'

/**
 * 推荐荣誉 (a unit's organisers): pick one of the year's honours open for nominations, a person who
 * took part in the unit's events (or is its member), a reason; the person's record goes with it.
 * Someone in several units picks the unit first (the one in the link, else their first).
 */
export default function NominatePage() {
  const { params } = useRouter()
  const myUnits = useSessionStore((s) => s.me?.units) ?? []
  const [pickedUnit, setPickedUnit] = useState<string | null>(null)
  const unitId = pickedUnit ?? (params.unitId || myUnits[0]?.id || '')
  const year = currentYear()
  const kinds = useLoad(() => honourKinds(year), [year])
  const [kindId, setKindId] = useState<string | null>(null)
  const open = (kinds.data?.items ?? []).filter((k) => k.open)
  const kind = kindId ?? open[0]?.id ?? null
  const people = useLoad(
    () => (kind && unitId ? honourCandidates(kind, unitId) : new Promise<never>(() => undefined)),
    [kind, unitId],
  )
  const [userId, setUserId] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const { busy, run } = useAction<'nominate'>()

  if (kinds.phase === 'error') return <CallError error={kinds.error} onRetry={() => void kinds.reload()} />
  if (kinds.phase === 'loading') return <View className="honours__hint">加载中…</View>
  if (open.length === 0) return <EmptyState text={`${year} 年暂无可推荐的荣誉`} />
  if (!unitId) return <EmptyState text="加入单位成为组织者后才能推荐荣誉" />

  const submit = async () => {
    if (!kind || !userId) {
      setError('请选择被推荐人')
      return
    }
    if (reason.trim().length < 2) {
      setError('请填写推荐理由')
      return
    }
    setError(null)
    const done = await run(
      'nominate',
      () => nominate({ kindId: kind, unitId, userId, reason: reason.trim() }),
      (err) => setError(errorMessage(err)),
    )
    if (done) {
      void Taro.showToast({ title: '已推荐', icon: 'none' })
      setUserId(null)
      setReason('')
      void people.reload()
    }
  }

  let list: JSX.Element
  if (people.phase === 'error') list = <CallError error={people.error} onRetry={() => void people.reload()} />
  else if (people.phase === 'loading') list = <View className="honours__hint">加载中…</View>
  else if (people.data.items.length === 0) list = <EmptyState text="本单位今年还没有参加活动的人" />
  else
    list = (
      <View className="honours__kind">
        <View className="honours__meta" data-testid="nominate-quota">
          {people.data.kind.quotaPerUnit === null
            ? `已推荐 ${people.data.used} 人`
            : `名额 ${people.data.kind.quotaPerUnit} 人，已推荐 ${people.data.used} 人`}
        </View>
        {people.data.items.map((p) => (
          <View
            key={p.userId}
            className={`honours__item${p.userId === userId ? ' honours__item--on' : ''}`}
            data-testid="nominate-person"
            onClick={() => (p.nominated ? undefined : setUserId(p.userId))}
          >
            {p.name} · 参加活动 {p.attended} 次{p.member ? ' · 单位成员' : ''}
            {p.nominated ? ' · 已被推荐' : ''}
          </View>
        ))}
      </View>
    )

  return (
    <View className="honours">
      {myUnits.length > 1 ? (
        <View className="honours__chips" data-testid="nominate-units">
          {myUnits.map((u) => (
            <Text
              key={u.id}
              className={`honours__chip${u.id === unitId ? ' honours__chip--on' : ''}`}
              data-testid="nominate-unit"
              onClick={() => {
                setPickedUnit(u.id)
                setUserId(null)
              }}
            >
              {u.name}
            </Text>
          ))}
        </View>
      ) : null}
      <View className="honours__chips">
        {open.map((k) => (
          <Text
            key={k.id}
            className={`honours__chip${k.id === kind ? ' honours__chip--on' : ''}`}
            data-testid="nominate-kind"
            onClick={() => {
              setKindId(k.id)
              setUserId(null)
            }}
          >
            {k.name}
          </Text>
        ))}
      </View>
      {list}
      <View className="form-card">
        <TextAreaField
          label="推荐理由"
          name="reason"
          required
          value={reason}
          maxlength={300}
          placeholder="主要事迹，例如：全年参加志愿服务 20 余次"
          onChange={setReason}
        />
      </View>
      <FormSubmit
        error={error}
        loading={busy === 'nominate'}
        disabled={busy !== null}
        onSubmit={() => void submit()}
        testId="nominate-submit"
      >
        提交推荐
      </FormSubmit>
    </View>
  )
}
