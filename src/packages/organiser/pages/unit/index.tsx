import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { Invite, UnitDetail, UnitMember, UnitRole } from '@api/org'
import { createInvite, getUnit, listMembers, setMemberRole, updateUnit } from '@/features/org/api'
import { UNIT_KIND_NAMES, UNIT_ROLE_NAMES, UNIT_STATUS_NAMES } from '@/features/org/unit-kinds'
import { useSessionStore } from '@/features/session/store/session'
import { CallError } from '@/components/CallError'
import { FormError } from '@/components/form/Field'
import { errorCode, errorFields, errorMessage } from '@/utils/errors'
import { formatDateTime } from '@/utils/time'
import { useLoad } from '@/hooks/useLoad'
import { useAction } from '@/hooks/useAction'
import { UnitForm, type UnitFormValue } from '../../features/units/components/UnitForm'
import '../../features/units/components/units.scss'
import '@/components/form/form.scss'

const JOIN_PAGE = '/packages/organiser/pages/join/index'

/** Stars, honours and the unit's rating, each for this unit. */
const GROWTH_LINKS: { label: string; note: string; url: (unitId: string) => string }[] = [
  {
    label: '摘星证明审核',
    note: '审核成员提交的摘星证明',
    url: (id) => `/packages/stars/pages/review/index?unitId=${encodeURIComponent(id)}`,
  },
  {
    label: '荣誉推荐',
    note: '推荐本单位的优秀青年',
    url: (id) => `/packages/honours/pages/nominate/index?unitId=${encodeURIComponent(id)}`,
  },
  {
    label: '五星评分',
    note: '本单位的年度评分和提升建议',
    url: (id) => `/packages/organiser/pages/score/index?unitId=${encodeURIComponent(id)}`,
  },
]

function GrowthLinks({ unit }: { unit: UnitDetail }) {
  return (
    <View className="console__section" data-testid="unit-growth">
      <View className="console__section-head">
        <Text className="console__section-title">摘星、荣誉与评比</Text>
      </View>
      {GROWTH_LINKS.map((l) => (
        <View
          key={l.label}
          className="console__member"
          data-testid="unit-growth-link"
          onClick={() => void Taro.navigateTo({ url: l.url(unit.id) })}
        >
          <Text>{l.label}</Text>
          <Text className="console__note">{`${l.note} ›`}</Text>
        </View>
      ))}
    </View>
  )
}

function Profile({ unit, onSaved }: { unit: UnitDetail; onSaved(u: UnitDetail): void }) {
  const canEdit = unit.myRole === 'admin'
  const [editing, setEditing] = useState<UnitFormValue | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const { busy: running, run: act } = useAction()
  const busy = running !== null

  async function save(v: UnitFormValue) {
    setError(null)
    await act(
      'save',
      async () => {
        const saved = await updateUnit({
          unitId: unit.id,
          name: v.name,
          ...(v.kind ? { kind: v.kind } : {}),
          contactName: v.contactName,
          // The phone is shown masked to some people: send it only when it was typed anew.
          ...(v.contactPhone !== unit.contactPhone ? { contactPhone: v.contactPhone } : {}),
          intro: v.intro,
        })
        onSaved(saved)
        setEditing(null)
        setErrors({})
      },
      (err) => {
        setError(errorMessage(err))
        setErrors(errorFields(err))
      },
    )
  }

  if (editing) {
    return (
      <View data-testid="unit-edit">
        <UnitForm value={editing} onChange={setEditing} errors={errors} />
        <FormError message={error} />
        <View className="form-actions">
          <Button shape="round" onClick={() => setEditing(null)}>
            取消
          </Button>
          <Button color="primary" shape="round" loading={busy} onClick={() => void save(editing)}>
            保存
          </Button>
        </View>
      </View>
    )
  }
  return (
    <View className="console__section" data-testid="unit-profile">
      <View className="console__section-head">
        <Text className="console__section-title">{unit.name}</Text>
        {canEdit ? (
          <Text
            className="console__link"
            onClick={() =>
              setEditing({
                name: unit.name,
                kind: unit.kind,
                contactName: unit.contactName,
                contactPhone: unit.contactPhone,
                intro: unit.intro,
              })
            }
          >
            编辑资料
          </Text>
        ) : null}
      </View>
      <View className="console__row">
        <Text className="console__label">类型</Text>
        <Text className="console__value">{UNIT_KIND_NAMES[unit.kind]}</Text>
      </View>
      <View className="console__row">
        <Text className="console__label">状态</Text>
        <Text className="console__value">{UNIT_STATUS_NAMES[unit.status]}</Text>
      </View>
      <View className="console__row">
        <Text className="console__label">联系人</Text>
        <Text className="console__value">
          {unit.contactName} {unit.contactPhone}
        </Text>
      </View>
      {unit.intro ? (
        <View className="console__row">
          <Text className="console__label">简介</Text>
          <Text className="console__value">{unit.intro}</Text>
        </View>
      ) : null}
      {unit.myRole ? (
        <View className="console__row">
          <Text className="console__label">我的角色</Text>
          <Text className="console__value">{UNIT_ROLE_NAMES[unit.myRole]}</Text>
        </View>
      ) : null}
    </View>
  )
}

const ROLE_ACTIONS: { label: string; role: UnitRole | null }[] = [
  { label: '设为管理员', role: 'admin' },
  { label: '设为组织者', role: 'organiser' },
  { label: '移出单位', role: null },
]

function Members({ unit }: { unit: UnitDetail }) {
  const members = useLoad(() => listMembers(unit.id), [unit.id])
  const isAdmin = unit.myRole === 'admin'
  const myId = useSessionStore((s) => s.me?.userId)

  async function change(m: UnitMember) {
    const options = ROLE_ACTIONS.filter((a) => a.role !== m.role)
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: options.map((o) => o.label) })
      const action = options[tapIndex]
      if (!action) return
      if (action.role === null) {
        const { confirm } = await Taro.showModal({ title: '移出单位', content: `确定将 ${m.nickname} 移出本单位？` })
        if (!confirm) return
      }
      const res = await setMemberRole(unit.id, m.userId, action.role)
      members.setData(res)
    } catch (err) {
      // Dismissing the action sheet rejects too; only server errors carry a message worth showing.
      if (errorCode(err)) void Taro.showToast({ title: errorMessage(err), icon: 'none' })
    }
  }

  return (
    <View className="console__section" data-testid="unit-members">
      <View className="console__section-head">
        <Text className="console__section-title">组织者</Text>
      </View>
      {members.phase === 'loading' ? <Text className="console__note">加载中…</Text> : null}
      {members.phase === 'error' ? <Text className="console__note">{errorMessage(members.error)}</Text> : null}
      {(members.data?.items ?? []).map((m) => (
        <View key={m.userId} className="console__member">
          <Text>
            {m.nickname}
            {m.userId === myId ? '（我）' : ''}
          </Text>
          {isAdmin && m.userId !== myId ? (
            <Text className="console__member-role console__link" onClick={() => void change(m)}>
              {UNIT_ROLE_NAMES[m.role]} ▾
            </Text>
          ) : (
            <Text className="console__member-role">{UNIT_ROLE_NAMES[m.role]}</Text>
          )}
        </View>
      ))}
    </View>
  )
}

function InviteSection({
  unit,
  invite,
  onInvite,
}: {
  unit: UnitDetail
  invite: Invite | null
  onInvite(i: Invite): void
}) {
  const { busy: running, run: act } = useAction()
  const busy = running !== null
  const [error, setError] = useState<string | null>(null)

  async function create() {
    setError(null)
    await act(
      'save',
      async () => {
        onInvite(await createInvite(unit.id))
      },
      (err) => {
        setError(errorMessage(err))
      },
    )
  }

  return (
    <View className="console__section" data-testid="unit-invite">
      <View className="console__section-head">
        <Text className="console__section-title">邀请组织者</Text>
      </View>
      {invite ? (
        <View className="console__invite">
          <Text className="console__code" data-testid="invite-code" userSelect>
            {invite.code}
          </Text>
          <Text className="console__expiry">有效期至 {formatDateTime(invite.expiresAt)}</Text>
          <View className="console__buttons">
            <Button shape="round" onClick={() => void Taro.setClipboardData({ data: invite.code })}>
              复制邀请码
            </Button>
            {process.env.TARO_ENV === 'weapp' ? (
              <Button color="primary" shape="round" openType="share">
                分享给好友
              </Button>
            ) : null}
          </View>
        </View>
      ) : (
        <Text className="console__note">生成 8 位邀请码，对方在「我的 → 加入单位」中输入即可成为本单位组织者。</Text>
      )}
      <FormError message={error} />
      <View className="form-actions">
        <Button color="primary" variant="outlined" shape="round" loading={busy} onClick={() => void create()}>
          {invite ? '重新生成' : '生成邀请码'}
        </Button>
      </View>
    </View>
  )
}

export default function UnitConsole() {
  const { params } = useRouter()
  const unitId = params.id ?? ''
  const unit = useLoad(() => getUnit(unitId), [unitId])
  const [invite, setInvite] = useState<Invite | null>(null)

  useShareAppMessage(() => ({
    title: unit.data ? `邀请你成为「${unit.data.name}」的活动组织者` : '青聚',
    path: invite ? `${JOIN_PAGE}?code=${invite.code}` : '/pages/index/index',
  }))

  if (unit.phase === 'loading') return <View className="form-title">加载中…</View>
  if (unit.phase === 'error') return <CallError error={unit.error} onRetry={() => void unit.reload()} />
  const u = unit.data
  const manages = u.myRole !== null
  return (
    <View className="console" data-testid="unit-console">
      <Profile unit={u} onSaved={unit.setData} />
      {manages && u.status === 'admitted' ? (
        <View className="form-actions">
          <Button
            color="primary"
            shape="round"
            onClick={() => void Taro.navigateTo({ url: `/packages/organiser/pages/event/index?unitId=${u.id}` })}
          >
            发布活动
          </Button>
          <Button
            color="primary"
            variant="outlined"
            shape="round"
            onClick={() => void Taro.navigateTo({ url: `/packages/organiser/pages/events/index?unitId=${u.id}` })}
          >
            活动管理
          </Button>
        </View>
      ) : null}
      {manages && u.status === 'admitted' ? <GrowthLinks unit={u} /> : null}
      {manages ? <Members unit={u} /> : null}
      {u.myRole === 'admin' && u.status === 'admitted' ? (
        <InviteSection unit={u} invite={invite} onInvite={setInvite} />
      ) : null}
    </View>
  )
}
