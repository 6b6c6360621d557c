import { Text, View } from '@tarojs/components'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import type { AuditRecord } from '@api/hours'
import { formatDateTime } from '@/utils/time'
import { AUDIT_ACTIONS, auditSide } from '../labels'
import './hours.scss'

interface Props {
  /** null: closed; 'loading'; or the records, oldest first as the server sends them. */
  records: AuditRecord[] | 'loading' | null
  error: string | null
  onClose(): void
}

/** The audit log of one entry: who, when, before → after, why. */
export function HistoryDialog({ records, error, onClose }: Props) {
  if (records === null && !error) return null
  return (
    <View className="hours-dialog" data-testid="history-dialog" catchMove>
      <View className="hours-dialog__box">
        <Text className="hours-dialog__title">变更记录</Text>
        {error ? <Text className="hours-dialog__error">{error}</Text> : null}
        {records === 'loading' ? <Text className="hours-dialog__message">加载中…</Text> : null}
        {Array.isArray(records) && records.length === 0 ? (
          <Text className="hours-dialog__message">没有记录</Text>
        ) : null}
        {Array.isArray(records) ? (
          <View className="hours-history">
            {records.map((r, i) => (
              <View key={i} className="hours-history__item" data-testid="history-record">
                <Text className="hours-history__head">
                  {formatDateTime(r.at)} · {r.by} · {AUDIT_ACTIONS[r.action] ?? r.action}
                </Text>
                <Text className="hours-history__change">
                  {auditSide(r.before)} → {auditSide(r.after)}
                </Text>
                {r.reason ? <Text className="hours-history__reason">原因：{r.reason}</Text> : null}
              </View>
            ))}
          </View>
        ) : null}
        <View className="hours-dialog__actions">
          <Button shape="round" onClick={onClose}>
            关闭
          </Button>
        </View>
      </View>
    </View>
  )
}
