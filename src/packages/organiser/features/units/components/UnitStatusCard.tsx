import { Text, View } from '@tarojs/components'
import type { UnitDetail } from '@api/org'
import { UNIT_KIND_NAMES, UNIT_STATUS_NAMES } from '@/features/org/unit-kinds'
import './units.scss'

const HINTS = {
  pending: '申请已提交，等待团区委审核。审核通过后即可发布活动。',
  admitted: '已成为成员单位，可以在「我的」中进入单位管理。',
  rejected: '申请未通过，可修改后重新申请。',
} as const

/**
 * Where an application stands: pending, admitted, or rejected with the reviewer's reason. `joined`: the
 * person has just joined an admitted unit by invite — a person joined, not a unit was admitted.
 */
export function UnitStatusCard({ unit, joined = false }: { unit: UnitDetail; joined?: boolean }) {
  return (
    <View className={`unit-status unit-status--${unit.status}`} data-testid="unit-status">
      <View className="unit-status__head">
        <Text className="unit-status__name">{unit.name}</Text>
        <Text className="unit-status__badge">{joined ? '已加入' : UNIT_STATUS_NAMES[unit.status]}</Text>
      </View>
      <Text className="unit-status__kind">{UNIT_KIND_NAMES[unit.kind]}</Text>
      <Text className="unit-status__hint">
        {joined ? '你已成为本单位的组织者，可以在「我的」→「我的单位」中进入单位管理。' : HINTS[unit.status]}
      </Text>
      {unit.status === 'rejected' && unit.reviewReason ? (
        <Text className="unit-status__reason">驳回原因：{unit.reviewReason}</Text>
      ) : null}
    </View>
  )
}
