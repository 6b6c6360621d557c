import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { FormError, TextAreaField } from '@/components/form/Field'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { errorMessage } from '@/utils/errors'
import { currentYear } from '@/utils/month'
import { decideHonour, pendingNominations, recordLine } from '../../features/api'
import '@/components/form/form.scss'
import '../honours.scss'

/** 荣誉评审 (the district): each pending nomination with its reason and record; 通过 or 不通过 with a reason. */
export default function ReviewPage() {
  const year = currentYear()
  const list = useLoad(() => pendingNominations(year), [year])
  const [declining, setDeclining] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const { busy, run } = useAction<string>()

  if (list.phase === 'error') return <CallError error={list.error} onRetry={() => void list.reload()} />
  if (list.phase === 'loading') return <View className="honours__hint">加载中…</View>
  if (list.data.items.length === 0) return <EmptyState text="没有待评审的推荐" />

  const decide = async (id: string, approve: boolean) => {
    if (!approve && reason.trim().length < 2) {
      setError('请填写不通过的原因')
      return
    }
    setError(null)
    const done = await run(
      id,
      () => decideHonour(id, approve, approve ? '' : reason.trim()),
      (err) => setError(errorMessage(err)),
    )
    if (done) {
      void Taro.showToast({ title: approve ? '已通过' : '已退回', icon: 'none' })
      setDeclining(null)
      setReason('')
      void list.reload()
    }
  }

  return (
    <View className="honours">
      {list.data.items.map((n) => (
        <View key={n.id} className="honours__kind" data-testid="review-item">
          <View className="honours__kind-name">
            {n.name} · {n.kindName}
          </View>
          <View className="honours__meta">推荐单位：{n.unitName}</View>
          <View className="honours__item">{n.reason}</View>
          <View className="honours__meta" data-testid="review-record">
            {recordLine(n.record)}
          </View>
          {declining === n.id ? (
            <View className="form-card">
              <TextAreaField
                label="不通过的原因"
                name="decline-reason"
                required
                value={reason}
                maxlength={100}
                onChange={setReason}
              />
              <FormError message={error} />
            </View>
          ) : null}
          <View className="honours__actions">
            <Button
              color="primary"
              size="small"
              data-testid="review-approve"
              disabled={busy !== null}
              onClick={() => void decide(n.id, true)}
            >
              通过
            </Button>
            <Button
              size="small"
              data-testid="review-decline"
              disabled={busy !== null}
              onClick={() => (declining === n.id ? void decide(n.id, false) : setDeclining(n.id))}
            >
              {declining === n.id ? '确认不通过' : '不通过'}
            </Button>
          </View>
        </View>
      ))}
      {declining === null ? <FormError message={error} /> : null}
    </View>
  )
}
