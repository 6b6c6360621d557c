import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { Booking, Facility } from '@api/venue'
import { MAX_RECURRING_WEEKS } from '@contract/venue'
import { FieldRow, FormError, SelectField, SwitchField, TextField } from '@/components/form/Field'
import '@/components/form/form.scss'
import { errorFields, errorMessage } from '@/utils/errors'
import { formatTimeRange } from '@/utils/time'
import { book, bookRecurring, unitEvents } from '../api'
import './BookingSheet.scss'

interface Props {
  facility: Facility
  venueName: string
  range: { startAt: string; endAt: string }
  /** The units the caller organises (session.me). */
  units: { id: string; name: string }[]
  /** The approved youth groups the caller leads, when the facility is open to groups. */
  groups?: { id: string; name: string }[]
  onClose(): void
  onBooked(items: Booking[]): void
}

const WEEK_OPTIONS = Array.from({ length: MAX_RECURRING_WEEKS - 1 }, (_, i) => i + 2)

/**
 * 预订 a picked time: the unit, the purpose, optionally one of the unit's events and a weekly
 * repeat (all weeks or none). A refusal (a clash, a rule) stays in the sheet in the server's words.
 */
export function BookingSheet({ facility, venueName, range, units, groups = [], onClose, onBooked }: Props) {
  // 以…名义预约: one of my units, or one of my approved groups (a group books without an event).
  const bookers = [
    ...units.map((u) => ({ kind: 'unit' as const, id: u.id, name: u.name })),
    ...groups.map((g) => ({ kind: 'group' as const, id: g.id, name: `${g.name}（青年团体）` })),
  ]
  const [unitIndex, setUnitIndex] = useState(0)
  const [purpose, setPurpose] = useState('')
  const [events, setEvents] = useState<{ id: string; title: string }[]>([])
  const [eventIndex, setEventIndex] = useState(0)
  const [repeat, setRepeat] = useState(false)
  const [weeksIndex, setWeeksIndex] = useState(2)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [fields, setFields] = useState<Record<string, string>>({})
  const unit = bookers[unitIndex]
  const unitId = unit?.kind === 'unit' ? unit.id : undefined

  useEffect(() => {
    let live = true
    setEvents([])
    setEventIndex(0)
    if (!unitId) return
    unitEvents(unitId).then(
      (items) => live && setEvents(items),
      () => undefined, // linking an event is optional: without the list, book without one
    )
    return () => {
      live = false
    }
  }, [unitId])

  const submit = async () => {
    if (!unit || busy) return
    setBusy(true)
    setError(null)
    setFields({})
    const req = {
      facilityId: facility.id,
      ...(unit.kind === 'unit' ? { unitId: unit.id } : { groupId: unit.id }),
      startAt: range.startAt,
      endAt: range.endAt,
      purpose: purpose.trim(),
      activityId: unit.kind === 'unit' && eventIndex > 0 ? events[eventIndex - 1].id : null,
    }
    try {
      const items = repeat
        ? (await bookRecurring({ ...req, weeks: WEEK_OPTIONS[weeksIndex] })).items
        : [await book(req)]
      onBooked(items)
    } catch (err) {
      setError(errorMessage(err))
      setFields(errorFields(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="booking-sheet" data-testid="booking-sheet" catchMove>
      <View className="booking-sheet__panel">
        <Text className="booking-sheet__title">预订 {facility.name}</Text>
        <Text className="booking-sheet__sub">{venueName}</Text>
        <View className="form-card booking-sheet__form">
          <FieldRow label="时间">
            <Text data-testid="booking-time">{formatTimeRange(range.startAt, range.endAt)}</Text>
          </FieldRow>
          {groups.length > 0 ? (
            <SelectField
              label="以…名义预约"
              name="booker"
              required
              options={bookers.map((b) => b.name)}
              index={unitIndex}
              onChange={setUnitIndex}
            />
          ) : units.length > 1 ? (
            <SelectField
              label="预订单位"
              name="unit"
              required
              options={units.map((u) => u.name)}
              index={unitIndex}
              onChange={setUnitIndex}
            />
          ) : (
            <FieldRow label="预订单位">
              <Text>{unit?.name}</Text>
            </FieldRow>
          )}
          <TextField
            label="用途"
            name="purpose"
            required
            value={purpose}
            maxlength={100}
            placeholder="如：青年羽毛球交流赛"
            error={fields.purpose}
            onChange={setPurpose}
          />
          {unit?.kind === 'unit' ? (
            <SelectField
              label="关联活动（选填）"
              name="event"
              options={['不关联活动', ...events.map((e) => e.title)]}
              index={eventIndex}
              onChange={setEventIndex}
            />
          ) : null}
          <SwitchField label="每周重复" name="repeat" checked={repeat} onChange={setRepeat} />
          {repeat ? (
            <SelectField
              label="重复周数"
              name="weeks"
              options={WEEK_OPTIONS.map((w) => `连续 ${w} 周`)}
              index={weeksIndex}
              onChange={setWeeksIndex}
              hint="每周同一时间，有一周冲突则全部不预订"
            />
          ) : null}
          {facility.needsApproval ? (
            <Text className="booking-sheet__note">该场地需场地方审批，审批结果会通知你。</Text>
          ) : null}
        </View>
        <FormError message={error} />
        <View className="booking-sheet__actions">
          <Button shape="round" onClick={onClose} disabled={busy}>
            取消
          </Button>
          <Button
            color="primary"
            shape="round"
            data-testid="booking-submit"
            loading={busy}
            disabled={busy || purpose.trim().length === 0}
            onClick={() => void submit()}
          >
            {facility.needsApproval ? '提交申请' : '确认预订'}
          </Button>
        </View>
      </View>
    </View>
  )
}
