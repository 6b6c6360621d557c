import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Button from '@taroify/core/button'
import '@taroify/core/button/style'
import Tag from '@taroify/core/tag'
import '@taroify/core/tag/style'
import type { LedgerEntry } from '@api/hours'
import { formatDateTime } from '@/utils/time'
import { KIND_NAMES, dayText, entryFlags, entryStatus, hoursText, minutesText } from '../labels'
import { entryActions } from '../ledger'
import './hours.scss'

interface Props {
  entry: LedgerEntry
  busy: boolean
  onAdjust(): void
  onDecline(): void
  onHistory(): void
  /** Opens the entry's evidence photos (through short-lived links). */
  onPhotos(): Promise<void>
}

/** One ledger line: day, kind, hours, presence, status, what needs a look, and what can be done. */
export function EntryItem({ entry: e, busy, onAdjust, onDecline, onHistory, onPhotos }: Props) {
  const status = entryStatus(e)
  const flags = entryFlags(e)
  const can = entryActions(e)
  const struck = e.corrected || e.status === 'declined'
  return (
    <View
      className={`hours-entry${e.corrected ? ' hours-entry--corrected' : ''}`}
      data-testid="hours-entry"
      data-id={e.id}
      data-status={status.key}
      data-corrected={e.corrected ? 'true' : 'false'}
    >
      <View className="hours-entry__top">
        <Text className="hours-entry__day">{dayText(e.day)}</Text>
        <Text className={`hours-entry__kind hours-entry__kind--${e.kind}`} data-testid="entry-kind">
          {KIND_NAMES[e.kind]}
        </Text>
        <Text className={`hours-entry__hours${struck ? ' hours-entry__hours--struck' : ''}`} data-testid="entry-hours">
          {hoursText(e.hours)} 小时
        </Text>
        <Tag className="hours-entry__status" color={status.color} shape="rounded" data-testid="entry-status">
          {status.key === 'notice' ? '公示中' : status.text}
        </Tag>
      </View>
      {e.noticeUntil && e.status === 'pending' ? (
        <Text className="hours-entry__line" data-testid="entry-notice">
          公示至 {formatDateTime(e.noticeUntil)}，期满无异议后生效
        </Text>
      ) : null}
      {e.kind === 'scan' ? <Text className="hours-entry__line">在场 {minutesText(e.minutes)}</Text> : null}
      {e.corrected ? <Text className="hours-entry__line hours-entry__note">已被更正，以更正记录为准</Text> : null}
      {flags.length ? (
        <View className="hours-entry__flags" data-testid="entry-flags">
          {flags.map((f) => (
            <Text key={f} className="hours-entry__flag">
              {f}
            </Text>
          ))}
        </View>
      ) : null}
      {e.reason ? <Text className="hours-entry__line">原因：{e.reason}</Text> : null}
      {e.evidence?.note ? <Text className="hours-entry__line">证明材料：{e.evidence.note}</Text> : null}
      {e.evidence?.photoCount ? (
        <Text
          className="hours-entry__line hours-entry__link"
          data-testid="entry-photos"
          onClick={() => void onPhotos().catch(() => Taro.showToast({ title: '照片打开失败，请重试', icon: 'none' }))}
        >
          查看证明照片（{e.evidence.photoCount} 张）
        </Text>
      ) : null}
      <View className="hours-entry__actions">
        {can.adjust ? (
          <Button
            className="hours-entry__adjust"
            size="small"
            shape="round"
            variant="outlined"
            color="primary"
            disabled={busy}
            onClick={onAdjust}
          >
            调整
          </Button>
        ) : null}
        {can.decline ? (
          <Button
            className="hours-entry__decline"
            size="small"
            shape="round"
            variant="outlined"
            disabled={busy}
            onClick={onDecline}
          >
            不通过
          </Button>
        ) : null}
        <Text className="hours-entry__history" onClick={onHistory}>
          查看记录
        </Text>
      </View>
    </View>
  )
}
