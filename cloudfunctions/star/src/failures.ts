/** The star function's answers to its use cases' failures: stable codes and Chinese messages. */
import type { StarFailure } from '../../../server/app/star/failures'
import { commonFailures, type FailureTable } from '../../../server/runtime/failures'

const MISSING = { indicator: '摘星指标', evidence: '证明材料', unit: '单位' } as const

export const starFailures: FailureTable<StarFailure> = {
  ...commonFailures,
  missing: ({ what }) => ({ code: 'NOT_FOUND', message: `${MISSING[what]}不存在或已删除` }),
  notDistrictAdmin: { code: 'FORBIDDEN', message: '只有团区委可以设置摘星指标' },
  notUnitOrganiser: { code: 'FORBIDDEN', message: '只有本单位的组织者可以审核证明材料' },
  notEvidenceViewer: { code: 'FORBIDDEN', message: '只有本人和单位组织者可以查看证明照片' },
  unknownCategory: { code: 'INVALID_INPUT', message: '活动类别不存在', fields: { categories: '类别不存在' } },
  badCategories: {
    code: 'INVALID_INPUT',
    message: '按类别计数的指标需要选择活动类别，其他指标不选类别',
    fields: { categories: '请检查类别' },
  },
  evidenceNotUploaded: { code: 'INVALID_INPUT', message: '证明照片无效，请重新选择照片上传' },
  notEvidenceIndicator: { code: 'CONFLICT', message: '这项指标不需要提交证明材料' },
  notYourUnit: { code: 'FORBIDDEN', message: '只能向你所在或参加过活动的单位提交证明' },
  evidenceExists: { code: 'CONFLICT', message: '这项指标的证明已提交，请等待审核' },
  alreadyReviewed: { code: 'CONFLICT', message: '这份证明已审核过' },
}
