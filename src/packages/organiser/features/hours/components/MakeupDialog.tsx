import { useState } from 'react'
import { Image, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { MakeupRequest } from '@api/hours'
import { useAction } from '@/hooks/useAction'
import { dayText } from '../labels'
import { MAX_EVIDENCE_PHOTOS, chooseAndUploadEvidence, type EvidencePhoto } from '../evidence'
import { type PersonOption, checkReason, parseHours } from '../ledger'
import './hours.scss'

interface Props {
  open: boolean
  /** The event the photos are uploaded for. */
  activityId: string
  people: PersonOption[]
  days: string[]
  stepHours: number
  busy: boolean
  error: string | null
  onCancel(): void
  onSubmit(req: MakeupRequest): void
}

/** 补录: hours for someone whose scans are missing, with a reason, a note on the evidence and photos. */
export function MakeupDialog(props: Props) {
  // Mounted only while open: every opening starts with an empty form.
  return props.open ? <MakeupForm {...props} /> : null
}

function MakeupForm({ activityId, people, days, stepHours, busy, error, onCancel, onSubmit }: Props) {
  const [person, setPerson] = useState(-1)
  const [day, setDay] = useState(days.length === 1 ? 0 : -1)
  const [hours, setHours] = useState('')
  const [reason, setReason] = useState('')
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<EvidencePhoto[]>([])
  const upload = useAction()
  const uploading = upload.busy !== null
  const [problem, setProblem] = useState<string | null>(null)

  async function addPhotos() {
    await upload.run(
      'photos',
      async () => {
        const added = await chooseAndUploadEvidence(activityId, MAX_EVIDENCE_PHOTOS - photos.length)
        setPhotos((current) => [...current, ...added].slice(0, MAX_EVIDENCE_PHOTOS))
      },
      () => setProblem('照片上传失败，请重试'),
    )
  }

  function submit() {
    const p = people[person]
    if (!p) return setProblem('请选择补录的人')
    const d = days[day]
    if (!d) return setProblem('请选择日期')
    const h = parseHours(hours, stepHours, { positive: true })
    if (!h.ok) return setProblem(h.message)
    const r = checkReason(reason, '补录原因')
    if (!r.ok) return setProblem(r.message)
    const n = checkReason(note, '证明材料说明')
    if (!n.ok) return setProblem(n.message)
    setProblem(null)
    onSubmit({
      registrationId: p.registrationId,
      day: d,
      hours: h.value,
      reason: r.value,
      evidence: { note: n.value, fileIds: photos.map((p) => p.fileId) },
    })
  }

  return (
    <View className="hours-dialog" data-testid="makeup-dialog" catchMove>
      <View className="hours-dialog__box">
        <Text className="hours-dialog__title">补录时长</Text>
        <Text className="hours-dialog__message">
          补录的时长须确认后才计入；同一人在本活动的时长不会超过活动安排的时间。
        </Text>
        <Text className="hours-dialog__label">人员</Text>
        <Picker
          mode="selector"
          data-testid="makeup-person"
          range={people.map((p) => p.name)}
          value={Math.max(0, person)}
          onChange={(e) => setPerson(Number(e.detail.value))}
        >
          <View className={`hours-dialog__picker${person < 0 ? ' hours-dialog__picker--empty' : ''}`}>
            {people[person]?.name ?? (people.length ? '选择人员' : '没有可补录的报名者')}
          </View>
        </Picker>
        <Text className="hours-dialog__label">日期</Text>
        <Picker
          mode="selector"
          data-testid="makeup-day"
          range={days.map((d) => dayText(d))}
          value={Math.max(0, day)}
          onChange={(e) => setDay(Number(e.detail.value))}
        >
          <View className={`hours-dialog__picker${day < 0 ? ' hours-dialog__picker--empty' : ''}`}>
            {days[day] ? dayText(days[day]) : '选择日期'}
          </View>
        </Picker>
        <Text className="hours-dialog__label">时长（小时）</Text>
        <Input
          className="hours-dialog__input"
          data-testid="makeup-hours"
          type="digit"
          value={hours}
          maxlength={5}
          onInput={(e) => setHours(e.detail.value)}
        />
        <Text className="hours-dialog__label">补录原因</Text>
        <Textarea
          className="hours-dialog__textarea"
          data-testid="makeup-reason"
          value={reason}
          maxlength={200}
          placeholder="例如：手机没电，未能扫码签到"
          onInput={(e) => setReason(e.detail.value)}
        />
        <Text className="hours-dialog__label">证明材料说明</Text>
        <Textarea
          className="hours-dialog__textarea"
          data-testid="makeup-evidence"
          value={note}
          maxlength={500}
          placeholder="例如：现场合影、负责人王老师可证明"
          onInput={(e) => setNote(e.detail.value)}
        />
        <View className="hours-dialog__photos" data-testid="makeup-photos">
          {photos.map((p) => (
            <Image key={p.fileId} className="hours-dialog__photo" src={p.preview} mode="aspectFill" />
          ))}
          {photos.length < MAX_EVIDENCE_PHOTOS ? (
            <Button
              size="small"
              shape="round"
              variant="outlined"
              loading={uploading}
              disabled={uploading || busy}
              data-testid="makeup-add-photo"
              onClick={() => void addPhotos()}
            >
              添加照片
            </Button>
          ) : null}
        </View>
        {problem || error ? (
          <Text className="hours-dialog__error" data-testid="makeup-error">
            {problem ?? error}
          </Text>
        ) : null}
        <View className="hours-dialog__actions">
          <Button shape="round" disabled={busy} onClick={onCancel}>
            取消
          </Button>
          <Button
            data-testid="makeup-submit"
            color="primary"
            shape="round"
            loading={busy}
            disabled={busy || uploading}
            onClick={submit}
          >
            补录
          </Button>
        </View>
      </View>
    </View>
  )
}
