/**
 * An event's roster as an Excel workbook, with every form answer in its own column. exceljs is
 * loaded when a sheet is written, so only the export pays for it (not every cold start).
 */
import type { FormQuestion, RosterEntry } from '@api/signup'
import { shanghaiDateTime } from '../domain/shanghai-time'

const STATE_NAMES: Record<string, string> = {
  applied: '已申请',
  pending: '待审核',
  offered: '待确认',
  confirmed: '已确认',
  waitlisted: '候补',
  rejected: '未通过',
  declined: '已放弃',
  expired: '已过期',
  cancelled: '已取消',
  attended: '已到场',
  no_show: '缺席',
}

export interface RosterSheet {
  /** The event's form questions, one column each, in order. */
  questions: FormQuestion[]
  entries: RosterEntry[]
}

export async function writeRosterSheet({ questions, entries }: RosterSheet): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('报名名单')
  sheet.columns = [
    { header: '序号', key: 'no', width: 6 },
    { header: '姓名', key: 'realName', width: 10 },
    { header: '昵称', key: 'nickname', width: 14 },
    { header: '手机', key: 'phone', width: 14 },
    { header: '性别', key: 'gender', width: 6 },
    { header: '年龄', key: 'age', width: 6 },
    { header: '状态', key: 'state', width: 8 },
    { header: '分组', key: 'quota', width: 8 },
    ...questions.map((q) => ({ header: q.label, key: `q_${q.id}`, width: 20 })),
    { header: '报名时间', key: 'createdAt', width: 20 },
  ]
  sheet.getRow(1).font = { bold: true }
  entries.forEach((e, i) =>
    sheet.addRow({
      no: i + 1,
      realName: e.person.realName ?? '',
      nickname: e.person.nickname,
      phone: e.person.phone ?? '',
      gender: e.person.gender ?? '',
      age: e.person.age ?? '',
      state: STATE_NAMES[e.state] ?? e.state,
      quota: e.quotaKey,
      ...Object.fromEntries(
        questions.map((q) => {
          const a = e.answers[q.id]
          return [`q_${q.id}`, Array.isArray(a) ? a.join('、') : (a ?? '')]
        }),
      ),
      // Shanghai wall clock, whatever the server zone.
      createdAt: shanghaiDateTime(new Date(e.createdAt)),
    }),
  )
  return Buffer.from(await book.xlsx.writeBuffer())
}
