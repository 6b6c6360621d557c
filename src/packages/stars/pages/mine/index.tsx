import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { StarProgress } from '@api/star'
import { CallError } from '@/components/CallError'
import { EmptyState } from '@/components/EmptyState'
import { FormError, TextAreaField } from '@/components/form/Field'
import { PrivacyGate } from '@/features/privacy/components/PrivacyGate'
import { useAction } from '@/hooks/useAction'
import { useLoad } from '@/hooks/useLoad'
import { errorMessage } from '@/utils/errors'
import { currentYear } from '@/utils/month'
import { EVIDENCE_STATE_NAMES, MAX_PHOTOS, myStars, pickEvidencePhotos, submitEvidence } from '../../features/api'
import './index.scss'

/** One indicator: its progress bar (plain Views), what it needs, and for evidence ones where the evidence stands. */
function IndicatorRow({ i, onSubmit }: { i: StarProgress; onSubmit: (i: StarProgress) => void }) {
  const share = i.kind === 'evidence' ? (i.met ? 1 : 0) : Math.min(1, i.progress / i.threshold)
  const canSubmit = i.kind === 'evidence' && (!i.evidence || i.evidence.state === 'declined')
  return (
    <View className={`stars__item${i.met ? ' stars__item--met' : ''}`} data-testid="star-indicator">
      <View className="stars__head">
        <Text className="stars__star">{i.met ? '★' : '☆'}</Text>
        <Text className="stars__name">{i.name}</Text>
        <Text className="stars__count" data-testid="star-progress">
          {i.kind === 'evidence' ? (i.met ? '已获得' : '待证明') : `${i.progress}/${i.threshold} ${i.unit}`}
        </Text>
      </View>
      <View className="stars__bar">
        <View className="stars__fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </View>
      {i.description ? <View className="stars__desc">{i.description}</View> : null}
      {i.evidence ? (
        <View className="stars__evidence" data-testid="star-evidence">
          证明（{i.evidence.unitName}）：{EVIDENCE_STATE_NAMES[i.evidence.state]}
          {i.evidence.reason ? `，原因：${i.evidence.reason}` : ''}
        </View>
      ) : null}
      {canSubmit ? (
        <Text className="stars__link" data-testid="star-submit-open" onClick={() => onSubmit(i)}>
          {i.evidence ? '重新提交证明' : '提交证明'}
        </Text>
      ) : null}
    </View>
  )
}

/** The year asked for (`?year=`, from the record's stars block), else this year; never a future year. */
function yearAsked(param: string | undefined): number {
  const now = currentYear()
  const asked = Number(param)
  return Number.isInteger(asked) && asked >= 2000 && asked <= now ? asked : now
}

/** 我的摘星: a year's indicators (this year unless asked) with progress read from the person's records; evidence with photos. */
function MyStars() {
  const year = yearAsked(useRouter().params.year)
  const stars = useLoad(() => myStars(year), [year])
  const [target, setTarget] = useState<StarProgress | null>(null)
  const [unitId, setUnitId] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<{ fileId: string; preview: string }[]>([])
  const [error, setError] = useState<string | null>(null)
  const { busy, run } = useAction<'photos' | 'submit'>()

  if (stars.phase === 'error') return <CallError error={stars.error} onRetry={() => void stars.reload()} />
  if (stars.phase === 'loading') return <View className="stars__hint">加载中…</View>
  const data = stars.data
  if (!data.published) return <EmptyState text={`${year} 年的摘星指标尚未发布`} />
  const unit = unitId ?? data.units[0]?.id ?? null

  const addPhotos = async () => {
    if (!unit) return
    const added = await run('photos', () => pickEvidencePhotos(unit, MAX_PHOTOS - photos.length))
    if (added) setPhotos([...photos, ...added])
  }
  const submit = async () => {
    if (!target || !unit) return
    if (note.trim().length < 2) {
      setError('请写下证明说明（至少 2 个字）')
      return
    }
    setError(null)
    const done = await run(
      'submit',
      () => submitEvidence({ indicatorId: target.id, unitId: unit, note, fileIds: photos.map((p) => p.fileId) }),
      (err) => setError(errorMessage(err)),
    )
    if (done) {
      void Taro.showToast({ title: '已提交，等待审核', icon: 'none' })
      setTarget(null)
      setNote('')
      setPhotos([])
      void stars.reload()
    }
  }

  return (
    <View className="stars">
      <View className="stars__total" data-testid="star-total">
        {year} 年已摘 {data.stars} / {data.indicators.length} 颗星
      </View>
      {data.indicators.map((i) => (
        <IndicatorRow key={i.id} i={i} onSubmit={setTarget} />
      ))}
      {target ? (
        <View className="stars__form" data-testid="star-form">
          <View className="stars__form-title">提交「{target.name}」的证明</View>
          {data.units.length === 0 ? (
            <View className="stars__hint">你还没有加入单位或参加过活动，暂时无法提交证明</View>
          ) : (
            <View className="stars__chips">
              {data.units.map((u) => (
                <Text
                  key={u.id}
                  className={`stars__chip${u.id === unit ? ' stars__chip--on' : ''}`}
                  data-testid="star-unit"
                  onClick={() => {
                    setUnitId(u.id)
                    setPhotos([])
                  }}
                >
                  {u.name}
                </Text>
              ))}
            </View>
          )}
          <TextAreaField
            name="note"
            label="证明说明"
            value={note}
            onChange={setNote}
            maxlength={300}
            placeholder="做了什么、何时何地"
          />
          <View className="stars__photos">
            {photos.map((p) => (
              <Image key={p.fileId} className="stars__photo" src={p.preview} mode="aspectFill" />
            ))}
            {photos.length < MAX_PHOTOS && unit ? (
              <Text className="stars__link" data-testid="star-add-photos" onClick={() => void addPhotos()}>
                {busy === 'photos' ? '上传中…' : `添加照片（最多 ${MAX_PHOTOS} 张）`}
              </Text>
            ) : null}
          </View>
          <FormError message={error} />
          <View className="form-actions">
            <Button
              color="primary"
              shape="round"
              data-testid="star-submit"
              loading={busy === 'submit'}
              disabled={busy !== null || !unit}
              onClick={() => void submit()}
            >
              提交证明
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  )
}

/** Behind the privacy consent: nothing of the person's records is read, nor a photo taken, before it. */
export default function MyStarsPage() {
  return (
    <PrivacyGate purpose="查看摘星进度、提交证明">
      <MyStars />
    </PrivacyGate>
  )
}
