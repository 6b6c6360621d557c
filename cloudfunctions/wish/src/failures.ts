/** The wish function's answers to its use cases' failures: stable codes and Chinese messages. */
import type { WishFailure } from '../../../server/app/wish/failures'
import { commonFailures, type FailureTable } from '../../../server/runtime/failures'

const MISSING = { wish: '心愿', planLine: '清单条目', unit: '单位' } as const

export const wishFailures: FailureTable<WishFailure> = {
  ...commonFailures,
  missing: ({ what }) => ({ code: 'NOT_FOUND', message: `${MISSING[what]}不存在或已下线` }),
  tooManyOpenWishes: ({ limit }) => ({
    code: 'CONFLICT',
    message: `你已有 ${limit} 个征集中的心愿，等它们被认领或撤回后再提吧`,
  }),
  wishClosed: { code: 'CONFLICT', message: '这个心愿已撤回或已隐藏' },
  alreadyClaimed: { code: 'CONFLICT', message: '这个心愿已被认领' },
  notProposer: { code: 'FORBIDDEN', message: '只有提出心愿的人可以撤回' },
  notLineOrganiser: { code: 'FORBIDDEN', message: '只能认领到本单位年度清单的条目' },
  notDistrictAdmin: { code: 'FORBIDDEN', message: '只有团区委可以进行此操作' },
  unknownCategory: { code: 'INVALID_INPUT', message: '活动类别不存在', fields: { category: '类别不存在' } },
  badCursor: { code: 'INVALID_INPUT', message: '翻页参数无效，请刷新后重试', fields: { cursor: '无效' } },
}
