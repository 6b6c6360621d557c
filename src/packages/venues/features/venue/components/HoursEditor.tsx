/**
 * Opening hours by weekday (several ranges a day, copied to other days) and special dates (closed,
 * or special hours, with a note such as 国庆闭馆). Quarter-hour pickers; closing may be 24:00.
 */
import { Input, Picker, Switch, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import {
  WEEKDAYS,
  WEEKDAY_NAMES,
  clockOptions,
  copyHours,
  type Errors,
  type ExceptionForm,
  type Range,
} from '../editor'
import './HoursEditor.scss'

function ClockPicker({
  id,
  kind,
  value,
  onChange,
}: {
  id: string
  kind: 'opens' | 'closes'
  value: string
  onChange(v: string): void
}) {
  const options = clockOptions(kind, value)
  return (
    <Picker
      mode="selector"
      data-testid={id}
      range={options}
      value={Math.max(0, options.indexOf(value))}
      onChange={(e) => {
        const v = options[Number(e.detail.value)]
        if (v !== undefined) onChange(v)
      }}
    >
      <View className="hours__clock">{value}</View>
    </Picker>
  )
}

/** A list of ranges: each a start–end pair with 删除, and 添加时段. */
function Ranges({ id, ranges, onChange }: { id: string; ranges: Range[]; onChange(r: Range[]): void }) {
  const set = (i: number, patch: Partial<Range>) => onChange(ranges.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  // A new range starts where the last one ended (09:00–12:00, then 14:00–…).
  const add = () => {
    const last = ranges[ranges.length - 1]
    if (!last) return onChange([{ opens: '09:00', closes: '21:00' }])
    const opens = last.closes === '24:00' ? '23:00' : last.closes
    const closes =
      opens < '23:00' ? `${String(Number(opens.slice(0, 2)) + 1).padStart(2, '0')}:${opens.slice(3)}` : '24:00'
    onChange([...ranges, { opens, closes }])
  }
  return (
    <View className="hours__ranges">
      {ranges.map((r, i) => (
        <View key={i} className="hours__range" data-testid={`${id}-range`}>
          <ClockPicker id={`${id}-opens-${i}`} kind="opens" value={r.opens} onChange={(opens) => set(i, { opens })} />
          <Text className="hours__dash">–</Text>
          <ClockPicker
            id={`${id}-closes-${i}`}
            kind="closes"
            value={r.closes}
            onChange={(closes) => set(i, { closes })}
          />
          <Text
            className="hours__link"
            data-testid={`${id}-remove-${i}`}
            onClick={() => onChange(ranges.filter((_, j) => j !== i))}
          >
            删除
          </Text>
        </View>
      ))}
      <Text className="hours__link" data-testid={`${id}-add`} onClick={add}>
        + 添加时段
      </Text>
    </View>
  )
}

const COPY_TARGETS: { label: string; days: number[] }[] = [
  { label: '复制到周一至周五', days: [1, 2, 3, 4, 5] },
  { label: '复制到周六、周日', days: [6, 7] },
  { label: '复制到每一天', days: [1, 2, 3, 4, 5, 6, 7] },
]

export function WeeklyHoursEditor({
  hours,
  errors,
  onChange,
}: {
  hours: Range[][]
  errors: Errors
  onChange(h: Range[][]): void
}) {
  const copy = async (from: number) => {
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: COPY_TARGETS.map((t) => t.label) })
      const target = COPY_TARGETS[tapIndex]
      if (target) onChange(copyHours(hours, from, target.days))
    } catch {
      // Dismissed: nothing to copy.
    }
  }
  return (
    <View className="hours">
      {WEEKDAYS.map((d) => (
        <View
          key={d}
          className={`hours__day${errors[`day.${d}`] ? ' hours__day--error' : ''}`}
          data-testid={`day-${d}`}
        >
          <View className="hours__head">
            <Text className="hours__name">{WEEKDAY_NAMES[d]}</Text>
            {hours[d].length === 0 ? <Text className="hours__closed">不开放</Text> : null}
            {hours[d].length > 0 ? (
              <Text className="hours__link" data-testid={`day-${d}-copy`} onClick={() => void copy(d)}>
                复制到…
              </Text>
            ) : null}
          </View>
          <Ranges
            id={`day-${d}`}
            ranges={hours[d]}
            onChange={(r) => onChange(hours.map((x, i) => (i === d ? r : x)))}
          />
          {errors[`day.${d}`] ? <View className="field__error">{errors[`day.${d}`]}</View> : null}
        </View>
      ))}
    </View>
  )
}

export function ExceptionsEditor({
  exceptions,
  errors,
  defaultDay,
  firstDay,
  onChange,
}: {
  exceptions: ExceptionForm[]
  errors: Errors
  /** The day a new exception starts on (tomorrow, Shanghai). */
  defaultDay: string
  /** The first day that may be picked (today, Shanghai): the page sees exceptions from today on only. */
  firstDay: string
  onChange(e: ExceptionForm[]): void
}) {
  const set = (i: number, patch: Partial<ExceptionForm>) =>
    onChange(exceptions.map((e, j) => (j === i ? { ...e, ...patch } : e)))
  return (
    <View className="hours">
      {exceptions.map((e, i) => (
        <View
          key={i}
          className={`hours__day${errors[`exception.${i}`] ? ' hours__day--error' : ''}`}
          data-testid="exception"
        >
          <View className="hours__head">
            <Picker
              mode="date"
              start={firstDay}
              data-testid={`ex-${i}-day`}
              value={e.day}
              onChange={(ev) => set(i, { day: String(ev.detail.value) })}
            >
              <View className="hours__clock">{e.day || '选择日期'}</View>
            </Picker>
            <Text className="hours__label">闭馆</Text>
            <Switch
              data-testid={`ex-${i}-closed`}
              checked={e.closed}
              color="#d81e06"
              onChange={(ev) => {
                const closed = !!ev.detail.value
                set(i, {
                  closed,
                  ranges: !closed && e.ranges.length === 0 ? [{ opens: '09:00', closes: '17:00' }] : e.ranges,
                })
              }}
            />
            <Text
              className="hours__link"
              data-testid={`ex-${i}-remove`}
              onClick={() => onChange(exceptions.filter((_, j) => j !== i))}
            >
              删除
            </Text>
          </View>
          {e.closed ? null : <Ranges id={`ex-${i}`} ranges={e.ranges} onChange={(ranges) => set(i, { ranges })} />}
          <Input
            className="hours__note"
            data-testid={`ex-${i}-note`}
            value={e.note}
            maxlength={60}
            placeholder="说明，如：国庆闭馆"
            onInput={(ev) => set(i, { note: ev.detail.value })}
          />
          {errors[`exception.${i}`] ? <View className="field__error">{errors[`exception.${i}`]}</View> : null}
        </View>
      ))}
      <Text
        className="hours__link"
        data-testid="ex-add"
        onClick={() => onChange([...exceptions, { day: defaultDay, closed: true, ranges: [], note: '' }])}
      >
        + 添加特殊日期（闭馆或特殊时段）
      </Text>
    </View>
  )
}
