/** The honour function's answers to its use cases' failures: stable codes and Chinese messages. */
import type { HonourFailure } from '../../../server/app/honour/failures'
import { commonFailures, type FailureTable } from '../../../server/runtime/failures'

const MISSING = { kind: '荣誉项目', nomination: '推荐', unit: '单位', person: '被推荐人' } as const

export const honourFailures: FailureTable<HonourFailure> = {
  ...commonFailures,
  missing: ({ what }) => ({ code: 'NOT_FOUND', message: `${MISSING[what]}不存在` }),
  notDistrictAdmin: { code: 'FORBIDDEN', message: '只有团区委可以进行此操作' },
  notUnitOrganiser: { code: 'FORBIDDEN', message: '只有本单位的组织者可以推荐' },
  notCandidate: { code: 'CONFLICT', message: '只能推荐参加过本单位活动或本单位的成员' },
  alreadyNominated: { code: 'CONFLICT', message: '此人已被推荐过这项荣誉' },
  duplicateKind: { code: 'CONFLICT', message: '本年度已有同名的荣誉项目' },
  badWindow: { code: 'INVALID_INPUT', message: '推荐截止时间须晚于开始时间', fields: { closesAt: '须晚于开始时间' } },
  nominationsClosed: { code: 'CONFLICT', message: '不在推荐时间内' },
  quotaFull: ({ quota }) => ({ code: 'CONFLICT', message: `本单位这项荣誉最多推荐 ${quota} 人，名额已满` }),
  alreadyDecided: { code: 'CONFLICT', message: '这条推荐已评审过' },
  declineNeedsReason: { code: 'INVALID_INPUT', message: '请填写不通过的原因', fields: { reason: '请填写原因' } },
}
