import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { LedgerEntry } from '@api/hours'
import { displayName } from '@/utils/display-name'
import { KIND_NAMES, dayText, hoursText } from '../labels'
import { checkReason, parseHours } from '../ledger'
import './hours.scss'

interface Props {
  entry: LedgerEntry | null
  stepHours: number
  busy: boolean
  /** The server's answer to the last attempt. */
  error: string | null
  onCancel(): void
  onSubmit(hours: number, reason: string): void
}

/**
 * 调整: new hours and a mandatory reason. A pending entry is set to the new hours; an approved one
 * is never edited — the server reverses it and writes a correction.
 */
export function AdjustDialog(props: Props) {
  // A fresh form per entry: its state starts from the entry, no effect needed.
  return props.entry ? <AdjustForm key={props.entry.id} {...props} entry={props.entry} /> : null
}

function AdjustForm({ entry, stepHours, busy, error, onCancel, onSubmit }: Props & { entry: LedgerEntry }) {
  const [hours, setHours] = useState(() => hoursText(Math.max(0, entry.hours)))
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const approved = entry.status === 'approved'

  function submit() {
    const h = parseHours(hours, stepHours)
    if (!h.ok) return setProblem(h.message)
    const r = checkReason(reason, '调整原因')
    if (!r.ok) return setProblem(r.message)
    setProblem(null)
    onSubmit(h.value, r.value)
  }

  const who = displayName(entry.person)
  return (
    <View className="hours-dialog" data-testid="adjust-dialog" catchMove>
      <View className="hours-dialog__box">
        <Text className="hours-dialog__title">调整时长</Text>
        <Text className="hours-dialog__message">
          {who} · {dayText(entry.day)} · {KIND_NAMES[entry.kind]} {hoursText(entry.hours)} 小时
        </Text>
        {approved ? (
          <Text className="hours-dialog__warn" data-testid="adjust-correction-note">
            这条时长已确认，不会被直接修改：将写入一条冲正记录抵消原时长，再按新时长写入更正记录。
          </Text>
        ) : null}
        <Text className="hours-dialog__label">新的时长（小时，按 {stepHours} 小时计）</Text>
        <Input
          className="hours-dialog__input"
          data-testid="adjust-hours"
          type="digit"
          value={hours}
          maxlength={5}
          onInput={(e) => setHours(e.detail.value)}
        />
        <Text className="hours-dialog__label">调整原因（必填，本人和审核记录可见）</Text>
        <Textarea
          className="hours-dialog__textarea"
          data-testid="adjust-reason"
          value={reason}
          maxlength={200}
          placeholder="例如：现场核实，实际 14:30 离开"
          onInput={(e) => setReason(e.detail.value)}
        />
        {problem || error ? (
          <Text className="hours-dialog__error" data-testid="adjust-error">
            {problem ?? error}
          </Text>
        ) : null}
        <View className="hours-dialog__actions">
          <Button shape="round" disabled={busy} onClick={onCancel}>
            取消
          </Button>
          <Button
            data-testid="adjust-submit"
            className="hours-dialog__submit"
            color="primary"
            shape="round"
            loading={busy}
            disabled={busy}
            onClick={submit}
          >
            {approved ? '写入更正' : '确定调整'}
          </Button>
        </View>
      </View>
    </View>
  )
}
