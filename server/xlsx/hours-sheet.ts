/**
 * Approved service hours as an Excel workbook laid out for upload to the national volunteer
 * systems (志愿中国 and provincial platforms take a sheet of person, activity, date and hours).
 * One row per person, activity and day. Columns are named the way those import templates name
 * them; the 证件号码 column is left for the district to fill, as Qingju does not collect ID numbers.
 */

export interface HoursSheetRow {
  name: string
  nickname: string
  idType: string
  phone: string
  activity: string
  day: string
  hours: number
  organiser: string
}

export const HOURS_SHEET_HEADERS = [
  '序号',
  '姓名',
  '证件类型',
  '证件号码',
  '手机号码',
  '活动名称',
  '服务日期',
  '服务时长（小时）',
  '组织单位',
  '平台昵称',
] as const

/** Writes the workbook; exceljs is loaded here, on the first export, so no other action pays for it. */
export async function writeHoursSheet(rows: HoursSheetRow[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('志愿服务时长')
  const widths = [6, 10, 14, 20, 14, 30, 12, 14, 20, 14]
  sheet.columns = HOURS_SHEET_HEADERS.map((header, i) => ({ header, key: `c${i}`, width: widths[i] }))
  sheet.getRow(1).font = { bold: true }
  rows.forEach((r, i) => {
    const row = sheet.addRow([
      i + 1,
      r.name,
      r.idType,
      '',
      r.phone,
      r.activity,
      r.day,
      r.hours,
      r.organiser,
      r.nickname,
    ])
    // Text, not numbers: phone numbers and dates must survive Excel untouched.
    row.getCell(5).numFmt = '@'
    row.getCell(7).numFmt = '@'
    row.getCell(8).numFmt = '0.0'
  })
  return Buffer.from(await book.xlsx.writeBuffer())
}
