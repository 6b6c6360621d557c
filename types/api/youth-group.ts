/**
 * API contract of registered youth groups (青年社团 / 青年自组织), actions of the `org` function:
 * a young person applies as the group's leader (负责人), the district admin reviews and may suspend.
 * Approved groups book venues whose facilities admit groups (venue.book with `groupId`).
 */
import * as z from 'zod'
import { text } from './common'
import {
  YOUTH_GROUP_KINDS,
  YOUTH_GROUP_MAX_SIZE,
  YOUTH_GROUP_MIN_SIZE,
  YOUTH_GROUP_STATES,
  type YouthGroupKind,
  type YouthGroupState,
} from '../contract/youth-group'

export {
  MAX_GROUPS_PER_LEADER,
  YOUTH_GROUP_KINDS,
  YOUTH_GROUP_KIND_NAMES,
  YOUTH_GROUP_STATES,
  YOUTH_GROUP_STATE_NAMES,
  type YouthGroupKind,
  type YouthGroupState,
} from '../contract/youth-group'

export const youthGroupApplyRequest = z.strictObject({
  name: text(2, 40).meta({ label: '团体名称' }),
  kind: z.enum(YOUTH_GROUP_KINDS).meta({ label: '团体类型' }),
  intro: text(0, 500).default(''),
  size: z.number().int().min(YOUTH_GROUP_MIN_SIZE).max(YOUTH_GROUP_MAX_SIZE),
})
export type YouthGroupApplyRequest = z.input<typeof youthGroupApplyRequest>

export const youthGroupListRequest = z
  .strictObject({ state: z.enum(YOUTH_GROUP_STATES).default('pending') })
  .default({ state: 'pending' })
export type YouthGroupListRequest = z.input<typeof youthGroupListRequest>

export const youthGroupDecideRequest = z.strictObject({
  groupId: z.uuid(),
  decision: z.enum(['approve', 'decline']),
  /** Required when declining: the leader sees it. */
  reason: text(0, 100).optional(),
})
export type YouthGroupDecideRequest = z.input<typeof youthGroupDecideRequest>

export const youthGroupSuspendRequest = z.strictObject({ groupId: z.uuid(), reason: text(1, 100) })
export type YouthGroupSuspendRequest = z.input<typeof youthGroupSuspendRequest>

export interface YouthGroup {
  id: string
  name: string
  kind: YouthGroupKind
  intro: string
  size: number
  state: YouthGroupState
  /** Why it was declined or suspended. */
  reason: string | null
  /** The leader (负责人): real name and bound phone (only the leader and the district admin read groups). */
  leaderName: string
  leaderPhone: string
  createdAt: string
  decidedAt: string | null
}

export interface YouthGroupActions {
  applyYouthGroup: { request: YouthGroupApplyRequest; response: YouthGroup }
  /** The groups the caller leads, newest first, whatever their state. */
  myYouthGroups: { request: Record<string, never> | undefined; response: { items: YouthGroup[] } }
  /** District admin: the district's groups in one state (default pending). */
  youthGroups: { request: YouthGroupListRequest; response: { items: YouthGroup[] } }
  decideYouthGroup: { request: YouthGroupDecideRequest; response: YouthGroup }
  suspendYouthGroup: { request: YouthGroupSuspendRequest; response: YouthGroup }
}
