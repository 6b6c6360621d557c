import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import type { VenueDetail } from '@api/venue'
import { FACILITY_KIND_NAMES, MAX_VENUE_PHOTOS, VENUE_TIERS, VENUE_TIER_NAMES } from '@contract/venue'
import { CallError, SignInPrompt } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { ErrorState } from '@/components/ErrorState'
import { FieldRow, FormSubmit, SelectField, TextAreaField, TextField } from '@/components/form/Field'
import { chooseAndUploadImages } from '@/features/images/upload'
import { useSessionStore } from '@/features/session/store/session'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { errorFields, errorMessage } from '@/utils/errors'
import { shanghaiDate } from '@/utils/instant'
import { createVenue, getVenue, updateVenue } from '../../features/venue/api'
import { ExceptionsEditor, WeeklyHoursEditor } from '../../features/venue/components/HoursEditor'
import {
  VENUE_LIMITS,
  buildVenue,
  createVenueRequest,
  emptyVenueForm,
  ownersOf,
  sectionError,
  updateVenueRequest,
  venueFormFrom,
  type Errors,
  type Owner,
  type VenueForm,
} from '../../features/venue/editor'
import { formatMinutes } from '../../features/venue/labels'
import { choosePlace } from '../../features/venue/place'
import '@/components/form/form.scss'
import './index.scss'

const DISTRICT = 'district'
const FACILITY = '/packages/venues/pages/facility/index'
const TIER_OPTIONS = VENUE_TIERS.map((t) => VENUE_TIER_NAMES[t])

function Editor({ venue, owner }: { venue: VenueDetail | null; owner: Owner | null }) {
  const [initial] = useState<VenueForm>(() => (venue ? venueFormFrom(venue) : emptyVenueForm()))
  const [form, setForm] = useState<VenueForm>(initial)
  const [errors, setErrors] = useState<Errors>({})
  const [error, setError] = useState<string | null>(null)
  const { busy, run } = useAction<'save'>()
  const set = (patch: Partial<VenueForm>) => setForm((f) => ({ ...f, ...patch }))
  const [uploading, setUploading] = useState(false)

  // Photos are the owner's own images: uploaded to names the server gives the owner unit (or the district).
  async function addPhotos() {
    if (uploading) return
    setUploading(true)
    try {
      const added = await chooseAndUploadImages(
        venue ? venue.ownerUnitId : (owner?.unitId ?? null),
        MAX_VENUE_PHOTOS - form.photos.length,
      )
      setForm((f) => ({
        ...f,
        photos: [...f.photos, ...added.map((a) => ({ source: a.fileId, shown: a.preview }))].slice(0, MAX_VENUE_PHOTOS),
      }))
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' })
    } finally {
      setUploading(false)
    }
  }

  async function save() {
    const built = buildVenue(form)
    if (!built.ok) {
      setErrors(built.errors)
      setError('请检查标红的项目')
      return
    }
    setErrors({})
    setError(null)
    await run(
      'save',
      async () => {
        if (!venue) {
          const created = await createVenue(createVenueRequest(owner?.unitId ?? null, built.fields))
          void Taro.showToast({ title: '已登记，请添加设施', icon: 'none' })
          // The editor of the new venue: its facilities are added there.
          await Taro.redirectTo({ url: `/packages/venues/pages/edit/index?id=${encodeURIComponent(created.id)}` })
          return
        }
        const { req, changed } = updateVenueRequest(venue.id, initial, built.fields)
        if (changed) await updateVenue(req)
        void Taro.showToast({ title: '已保存', icon: 'success' })
        await Taro.navigateBack().catch(() => undefined)
      },
      (err) => {
        setError(errorMessage(err))
        setErrors(errorFields(err))
      },
    )
  }

  const place =
    form.latitude && form.longitude ? { latitude: Number(form.latitude), longitude: Number(form.longitude) } : null

  return (
    <View>
      <Text className="form-title">基本信息</Text>
      <View className="form-card">
        <TextField
          name="name"
          label="场地名称"
          required
          maxlength={VENUE_LIMITS.name}
          placeholder="如：邮政大楼三楼青年之家"
          value={form.name}
          error={errors.name}
          onChange={(name) => set({ name })}
        />
        <SelectField
          name="tier"
          label="类型"
          required
          options={TIER_OPTIONS}
          index={form.tier ? VENUE_TIERS.indexOf(form.tier) : -1}
          error={errors.tier}
          onChange={(i) => set({ tier: VENUE_TIERS[i] ?? null })}
        />
        <TextAreaField
          name="intro"
          label="简介"
          maxlength={VENUE_LIMITS.intro}
          placeholder="场地特色、可开展的活动、交通等"
          value={form.intro}
          error={errors.intro}
          onChange={(intro) => set({ intro })}
        />
        <FieldRow label="照片" name="photos" error={errors.photos}>
          <View className="ve__photos" data-testid="venue-photos-edit">
            {form.photos.map((p, i) => (
              <View key={p.source} className="ve__photo-box">
                {p.shown ? (
                  <Image className="ve__photo" src={p.shown} mode="aspectFill" />
                ) : (
                  <View className="ve__photo" />
                )}
                <Text
                  className="ve__photo-remove"
                  data-testid="venue-photo-remove"
                  onClick={() => set({ photos: form.photos.filter((_, j) => j !== i) })}
                >
                  ✕
                </Text>
              </View>
            ))}
            {form.photos.length < MAX_VENUE_PHOTOS ? (
              <Text className="ve__link" data-testid="venue-photo-add" onClick={() => void addPhotos()}>
                {uploading ? '上传中…' : '添加照片'}
              </Text>
            ) : null}
          </View>
        </FieldRow>
      </View>

      <Text className="form-title">位置</Text>
      <View className="form-card">
        <TextField
          name="address"
          label="地址"
          maxlength={VENUE_LIMITS.address}
          value={form.address}
          error={errors.address}
          onChange={(address) => set({ address })}
        />
        {process.env.TARO_ENV === 'weapp' ? (
          <FieldRow label="地图位置" name="location" error={sectionError(errors, 'location')}>
            <View className="ve__inline">
              <Text className="ve__muted">{place ? `${form.latitude}, ${form.longitude}` : '未设置'}</Text>
              <Text
                className="ve__link"
                onClick={() =>
                  void choosePlace(place).then((p) => {
                    if (p)
                      set({
                        latitude: String(p.location.latitude),
                        longitude: String(p.location.longitude),
                        address: form.address || p.address,
                      })
                  })
                }
              >
                在地图上选择
              </Text>
              {place ? (
                <Text className="ve__link" onClick={() => set({ latitude: '', longitude: '' })}>
                  清除
                </Text>
              ) : null}
            </View>
          </FieldRow>
        ) : (
          <FieldRow
            label="坐标（选填）"
            name="location"
            error={sectionError(errors, 'location')}
            hint="GCJ-02 坐标，可在腾讯地图或高德地图上取点；用于按距离排序和区域示意图"
          >
            <View className="ve__coords">
              <TextField
                name="latitude"
                label="纬度"
                type="digit"
                placeholder="如 32.1865"
                value={form.latitude}
                onChange={(latitude) => set({ latitude })}
              />
              <TextField
                name="longitude"
                label="经度"
                type="digit"
                placeholder="如 119.4129"
                value={form.longitude}
                onChange={(longitude) => set({ longitude })}
              />
            </View>
          </FieldRow>
        )}
      </View>

      <Text className="form-title">联系人</Text>
      <View className="form-card">
        <TextField
          name="contactName"
          label="联系人"
          maxlength={VENUE_LIMITS.contactName}
          value={form.contactName}
          error={errors.contactName}
          onChange={(contactName) => set({ contactName })}
        />
        <TextField
          name="contactPhone"
          label="联系电话"
          type="number"
          maxlength={20}
          placeholder={venue?.contactMasked ? `${venue.contactPhone}（不改动请留空）` : '11 位手机号码'}
          hint="成员单位的人可以看到完整号码并一键拨打，其他人看到的号码中间隐藏"
          value={form.contactPhone}
          error={errors.contactPhone}
          onChange={(contactPhone) => set({ contactPhone })}
        />
      </View>

      <Text className="form-title">开放时间</Text>
      <View className="form-card" data-testid="hours">
        <WeeklyHoursEditor hours={form.hours} errors={errors} onChange={(hours) => set({ hours })} />
        {sectionError(errors, 'hours') ? <View className="field__error">{sectionError(errors, 'hours')}</View> : null}
      </View>

      <Text className="form-title">特殊日期</Text>
      <View className="form-card" data-testid="exceptions">
        <ExceptionsEditor
          exceptions={form.exceptions}
          errors={errors}
          defaultDay={shanghaiDate(new Date(), 1)}
          firstDay={shanghaiDate(new Date(), 0)}
          onChange={(exceptions) => set({ exceptions })}
        />
        {sectionError(errors, 'exceptions') ? (
          <View className="field__error">{sectionError(errors, 'exceptions')}</View>
        ) : null}
      </View>

      <FormSubmit
        error={error}
        loading={busy === 'save'}
        onSubmit={() => void save()}
        testId="venue-save"
        className="ve__actions"
      >
        {venue ? '保存' : '登记场地'}
      </FormSubmit>
    </View>
  )
}

function Facilities({ venue }: { venue: VenueDetail }) {
  const open = (url: string) => void Taro.navigateTo({ url })
  const base = `${FACILITY}?venueId=${encodeURIComponent(venue.id)}`
  return (
    <View>
      <Text className="form-title">设施（可预订的场地）</Text>
      <View className="form-card">
        {venue.facilities.length === 0 ? <Text className="ve__muted">还没有设施，添加后其他单位才能预订</Text> : null}
        {venue.facilities.map((f) => (
          <View
            key={f.id}
            className="ve__facility"
            data-testid="facility-item"
            onClick={() => open(`${base}&id=${encodeURIComponent(f.id)}`)}
          >
            <View className="ve__facility-main">
              <Text className="ve__facility-name">{f.name}</Text>
              <Text className="ve__muted">
                {FACILITY_KIND_NAMES[f.kind]}
                {f.seats ? ` · ${f.seats} 座` : ''} · {f.needsApproval ? '需审批' : '自动通过'} · 每次{' '}
                {formatMinutes(f.minMinutes)}–{formatMinutes(f.maxMinutes)}
              </Text>
            </View>
            <Text className="ve__link">编辑 ›</Text>
          </View>
        ))}
        <Text className="ve__link ve__add" data-testid="facility-new" onClick={() => open(base)}>
          + 新增设施
        </Text>
      </View>
    </View>
  )
}

/** 场地信息: register a venue for a unit (or the district), or edit one; its facilities below. */
export default function VenueEditorPage() {
  const { params } = useRouter()
  const venueId = params.id ?? null
  const session = useSessionStore()
  const [shown, setShown] = useState(0)

  useDidShow(() => {
    void useSessionStore.getState().load()
    setShown((n) => n + 1)
  })
  // Read again when back from a facility (the list below changes); the form keeps what was typed.
  const detail = useLoad(() => (venueId ? getVenue(venueId) : Promise.resolve(null)), [venueId, shown])

  if (session.phase === 'signed-out') return <SignInPrompt />
  if (session.phase === 'error')
    return <ErrorState message={session.error ?? '加载失败'} onRetry={() => void session.load(true)} />
  if (!session.me) return <View className="ve__hint">加载中…</View>
  if (detail.phase === 'error') return <CallError error={detail.error} onRetry={() => void detail.reload()} />
  if (detail.phase === 'loading') return <View className="ve__hint">加载中…</View>

  const venue = detail.data
  if (venue) {
    if (!venue.canEdit) return <EmptyState text="只有场地所属单位的管理员或团区委可以修改场地" />
    return (
      <View className="ve">
        <Text className="ve__owner">{`${venue.ownerName} · ${venue.name}`}</Text>
        <Editor key={venue.id} venue={venue} owner={null} />
        <Facilities venue={venue} />
      </View>
    )
  }
  const ownerKey = params.owner ?? ''
  const owner = ownersOf(session.me).find((o) => (o.unitId ?? DISTRICT) === ownerKey)
  if (!owner) return <EmptyState text="只有成员单位的管理员或团区委可以登记场地" />
  return (
    <View className="ve">
      <Text className="ve__owner">{`${owner.name} · 新增阵地`}</Text>
      <Editor venue={null} owner={owner} />
    </View>
  )
}
