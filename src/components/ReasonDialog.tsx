import { useEffect, useState, type ReactNode } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import './ReasonDialog.scss'

interface Props {
  open: boolean
  title: string
  /** Shown above the box, e.g. what the reason is for and who sees it. */
  message?: string
  placeholder?: string
  confirmText?: string
  minLength?: number
  maxLength?: number
  busy?: boolean
  /** A server error for the last attempt. */
  error?: string | null
  onCancel(): void
  onConfirm(reason: string): void
  /** More choices that go with the decision, shown under the reason. */
  children?: ReactNode
}

/**
 * A confirm dialog with a required reason. Drawn in the page (not a portal) so it looks and
 * behaves the same in WeChat, H5 and the page tests.
 */
export function ReasonDialog({
  open,
  title,
  message,
  placeholder = '请填写原因',
  confirmText = '确定',
  minLength = 2,
  maxLength = 200,
  busy,
  error,
  onCancel,
  onConfirm,
  children,
}: Props) {
  const [reason, setReason] = useState('')
  useEffect(() => {
    if (open) setReason('')
  }, [open])
  if (!open) return null
  const ok = reason.trim().length >= minLength
  return (
    <View className="reason-dialog" data-testid="reason-dialog" catchMove>
      <View className="reason-dialog__box">
        <Text className="reason-dialog__title">{title}</Text>
        {message ? <Text className="reason-dialog__message">{message}</Text> : null}
        <Textarea
          className="reason-dialog__input"
          data-testid="reason-input"
          value={reason}
          maxlength={maxLength}
          placeholder={placeholder}
          onInput={(e) => setReason(e.detail.value)}
        />
        {!ok ? <Text className="reason-dialog__hint">至少 {minLength} 个字</Text> : null}
        {children}
        {error ? <Text className="reason-dialog__error">{error}</Text> : null}
        <View className="reason-dialog__actions">
          <Button className="reason-dialog__cancel" shape="round" onClick={onCancel} disabled={busy}>
            取消
          </Button>
          <Button
            className="reason-dialog__confirm"
            color="primary"
            shape="round"
            disabled={!ok || busy}
            loading={busy}
            onClick={() => onConfirm(reason.trim())}
          >
            {confirmText}
          </Button>
        </View>
      </View>
    </View>
  )
}
