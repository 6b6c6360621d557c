/**
 * The district's venue usage (阵地使用率) as an Excel workbook: one sheet per venue line, one of
 * bookings per venue, unit and month, and one of who lent to whom (串门). Shares are percentages.
 */
import type { VenueUsage } from '@api/venue'

export const USAGE_SHEET_NAMES = { venues: '阵地使用率', cells: '按月预订明细', exchanges: '串门' } as const

export const USAGE_VENUE_HEADERS = [
  '阵地',
  '所属单位',
  '设施数',
  '开放时长（小时）',
  '可预订时长（小时）',
  '已使用时长（小时）',
  '使用率',
  '预订次数',
  '未到场次数',
] as const

export const USAGE_CELL_HEADERS = ['月份', '阵地', '预订单位', '预订次数', '未到场次数', '使用时长（小时）'] as const

export const USAGE_EXCHANGE_HEADERS = ['出借方（阵地所属）', '借用单位', '预订次数', '使用时长（小时）'] as const

/** Writes the workbook; exceljs is loaded here, on the first export, so no other action pays for it. */
export async function writeVenueUsageSheet(usage: VenueUsage): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  const table = (name: string, headers: readonly string[], widths: number[], rows: (string | number)[][]) => {
    const sheet = book.addWorksheet(name)
    sheet.columns = headers.map((header, i) => ({ header, key: `c${i}`, width: widths[i] }))
    sheet.getRow(1).font = { bold: true }
    for (const r of rows) sheet.addRow(r)
    return sheet
  }
  const venues = table(
    USAGE_SHEET_NAMES.venues,
    USAGE_VENUE_HEADERS,
    [28, 24, 8, 14, 16, 16, 10, 10, 10],
    usage.venues.map((v) => [
      v.venueName,
      v.ownerName,
      v.facilities,
      v.openHours,
      v.capacityHours,
      v.bookedHours,
      v.share,
      v.bookings,
      v.noShows,
    ]),
  )
  venues.getColumn(7).numFmt = '0.0%'
  table(
    USAGE_SHEET_NAMES.cells,
    USAGE_CELL_HEADERS,
    [10, 28, 24, 10, 10, 16],
    usage.cells.map((c) => [c.month, c.venueName, c.unitName, c.bookings, c.noShows, c.bookedHours]),
  )
  table(
    USAGE_SHEET_NAMES.exchanges,
    USAGE_EXCHANGE_HEADERS,
    [28, 24, 10, 16],
    usage.exchanges.map((e) => [e.lenderName, e.borrowerName, e.bookings, e.hours]),
  )
  return Buffer.from(await book.xlsx.writeBuffer())
}
