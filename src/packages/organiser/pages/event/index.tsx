import { useMemo, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { Category, ManagedActivity } from '@api/activity'
import type { PlanLine } from '@api/plan'
import type { Booking } from '@api/venue'
import { getPlan } from '@/features/plan/api'
import { CallError } from '@/components/CallError'
import { ReasonDialog } from '@/components/ReasonDialog'
import {
  DateTimeField,
  FieldRow,
  FormError,
  SelectField,
  SwitchField,
  TextAreaField,
  TextField,
} from '@/components/form/Field'
import { errorFields, errorMessage } from '@/utils/errors'
import { currentYear } from '@/utils/month'
import { formatTimeRange } from '@/utils/time'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import {
  cancelEvent,
  createEvent,
  finishEvent,
  getManaged,
  listCategories,
  publishEvent,
  releasableBookings,
  updateEvent,
} from '../../features/events/api'
import {
  EVENT_STATE_NAMES,
  buildFields,
  createRequest,
  emptyForm,
  suggestedLine,
  formFromActivity,
  hasChanges,
  updateRequest,
  type EventForm,
} from '../../features/events/event-form'
import { chooseAndUploadCover, choosePlace } from '../../features/events/media'
import { changeWorthNotice, offerNotice } from '../../features/signup/notice-prompt'
import '@/components/form/form.scss'
import './index.scss'

const EDITOR_PAGE = '/packages/organiser/pages/event/index'

interface EditorData {
  activity: ManagedActivity | null
  unitId: string
  categories: Category[]
  /** Lines of this year's published list led by the unit; empty when there is none. */
  lines: PlanLine[]
  planNote: string | null
  /** The line a new event starts on (none for an existing event). */
  suggested: PlanLine | null
}

async function loadEditor(
  id: string | undefined,
  unitIdParam: string | undefined,
  lineIdParam: string | undefined,
): Promise<EditorData> {
  const [activity, categories] = await Promise.all([
    id ? getManaged(id) : Promise.resolve(null),
    listCategories().then((r) => r.items),
  ])
  const unitId = activity?.unit.id ?? unitIdParam ?? ''
  let lines: PlanLine[] = []
  let planNote: string | null = null
  try {
    const plan = await getPlan(currentYear())
    if (plan.status === 'published') lines = plan.lines.filter((l) => l.unit.id === unitId)
    else planNote = `${plan.year} 年度清单尚未发布`
  } catch (err) {
    planNote = errorMessage(err)
  }
  // An event may fulfil a line of another year: keep it selectable.
  const own = activity?.planLine
  if (own && !lines.some((l) => l.id === own.id)) {
    lines = [{ id: own.id, year: own.year, title: own.title, plannedMonth: own.plannedMonth } as PlanLine, ...lines]
  }
  // A new event starts on the line the console asked for, else on the unit's next open line.
  const suggested = activity ? null : (lines.find((l) => l.id === lineIdParam) ?? suggestedLine(lines))
  return { activity, unitId, categories, lines, planNote, suggested }
}

/** The form started from a line of the list: its title, and its category unless one is chosen. */
function withLine(form: EventForm, line: PlanLine | null, categories: Category[]): EventForm {
  if (!line) return form
  const category = categories.find((c) => c.code === line.category?.code)
  return {
    ...form,
    planLineId: line.id,
    title: form.title || line.title,
    ...(category && !form.category
      ? { category: category.code, recordsServiceHours: category.awardsServiceHours }
      : {}),
  }
}

function Editor({ data, onSaved }: { data: EditorData; onSaved(a: ManagedActivity): void }) {
  const { activity, unitId, categories, lines } = data
  const [form, setForm] = useState<EventForm>(() =>
    activity ? formFromActivity(activity) : withLine(emptyForm(), data.suggested, categories),
  )
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const { busy, run: act } = useAction<'save' | 'publish' | 'cancel' | 'finish'>()
  const [cancelling, setCancelling] = useState(false)
  const [cancelError, setCancelError] = useState<string | null>(null)
  // The venue bookings cancelling would give back, and whether to give them back (offered, on by default).
  const [bookings, setBookings] = useState<Booking[]>([])
  const [releaseBookings, setReleaseBookings] = useState(true)
  // A new upload shows the phone's own copy; the saved cover shows through the link the server gave.
  const [coverPreview, setCoverPreview] = useState<string | null>(null)

  const state = activity?.state ?? 'draft'
  const editable = state === 'draft' || state === 'published'
  const set = (patch: Partial<EventForm>) => setForm((f) => ({ ...f, ...patch }))
  const coverShown = !form.coverUrl
    ? null
    : form.coverUrl === activity?.coverSource
      ? activity.coverUrl
      : (coverPreview ?? (form.coverUrl.startsWith('https://') ? form.coverUrl : null))
  const lineOptions = useMemo(
    () => ['临时活动（不在年度清单中）', ...lines.map((l) => `${l.plannedMonth}月 · ${l.title}`)],
    [lines],
  )
  const lineIndex = form.planLineId ? lines.findIndex((l) => l.id === form.planLineId) + 1 : 0

  function chooseLine(i: number) {
    const line = i > 0 ? lines[i - 1] : undefined
    if (!line) return set({ planLineId: null })
    const previous = lines.find((l) => l.id === form.planLineId)
    // A title still as the previous line gave it follows the new line; a title the organiser typed stays.
    const keepTitle = form.title.trim() !== '' && form.title !== previous?.title
    setForm(withLine(keepTitle ? form : { ...form, title: '' }, line, categories))
  }

  function fail(err: unknown) {
    setError(errorMessage(err))
    setErrors(errorFields(err))
  }

  /** Saves the form; resolves to the saved activity, or null when nothing was saved. */
  async function save(): Promise<ManagedActivity | null> {
    const built = buildFields(form)
    if (!built.ok) {
      setErrors(built.errors)
      setError('请检查标红的项目')
      return null
    }
    setErrors({})
    setError(null)
    if (!activity) return createEvent(createRequest(unitId, form, built.fields))
    const req = updateRequest(activity, form, built.fields, reason)
    if (!hasChanges(req)) return activity
    return updateEvent(req)
  }

  async function run(kind: 'save' | 'publish' | 'finish', action: () => Promise<ManagedActivity | null>, done: string) {
    await act(
      kind,
      async () => {
        const saved = await action()
        if (saved) {
          void Taro.showToast({ title: done, icon: 'success' })
          if (!activity) {
            // A new event now has an address: open it there (a reload or a shared link shows it, from the top).
            void Taro.redirectTo({ url: `${EDITOR_PAGE}?id=${encodeURIComponent(saved.id)}` })
            return
          }
          onSaved(saved)
          setReason('')
          const notice = kind === 'save' && changeWorthNotice(activity, saved)
          if (notice) void offerNotice(saved, notice)
        }
      },
      fail,
    )
  }

  const onSave = () => run('save', save, activity ? '已保存' : '已存为草稿')
  const onPublish = () =>
    run(
      'publish',
      async () => {
        const saved = await save()
        if (!saved) return null
        try {
          return await publishEvent(saved.id)
        } catch (err) {
          // A new event was saved before publishing failed: open the draft, so a second tap cannot create another.
          if (!activity) {
            void Taro.redirectTo({ url: `${EDITOR_PAGE}?id=${encodeURIComponent(saved.id)}` })
            void Taro.showModal({ title: '已存为草稿，未能发布', content: errorMessage(err), showCancel: false })
          }
          throw err
        }
      },
      '已发布',
    )
  const onFinish = async () => {
    const { confirm } = await Taro.showModal({ title: '标记已结束', content: '确认活动已经举办完毕？' })
    if (confirm && activity) await run('finish', () => finishEvent(activity.id), '已标记结束')
  }
  async function openCancel() {
    setReleaseBookings(true)
    setBookings([])
    setCancelling(true)
    // Without the bookings (e.g. the venue service unreachable) the dialog still cancels; the server's default releases them.
    if (activity) setBookings(await releasableBookings(activity.unit.id, activity.id).catch(() => []))
  }
  async function onCancel(why: string) {
    if (!activity) return
    setCancelError(null)
    await act(
      'cancel',
      async () => {
        onSaved(await cancelEvent(activity.id, why, releaseBookings))
        setCancelling(false)
      },
      (err) => setCancelError(errorMessage(err)),
    )
  }

  return (
    <View className="event-editor" data-testid="event-editor">
      {activity ? (
        <View className={`event-editor__state event-editor__state--${state}`} data-testid="event-state">
          <Text>状态：{EVENT_STATE_NAMES[state]}</Text>
          {activity.state === 'published' ? (
            <Text className="event-editor__seats">
              已报名 {activity.seatsTaken}/{activity.capacity}
            </Text>
          ) : null}
          {activity.cancelReason ? (
            <Text className="event-editor__reason">取消原因：{activity.cancelReason}</Text>
          ) : null}
          <Text
            className="event-editor__link"
            onClick={() => void Taro.navigateTo({ url: `/packages/organiser/pages/changes/index?id=${activity.id}` })}
          >
            变更记录
          </Text>
          <View className="event-editor__signup-links">
            {state !== 'cancelled' && state !== 'finished' ? (
              <Text
                className="event-editor__link"
                data-testid="link-signup-settings"
                onClick={() =>
                  void Taro.navigateTo({ url: `/packages/organiser/pages/signup-settings/index?id=${activity.id}` })
                }
              >
                报名设置
              </Text>
            ) : null}
            {state !== 'draft' ? (
              <Text
                className="event-editor__link"
                data-testid="link-roster"
                onClick={() =>
                  void Taro.navigateTo({ url: `/packages/organiser/pages/roster/index?id=${activity.id}` })
                }
              >
                报名名单
              </Text>
            ) : null}
          </View>
          {state === 'published' || state === 'finished' ? (
            <View className="event-editor__signup-links" data-testid="checkin-links">
              {state === 'published' ? (
                <>
                  <Text
                    className="event-editor__link"
                    data-testid="link-checkin-code"
                    onClick={() =>
                      void Taro.navigateTo({ url: `/packages/organiser/pages/checkin-code/index?id=${activity.id}` })
                    }
                  >
                    签到码
                  </Text>
                  <Text
                    className="event-editor__link"
                    data-testid="link-scanner"
                    onClick={() =>
                      void Taro.navigateTo({ url: `/packages/organiser/pages/scanner/index?id=${activity.id}` })
                    }
                  >
                    验票
                  </Text>
                </>
              ) : null}
              <Text
                className="event-editor__link"
                data-testid="link-hours"
                onClick={() => void Taro.navigateTo({ url: `/packages/organiser/pages/hours/index?id=${activity.id}` })}
              >
                时长审核
              </Text>
              <Text
                className="event-editor__link"
                data-testid="link-ratings"
                onClick={() => void Taro.navigateTo({ url: `/packages/rating/pages/event/index?id=${activity.id}` })}
              >
                活动评价
              </Text>
            </View>
          ) : null}
        </View>
      ) : null}

      <View className="form-card">
        <SelectField
          name="planLineId"
          label="年度清单"
          options={lineOptions}
          index={lineIndex}
          error={errors.planLineId}
          hint={data.planNote ?? (lines.length === 0 ? '本单位今年的清单中没有活动，可发布临时活动' : undefined)}
          onChange={chooseLine}
        />
        <TextField
          name="title"
          label="活动名称"
          required
          maxlength={60}
          value={form.title}
          error={errors.title}
          onChange={(title) => set({ title })}
        />
        <SelectField
          name="category"
          label="活动类别"
          required
          options={categories.map((c) => c.name)}
          index={categories.findIndex((c) => c.code === form.category)}
          error={errors.category}
          onChange={(i) => {
            const c = categories[i]
            if (c) set({ category: c.code, recordsServiceHours: c.awardsServiceHours })
          }}
        />
        <TextAreaField
          name="description"
          label="活动介绍"
          maxlength={5000}
          value={form.description}
          error={errors.description}
          onChange={(description) => set({ description })}
        />
      </View>

      <View className="form-card">
        <DateTimeField
          name="startAt"
          label="开始时间"
          required
          date={form.startDate}
          time={form.startTime}
          error={errors.startAt}
          onChange={(startDate, startTime) => set({ startDate, startTime })}
        />
        <DateTimeField
          name="endAt"
          label="结束时间"
          required
          date={form.endDate}
          time={form.endTime}
          error={errors.endAt}
          onChange={(endDate, endTime) => set({ endDate, endTime })}
        />
        <DateTimeField
          name="signupOpensAt"
          label="报名开始"
          required
          date={form.opensDate}
          time={form.opensTime}
          error={errors.signupOpensAt}
          onChange={(opensDate, opensTime) => set({ opensDate, opensTime })}
        />
        <DateTimeField
          name="signupClosesAt"
          label="报名截止"
          required
          date={form.closesDate}
          time={form.closesTime}
          error={errors.signupClosesAt}
          onChange={(closesDate, closesTime) => set({ closesDate, closesTime })}
        />
        <TextField
          name="capacity"
          label="名额"
          required
          type="number"
          maxlength={6}
          value={form.capacity}
          error={errors.capacity}
          onChange={(capacity) => set({ capacity })}
        />
        <SwitchField
          name="recordsServiceHours"
          label="记录志愿时长"
          checked={form.recordsServiceHours}
          error={errors.recordsServiceHours}
          onChange={(recordsServiceHours) => set({ recordsServiceHours })}
        />
      </View>

      <View className="form-card">
        <TextField
          name="placeName"
          label="地点名称"
          required
          maxlength={100}
          value={form.placeName}
          error={errors.placeName}
          onChange={(placeName) => set({ placeName })}
        />
        <TextField
          name="placeAddress"
          label="详细地址"
          maxlength={200}
          value={form.placeAddress}
          error={errors.placeAddress}
          onChange={(placeAddress) => set({ placeAddress })}
        />
        <FieldRow label="地图位置" name="location" error={errors.location}>
          <View className="event-editor__inline">
            <Text className="event-editor__muted">
              {form.location ? `${form.location.latitude.toFixed(5)}, ${form.location.longitude.toFixed(5)}` : '未设置'}
            </Text>
            {process.env.TARO_ENV === 'weapp' ? (
              <Text
                className="event-editor__link"
                onClick={() =>
                  void choosePlace(form.location).then((p) => {
                    if (p)
                      set({
                        location: p.location,
                        placeAddress: p.address || form.placeAddress,
                        placeName: form.placeName || p.name,
                      })
                  })
                }
              >
                选择位置
              </Text>
            ) : null}
            {form.location ? (
              <Text className="event-editor__link" onClick={() => set({ location: null })}>
                清除
              </Text>
            ) : null}
          </View>
        </FieldRow>
        <TextField
          name="contact"
          label="联系方式"
          maxlength={60}
          value={form.contact}
          error={errors.contact}
          onChange={(contact) => set({ contact })}
        />
        <FieldRow label="封面" name="coverUrl" error={errors.coverUrl}>
          <View className="event-editor__inline">
            {coverShown ? (
              <Image className="event-editor__cover" src={coverShown} mode="aspectFill" data-testid="event-cover" />
            ) : null}
            <Text
              className="event-editor__link"
              data-testid="event-cover-upload"
              onClick={() =>
                void chooseAndUploadCover(unitId)
                  .then((image) => {
                    if (!image) return
                    setCoverPreview(image.preview)
                    set({ coverUrl: image.fileId })
                  })
                  .catch((err: unknown) => void Taro.showToast({ title: errorMessage(err), icon: 'none' }))
              }
            >
              {form.coverUrl ? '更换' : '上传封面'}
            </Text>
            {form.coverUrl ? (
              <Text className="event-editor__link" onClick={() => set({ coverUrl: '' })}>
                移除
              </Text>
            ) : null}
          </View>
        </FieldRow>
      </View>

      {state === 'published' ? (
        <View className="form-card">
          <TextAreaField
            name="reason"
            label="修改说明"
            maxlength={200}
            placeholder="已报名的青年会看到这次修改的原因"
            value={reason}
            error={errors.reason}
            onChange={setReason}
          />
        </View>
      ) : null}

      <FormError message={error} />

      {editable ? (
        <View className="form-actions">
          <Button
            className="event-editor__save"
            color="primary"
            variant={state === 'draft' ? 'outlined' : 'contained'}
            shape="round"
            loading={busy === 'save'}
            disabled={busy !== null}
            onClick={() => void onSave()}
          >
            {!activity ? '保存草稿' : state === 'draft' ? '保存' : '保存修改'}
          </Button>
          {state === 'draft' ? (
            <Button
              className="event-editor__publish"
              color="primary"
              shape="round"
              loading={busy === 'publish'}
              disabled={busy !== null}
              onClick={() => void onPublish()}
            >
              {activity ? '发布' : '保存并发布'}
            </Button>
          ) : null}
        </View>
      ) : null}
      {state === 'published' && activity ? (
        <View className="form-actions">
          <Button
            className="event-editor__cancel"
            color="danger"
            variant="outlined"
            shape="round"
            disabled={busy !== null}
            onClick={() => void openCancel()}
          >
            取消活动
          </Button>
          <Button
            className="event-editor__finish"
            shape="round"
            loading={busy === 'finish'}
            disabled={busy !== null}
            onClick={() => void onFinish()}
          >
            标记已结束
          </Button>
        </View>
      ) : null}

      <ReasonDialog
        open={cancelling}
        title="取消活动"
        message="取消后不可恢复，已报名的青年会收到通知并看到原因。"
        confirmText="确认取消"
        busy={busy === 'cancel'}
        error={cancelError}
        onCancel={() => setCancelling(false)}
        onConfirm={(why) => void onCancel(why)}
      >
        {bookings.length ? (
          <View className="event-editor__release" data-testid="release-bookings">
            <SwitchField
              name="releaseBookings"
              label={`同时释放本活动的 ${bookings.length} 个场地预订`}
              checked={releaseBookings}
              onChange={setReleaseBookings}
            />
            {bookings.map((b) => (
              <Text key={b.id} className="event-editor__release-item">
                {b.venueName} · {b.facilityName} · {formatTimeRange(b.startAt, b.endAt)}
              </Text>
            ))}
          </View>
        ) : null}
      </ReasonDialog>
    </View>
  )
}

export default function EventEditorPage() {
  const { params } = useRouter()
  const data = useLoad(
    () => loadEditor(params.id, params.unitId, params.lineId),
    [params.id, params.unitId, params.lineId],
  )

  if (data.phase === 'loading') return <View className="form-title">加载中…</View>
  if (data.phase === 'error') return <CallError error={data.error} onRetry={() => void data.reload()} />
  if (!data.data.unitId) return <CallError error={new Error('缺少单位')} />
  return (
    <Editor
      // A new draft becomes an existing event: remount with its values.
      key={data.data.activity ? `${data.data.activity.id}:${data.data.activity.updatedAt}` : 'new'}
      data={data.data}
      onSaved={(a) => data.setData({ ...data.data, activity: a })}
    />
  )
}
