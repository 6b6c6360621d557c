import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { Booking } from '@api/venue'
import type { YouthGroup, YouthGroupKind } from '@api/youth-group'
import { BOOKING_STATE_NAMES } from '@contract/venue'
import { YOUTH_GROUP_KINDS, YOUTH_GROUP_KIND_NAMES, YOUTH_GROUP_STATE_NAMES } from '@contract/youth-group'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { FormError, SelectField, TextAreaField, TextField } from '@/components/form/Field'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { errorCode, errorFields, errorMessage } from '@/utils/errors'
import { formatTimeRange } from '@/utils/time'
import { applyYouthGroup, cancelGroupBooking, groupBookings, myYouthGroups } from '../../features/youth-groups/api'
import '@/components/form/form.scss'
import './index.scss'

const KIND_LABELS = YOUTH_GROUP_KINDS.map((k) => YOUTH_GROUP_KIND_NAMES[k])

/** An approved group's current bookings, each cancellable before it starts (the server holds the deadline). */
function GroupBookings({ group }: { group: YouthGroup }) {
  const list = useLoad(() => groupBookings(group.id), [group.id])
  const { busy, run } = useAction<string>()
  if (list.phase === 'loading') return <Text className="yg__line">加载预约…</Text>
  if (list.phase === 'error') return <CallError error={list.error} onRetry={() => void list.reload()} />
  const cancel = async (b: Booking) => {
    const done = await run(b.id, () => cancelGroupBooking(b.id), 'toast')
    if (done) {
      void Taro.showToast({ title: '已取消预约', icon: 'none' })
      void list.reload()
    }
  }
  const now = Date.now()
  return (
    <View data-testid="group-bookings">
      {list.data.items.length === 0 ? <Text className="yg__line">暂无预约</Text> : null}
      {list.data.items.map((b) => (
        <View key={b.id} className="yg__booking" data-testid="group-booking">
          <Text className="yg__line">
            {b.venueName} · {b.facilityName}（{BOOKING_STATE_NAMES[b.state]}）
          </Text>
          <Text className="yg__line">{formatTimeRange(b.startAt, b.endAt)}</Text>
          {b.reason ? <Text className="yg__line">原因：{b.reason}</Text> : null}
          {(b.state === 'pending' || b.state === 'approved') && Date.parse(b.startAt) > now ? (
            <Button
              size="small"
              shape="round"
              data-testid="group-booking-cancel"
              loading={busy === b.id}
              disabled={busy !== null}
              onClick={() => void cancel(b)}
            >
              取消预约
            </Button>
          ) : null}
        </View>
      ))}
      <View className="yg__link" onClick={() => void Taro.navigateTo({ url: '/packages/venues/pages/list/index' })}>
        去阵地地图预约 ›
      </View>
    </View>
  )
}

interface Form {
  name: string
  kind: number
  size: string
  intro: string
}
const EMPTY: Form = { name: '', kind: -1, size: '', intro: '' }

/** 我的青年团体: apply as a group's leader; each group's state, and an approved group's venue bookings. */
export default function MyYouthGroupsPage() {
  const groups = useLoad(() => myYouthGroups(), [])
  const [form, setForm] = useState<Form>(EMPTY)
  const [error, setError] = useState<string | null>(null)
  const [fields, setFields] = useState<Record<string, string>>({})
  const [needsProfile, setNeedsProfile] = useState(false)
  const { busy, run } = useAction<'apply'>()

  const submit = async () => {
    setError(null)
    setFields({})
    setNeedsProfile(false)
    const size = Number(form.size)
    if (!form.name.trim()) return setFields({ name: '请填写团体名称' })
    if (form.kind < 0) return setFields({ kind: '请选择类型' })
    if (!Number.isInteger(size) || size < 3) return setFields({ size: '至少 3 人' })
    const done = await run(
      'apply',
      () =>
        applyYouthGroup({
          name: form.name.trim(),
          kind: YOUTH_GROUP_KINDS[form.kind] as YouthGroupKind,
          size,
          intro: form.intro.trim(),
        }),
      (err) => {
        setError(errorMessage(err))
        setFields(errorFields(err))
        setNeedsProfile(errorCode(err) === 'IDENTITY_REQUIRED')
      },
    )
    if (done) {
      setForm(EMPTY)
      void Taro.showToast({ title: '已提交，等待团区委审核', icon: 'none' })
      void groups.reload()
    }
  }

  let list: JSX.Element
  if (groups.phase === 'loading') list = <Text className="yg__line">加载中…</Text>
  else if (groups.phase === 'error') list = <CallError error={groups.error} onRetry={() => void groups.reload()} />
  else if (groups.data.items.length === 0) list = <EmptyState text="你还没有登记青年团体" />
  else
    list = (
      <View>
        {groups.data.items.map((g) => (
          <View key={g.id} className="yg__card" data-testid="my-youth-group">
            <View className="yg__head">
              <Text className="yg__name">{g.name}</Text>
              <Text className={`yg__state yg__state--${g.state}`} data-testid="youth-group-state">
                {YOUTH_GROUP_STATE_NAMES[g.state]}
              </Text>
            </View>
            <Text className="yg__line">
              {YOUTH_GROUP_KIND_NAMES[g.kind]} · {g.size} 人
            </Text>
            {g.reason ? <Text className="yg__line">原因：{g.reason}</Text> : null}
            {g.state === 'pending' ? <Text className="yg__line">团区委审核通过后即可以团体名义预约场地</Text> : null}
            {g.state === 'approved' ? <GroupBookings group={g} /> : null}
          </View>
        ))}
      </View>
    )

  return (
    <View className="yg">
      {list}
      <Text className="yg__title">登记新团体</Text>
      <View className="yg__card" data-testid="youth-group-form">
        <Text className="yg__line">负责人为你本人，需已绑定手机号并填写真实姓名；每人最多负责 3 个团体。</Text>
        <TextField
          label="团体名称"
          name="name"
          required
          maxlength={40}
          value={form.name}
          error={fields.name}
          onChange={(name) => setForm({ ...form, name })}
        />
        <SelectField
          label="类型"
          name="kind"
          required
          options={KIND_LABELS}
          index={form.kind}
          error={fields.kind}
          onChange={(kind) => setForm({ ...form, kind })}
        />
        <TextField
          label="人数"
          name="size"
          required
          type="number"
          value={form.size}
          error={fields.size}
          onChange={(size) => setForm({ ...form, size })}
        />
        <TextAreaField
          label="简介"
          name="intro"
          maxlength={500}
          value={form.intro}
          error={fields.intro}
          onChange={(intro) => setForm({ ...form, intro })}
        />
        <FormError message={error} />
        {needsProfile ? (
          <View
            className="yg__link"
            data-testid="go-profile"
            onClick={() => void Taro.navigateTo({ url: '/packages/mine/pages/profile/index' })}
          >
            去完善个人资料 ›
          </View>
        ) : null}
        <Button
          block
          shape="round"
          color="primary"
          data-testid="youth-group-submit"
          loading={busy === 'apply'}
          disabled={busy !== null}
          onClick={() => void submit()}
        >
          提交申请
        </Button>
      </View>
    </View>
  )
}
