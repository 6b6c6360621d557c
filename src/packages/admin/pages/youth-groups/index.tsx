import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import Tabs from '@taroify/core/tabs'
import '@taroify/core/tabs/style'
import type { YouthGroup, YouthGroupState } from '@api/youth-group'
import { YOUTH_GROUP_KIND_NAMES } from '@contract/youth-group'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { ReasonDialog } from '@/components/ReasonDialog'
import { errorMessage } from '@/utils/errors'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { decideYouthGroup, listYouthGroups, suspendYouthGroup } from '../../features/youth-groups/api'
import '../../features/plan/components/admin.scss'

const TABS: { value: YouthGroupState; title: string }[] = [
  { value: 'pending', title: '待审核' },
  { value: 'approved', title: '已通过' },
  { value: 'declined', title: '未通过' },
  { value: 'suspended', title: '已暂停' },
]

type Asking = { group: YouthGroup; to: 'decline' | 'suspend' }

/** 青年团体审核: the district admin approves, declines (with a reason) or suspends registered youth groups. */
export default function YouthGroupReviewPage() {
  const [state, setState] = useState<YouthGroupState>('pending')
  const groups = useLoad(() => listYouthGroups(state), [state])
  const [asking, setAsking] = useState<Asking | null>(null)
  const { busy, run } = useAction()
  const [dialogError, setDialogError] = useState<string | null>(null)

  async function act(group: YouthGroup, to: 'approve' | 'decline' | 'suspend', reason?: string) {
    setDialogError(null)
    await run(
      group.id,
      async () => {
        if (to === 'suspend') await suspendYouthGroup(group.id, reason ?? '')
        else await decideYouthGroup(group.id, to, reason)
        // The group leaves this tab's list.
        if (groups.data) groups.setData({ items: groups.data.items.filter((g) => g.id !== group.id) })
        setAsking(null)
        void Taro.showToast({ title: { approve: '已通过', decline: '未通过', suspend: '已暂停' }[to], icon: 'none' })
      },
      to === 'approve' ? 'toast' : (err) => setDialogError(errorMessage(err)),
    )
  }

  let body: JSX.Element
  if (groups.phase === 'loading') body = <View className="admin__hint">加载中…</View>
  else if (groups.phase === 'error') body = <CallError error={groups.error} onRetry={() => void groups.reload()} />
  else if (groups.data.items.length === 0)
    body = <EmptyState text={state === 'pending' ? '没有待审核的团体' : '暂无'} />
  else {
    body = (
      <View>
        {groups.data.items.map((g) => (
          <View key={g.id} className="admin__card" data-testid="youth-group">
            <View className="admin__card-head">
              <Text className="admin__card-title">{g.name}</Text>
              <Text className="admin__muted">{YOUTH_GROUP_KIND_NAMES[g.kind]}</Text>
            </View>
            <Text className="admin__text">
              负责人：{g.leaderName} {g.leaderPhone} · {g.size} 人
            </Text>
            {g.intro ? <Text className="admin__text">{g.intro}</Text> : null}
            {g.reason ? <Text className="admin__muted">原因：{g.reason}</Text> : null}
            {g.state === 'pending' ? (
              <View className="admin__buttons">
                <Button
                  className="youth-group__decline"
                  size="small"
                  shape="round"
                  color="danger"
                  variant="outlined"
                  disabled={busy !== null}
                  onClick={() => setAsking({ group: g, to: 'decline' })}
                >
                  不通过
                </Button>
                <Button
                  className="youth-group__approve"
                  size="small"
                  shape="round"
                  color="primary"
                  loading={busy === g.id}
                  disabled={busy !== null}
                  onClick={() => void act(g, 'approve')}
                >
                  通过
                </Button>
              </View>
            ) : null}
            {g.state === 'approved' ? (
              <View className="admin__buttons">
                <Button
                  className="youth-group__suspend"
                  size="small"
                  shape="round"
                  color="danger"
                  variant="outlined"
                  disabled={busy !== null}
                  onClick={() => setAsking({ group: g, to: 'suspend' })}
                >
                  暂停
                </Button>
              </View>
            ) : null}
          </View>
        ))}
      </View>
    )
  }

  const verb = asking?.to === 'suspend' ? '暂停' : '不通过'
  return (
    <View className="admin">
      <Tabs value={state} onChange={(v: YouthGroupState) => setState(v)}>
        {TABS.map((t) => (
          <Tabs.TabPane key={t.value} value={t.value} title={t.title} />
        ))}
      </Tabs>
      {body}
      <ReasonDialog
        open={asking !== null}
        title={`${verb}「${asking?.group.name ?? ''}」`}
        message={asking?.to === 'suspend' ? '暂停后该团体不能再预约场地，负责人会看到原因。' : '负责人会看到原因。'}
        confirmText={verb}
        maxLength={100}
        busy={busy !== null}
        error={dialogError}
        onCancel={() => setAsking(null)}
        onConfirm={(reason) => asking && void act(asking.group, asking.to, reason)}
      />
    </View>
  )
}
