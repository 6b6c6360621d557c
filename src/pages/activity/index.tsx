import { Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import Cell from '@taroify/core/cell'
import '@taroify/core/cell/style'
import Skeleton from '@taroify/core/skeleton'
import '@taroify/core/skeleton/style'
import Tag from '@taroify/core/tag'
import '@taroify/core/tag/style'
import type { ActivityDetail } from '@api/activity'
import type { SignupSettings } from '@api/signup'
import { useActivityDetail } from '@/features/activities/hooks/useActivityDetail'
import { ActivityPicture } from '@/features/activities/components/ActivityPicture'
import { PhaseTag } from '@/features/activities/components/PhaseTag'
import { SignedUp } from '@/features/activities/components/SignedUp'
import { PlaceMap } from '@/features/activities/components/PlaceMap'
import { seatsText } from '@/features/activities/components/seats'
import { EmptyState } from '@/components/EmptyState'
import { useReloadOnShow } from '@/hooks/useLatest'
import { ErrorState } from '@/components/ErrorState'
import { formatTimeRange, formatWindow } from '@/utils/time'
import { useSignup } from '@/features/signup/hooks/useSignup'
import { SignupBar } from '@/features/signup/components/SignupBar'
import { seatsLeftOf } from '@/features/signup/signup-status'
import { rateText } from '@/features/signup/states'
import { CheckinBar } from '@/features/checkin/components/CheckinBar'
import { useSelfCheckin } from '@/features/checkin/hooks/useSelfCheckin'
import { HoursNoticeSection } from '@/features/hours/components/HoursNoticeSection'
import { ShareRow } from '@/features/share/components/ShareRow'
import { shareCard, timelineCard } from '@/features/share/share'
import { activityOfScene } from '@contract/share'
import './index.scss'

/** "仅限共青团员 · 18–35 岁 · 到场率不低于 80%", or null without conditions. */
function eligibilityText(s: SignupSettings): string | null {
  const e = s.eligibility
  const parts: string[] = []
  if (e.leagueMembersOnly) parts.push('仅限共青团员')
  if (e.minAge !== null && e.maxAge !== null) parts.push(`${e.minAge}–${e.maxAge} 岁`)
  else if (e.minAge !== null) parts.push(`${e.minAge} 岁及以上`)
  else if (e.maxAge !== null) parts.push(`${e.maxAge} 岁及以下`)
  if (e.minAttendanceRate !== null) parts.push(`到场率不低于 ${Math.round(e.minAttendanceRate * 100)}%`)
  return parts.length ? parts.join(' · ') : null
}

function Detail({ activity: a }: { activity: ActivityDetail }) {
  const signup = useSignup(a.id)
  // Back from the profile page or 我的活动: my state may have changed.
  useReloadOnShow(signup.reload)
  const summary = signup.summary
  const waiting = summary?.counts.waitlisted ?? 0
  const conditions = summary ? eligibilityText(summary.settings) : null
  const minRate = summary?.settings.eligibility.minAttendanceRate ?? null
  // Only a held place may check in: nobody else asks the check-in function anything.
  const mayCheckIn = signup.mine?.state === 'confirmed' || signup.mine?.state === 'attended'
  const checkin = useSelfCheckin(a.id, mayCheckIn)
  return (
    <View className="detail" data-testid="activity-detail">
      <ActivityPicture className="detail__cover" coverUrl={a.coverUrl} category={a.category} shape="banner" />
      <View className="detail__head">
        <Text className="detail__title">{a.title}</Text>
        <View className="detail__tags">
          <PhaseTag phase={a.phase} />
          <Tag className="detail__category" variant="outlined" color="primary" shape="rounded">
            {a.category.name}
          </Tag>
          {a.recordsServiceHours ? (
            <Tag className="detail__hours" variant="outlined" color="success" shape="rounded">
              志愿时长
            </Tag>
          ) : null}
        </View>
        <View className="detail__signed-up">
          <SignedUp count={a.signedUp} avatars={a.avatars} size="large" />
        </View>
      </View>

      <CheckinBar activityId={a.id} checkin={checkin} />
      <HoursNoticeSection
        activityId={a.id}
        enabled={signup.signedIn === true && a.recordsServiceHours && a.phase === 'finished'}
      />

      <Cell.Group className="detail__cells" inset>
        <Cell title="主办单位" className="detail__unit">
          {a.unit.name}
        </Cell>
        {a.planLine ? (
          <Cell title="所属清单" className="detail__plan-line">
            年度清单：{a.planLine.title}（{a.planLine.plannedMonth}月）
          </Cell>
        ) : null}
        <Cell title="活动时间" className="detail__time">
          {formatTimeRange(a.startAt, a.endAt)}
        </Cell>
        <Cell title="活动地点" className="detail__place">
          <Text className="detail__place-name">{a.placeName}</Text>
          {a.placeAddress ? <Text className="detail__address">{a.placeAddress}</Text> : null}
        </Cell>
        <Cell title="名额" className="detail__seats">
          {summary ? seatsText(seatsLeftOf(summary), summary.capacity) : seatsText(a.seatsLeft, a.capacity)}
          {waiting > 0 ? <Text className="detail__waiting">（候补 {waiting} 人）</Text> : null}
        </Cell>
        {summary && summary.quotas.length > 1 ? (
          <Cell title="名额分配" className="detail__quotas">
            {summary.quotas.map((q) => `${q.key} ${Math.max(0, q.capacity - q.taken)}/${q.capacity}`).join('　')}
          </Cell>
        ) : null}
        {conditions ? (
          <Cell title="报名条件" className="detail__conditions">
            {conditions}
          </Cell>
        ) : null}
        {minRate !== null && signup.profile ? (
          <Cell title="我的到场率" className="detail__my-rate">
            {rateText(signup.profile.attendanceRate)}
            {signup.profile.attendanceRate !== null
              ? `（到场 ${signup.profile.attended} 次，缺席 ${signup.profile.noShows} 次）`
              : ''}
          </Cell>
        ) : null}
        <Cell title="报名时间" className="detail__window">
          {formatWindow(a.signupOpensAt, a.signupClosesAt)}
        </Cell>
        {a.contact ? (
          <Cell title="联系方式" className="detail__contact">
            {a.contact}
          </Cell>
        ) : null}
      </Cell.Group>

      {a.location ? (
        <View className="detail__section">
          <Text className="detail__section-title">活动地点</Text>
          <PlaceMap name={a.placeName} address={a.placeAddress} location={a.location} />
        </View>
      ) : null}

      <View className="detail__section">
        <Text className="detail__section-title">活动介绍</Text>
        {/* Plain text from the organiser: Text keeps its newlines. */}
        <Text className="detail__description" userSelect>
          {a.description}
        </Text>
      </View>

      <ShareRow activityId={a.id} phase={a.phase} />

      <SignupBar
        activity={a}
        summary={summary}
        mine={signup.mine}
        signedIn={signup.signedIn}
        lastScan={checkin.mine?.lastDirection ?? null}
        onChanged={(reg) => {
          signup.setMine(reg)
          void signup.reload()
        }}
        onStale={() => void signup.reload()}
      />
    </View>
  )
}

export default function ActivityPage() {
  const router = useRouter()
  // Opened by id (lists, share cards, messages) or by a poster's mini-program code (its `scene`).
  const { state, reload } = useActivityDetail(router.params.id ?? activityOfScene(router.params.scene) ?? undefined)
  const shown = state.phase === 'ready' ? state.activity : null
  useShareAppMessage(() => shareCard(shown))
  useShareTimeline(() => timelineCard(shown))

  switch (state.phase) {
    case 'loading':
      return (
        <View className="detail detail--loading" data-testid="detail-skeleton">
          <Skeleton title row={6} />
        </View>
      )
    case 'not-found':
      return <EmptyState text="活动不存在或已下线" />
    case 'error':
      return <ErrorState message={state.message} onRetry={() => void reload()} />
    case 'ready':
      return <Detail activity={state.activity} />
  }
}
