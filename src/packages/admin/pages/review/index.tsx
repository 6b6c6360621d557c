import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import Tabs from '@taroify/core/tabs'
import '@taroify/core/tabs/style'
import type { UnitListItem, UnitStatus } from '@api/org'
import { listUnits, reviewUnit } from '@/features/org/api'
import { UNIT_KIND_NAMES } from '@/features/org/unit-kinds'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { ReasonDialog } from '@/components/ReasonDialog'
import { errorMessage } from '@/utils/errors'
import { formatDateTime } from '@/utils/time'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import '../../features/plan/components/admin.scss'

const TABS: { value: UnitStatus; title: string }[] = [
  { value: 'pending', title: '待审核' },
  { value: 'admitted', title: '已通过' },
  { value: 'rejected', title: '已驳回' },
]

export default function ReviewPage() {
  const [status, setStatus] = useState<UnitStatus>('pending')
  const units = useLoad(() => listUnits(status), [status])
  const [rejecting, setRejecting] = useState<UnitListItem | null>(null)
  const { busy, run } = useAction()
  const [dialogError, setDialogError] = useState<string | null>(null)

  /** Admitting makes the applicant the unit's first admin at once: asked first, like rejecting. */
  async function admit(unit: UnitListItem) {
    const { confirm } = await Taro.showModal({
      title: `通过「${unit.name}」`,
      content: `通过后${unit.application?.contactName ?? '申请人'}将成为该单位的管理员，可以发布活动。`,
      confirmText: '通过',
      cancelText: '再看看',
    })
    if (confirm) await decide(unit, 'admit')
  }

  async function decide(unit: UnitListItem, decision: 'admit' | 'reject', reason?: string) {
    setDialogError(null)
    await run(
      unit.id,
      async () => {
        await reviewUnit(unit.id, decision, reason)
        // The unit leaves the pending list.
        if (units.data) units.setData({ items: units.data.items.filter((u) => u.id !== unit.id) })
        setRejecting(null)
        void Taro.showToast({ title: decision === 'admit' ? '已通过' : '已驳回', icon: 'none' })
      },
      decision === 'reject' ? (err) => setDialogError(errorMessage(err)) : 'toast',
    )
  }

  let body: JSX.Element
  if (units.phase === 'loading') body = <View className="admin__hint">加载中…</View>
  else if (units.phase === 'error') body = <CallError error={units.error} onRetry={() => void units.reload()} />
  else if (units.data.items.length === 0)
    body = <EmptyState text={status === 'pending' ? '没有待审核的申请' : '暂无'} />
  else {
    body = (
      <View>
        {units.data.items.map((u) => (
          <View key={u.id} className="admin__card" data-testid="review-unit">
            <View className="admin__card-head">
              <Text className="admin__card-title">{u.name}</Text>
              <Text className="admin__muted">{UNIT_KIND_NAMES[u.kind]}</Text>
            </View>
            {u.intro ? <Text className="admin__text">{u.intro}</Text> : null}
            {u.application ? (
              <View className="review__applicant" data-testid="review-applicant">
                <Text className="admin__text">
                  联系人 {u.application.contactName} · {u.application.contactPhone}
                </Text>
                <Text className="admin__muted">提交于 {formatDateTime(u.application.submittedAt)}</Text>
                {u.status === 'rejected' && u.application.reviewReason ? (
                  <Text className="admin__text">驳回原因：{u.application.reviewReason}</Text>
                ) : null}
              </View>
            ) : null}
            {u.status === 'pending' ? (
              <View className="admin__buttons">
                <Button
                  className="review__reject"
                  size="small"
                  shape="round"
                  color="danger"
                  variant="outlined"
                  disabled={busy !== null}
                  onClick={() => setRejecting(u)}
                >
                  驳回
                </Button>
                <Button
                  className="review__admit"
                  size="small"
                  shape="round"
                  color="primary"
                  loading={busy === u.id}
                  disabled={busy !== null}
                  onClick={() => void admit(u)}
                >
                  通过
                </Button>
              </View>
            ) : null}
          </View>
        ))}
      </View>
    )
  }

  return (
    <View className="admin">
      <Tabs value={status} onChange={(v: UnitStatus) => setStatus(v)}>
        {TABS.map((t) => (
          <Tabs.TabPane key={t.value} value={t.value} title={t.title} />
        ))}
      </Tabs>
      {body}
      <ReasonDialog
        open={rejecting !== null}
        title={`驳回「${rejecting?.name ?? ''}」`}
        message="申请单位会看到驳回原因。"
        confirmText="驳回"
        busy={busy !== null}
        error={dialogError}
        onCancel={() => setRejecting(null)}
        onConfirm={(reason) => rejecting && void decide(rejecting, 'reject', reason)}
      />
    </View>
  )
}
