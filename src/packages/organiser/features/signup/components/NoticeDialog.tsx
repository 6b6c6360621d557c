import { useEffect, useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { NoticeKind } from '@api/signup'
import { NOTICE_KINDS, NOTICE_KIND_NAMES, NOTICE_TEXT_MAX } from '@contract/signup'
import './notice.scss'

interface Props {
  open: boolean
  /** The kind chosen when it opens (the editor's prompt after a change of time or place). */
  initialKind?: NoticeKind
  /** How many confirmed people it goes to, and how many more notices today allows. */
  confirmed: number
  leftToday: number
  busy?: boolean
  /** A server error for the last attempt. */
  error?: string | null
  onCancel(): void
  onSend(kind: NoticeKind, text: string): void
}

const PLACEHOLDERS: Record<NoticeKind, string> = {
  time: '例：改为 12月6日 14:00 开始',
  place: '例：改到青年之家二楼活动室',
  other: '例：请带好身份证和水杯',
}

/**
 * 通知已报名人员: the kind, a short text (a WeChat subscribe message shows at most 20 characters),
 * and who it reaches. Drawn in the page like ReasonDialog.
 */
export function NoticeDialog({ open, initialKind, confirmed, leftToday, busy, error, onCancel, onSend }: Props) {
  const [kind, setKind] = useState<NoticeKind>(initialKind ?? 'time')
  const [text, setText] = useState('')
  useEffect(() => {
    if (!open) return
    setKind(initialKind ?? 'time')
    setText('')
  }, [open, initialKind])
  if (!open) return null
  const trimmed = text.trim()
  const blocked = leftToday <= 0
  return (
    <View className="notice-dialog" data-testid="notice-dialog" catchMove>
      <View className="notice-dialog__box">
        <Text className="notice-dialog__title">通知已报名人员</Text>
        <Text className="notice-dialog__message">
          {confirmed > 0
            ? `将通过微信服务通知发给已确认参加的 ${confirmed} 人；没有订阅活动通知的人收不到。`
            : '目前还没有已确认参加的人。'}
        </Text>
        <View className="notice-dialog__kinds" data-testid="notice-kinds">
          {NOTICE_KINDS.map((k) => (
            <Text
              key={k}
              className={`notice-dialog__kind${kind === k ? ' notice-dialog__kind--on' : ''}`}
              data-testid={`notice-kind-${k}`}
              onClick={() => setKind(k)}
            >
              {NOTICE_KIND_NAMES[k]}
            </Text>
          ))}
        </View>
        <Textarea
          className="notice-dialog__input"
          data-testid="notice-text"
          value={text}
          maxlength={NOTICE_TEXT_MAX}
          placeholder={PLACEHOLDERS[kind]}
          onInput={(e) => setText(e.detail.value)}
        />
        <Text className="notice-dialog__hint">
          {trimmed.length}/{NOTICE_TEXT_MAX} 字 · {blocked ? '今天的通知次数已用完' : `今天还可发送 ${leftToday} 条`}
        </Text>
        {error ? (
          <Text className="notice-dialog__error" data-testid="notice-error">
            {error}
          </Text>
        ) : null}
        <View className="notice-dialog__actions">
          <Button className="notice-dialog__cancel" shape="round" onClick={onCancel} disabled={busy}>
            取消
          </Button>
          <Button
            className="notice-dialog__send"
            color="primary"
            shape="round"
            disabled={!trimmed || blocked || busy}
            loading={busy}
            onClick={() => onSend(kind, trimmed)}
          >
            发送通知
          </Button>
        </View>
      </View>
    </View>
  )
}
