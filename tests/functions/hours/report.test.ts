/**
 * The district's approved hours (server/app/hours/report.ts) through the real `hours` function:
 * the report by unit and month, and the spreadsheet for the national volunteer systems. The
 * situation: one event of unit A with two people approved for 2 h each (one gave a passport as
 * their ID type) and a third whose 2 h were corrected to 0.
 */
import ExcelJS from 'exceljs'
import { mkdtempSync, readFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import type { DistrictHoursReport } from '@api/hours'
import type { ApiResult } from '@api/result'
import { main as signup } from '../../../cloudfunctions/signup/src'
import { HOURS_SHEET_HEADERS } from '../../../server/xlsx/hours-sheet'
import { call, expectOk } from '../../support/call'
import { PEOPLE, useWorld } from '../../support/world'
import {
  END,
  HOUR,
  asOrganiser,
  closedAndConfirmed,
  entryOf,
  eventWithScans,
  refusal,
  type EventWithScans,
} from './support'

jest.setTimeout(60_000)

const filesDir = mkdtempSync(join(tmpdir(), 'qingju-hours-files-'))

const w = useWorld()

let ev: EventWithScans
let year: number
let month: number
let passport: ApiResult<{ idType: string | null }>
beforeAll(async () => {
  process.env.QINGJU_FILES_DIR = filesDir
  ev = await eventWithScans(w, { 'd:one': [0, 2 * HOUR], 'd:two': [0, 2 * HOUR], 'd:zero': [0, 2 * HOUR] })
  await closedAndConfirmed(ev)
  const zeroed = await entryOf(ev, 'd:zero')
  await asOrganiser(ev.hoursAt(END), 'adjust', { entryId: zeroed.id, hours: 0, reason: '本人未到场，代签' })
  passport = await call<{ idType: string | null }>(signup, 'updateProfile', { idType: '护照' }, 'd:two')
  year = Number(ev.day.slice(0, 4))
  month = Number(ev.day.slice(5, 7))
})

describe('the ID type in a profile', () => {
  test('may be a passport', () => {
    expect(expectOk(passport).idType).toBe('护照')
  })

  test('outside the list of ID types is refused', async () => {
    expect(await call(signup, 'updateProfile', { idType: '驾驶证' }, 'd:two')).toMatchObject({
      ...refusal('INVALID_INPUT'),
      fields: { idType: expect.any(String) },
    })
  })
})

describe('the report', () => {
  let report: DistrictHoursReport
  beforeAll(async () => {
    report = expectOk(await call<DistrictHoursReport>(ev.hoursAt(END), 'report', { year, month }, PEOPLE.admin))
  })

  test('is for the district admin only', async () => {
    expect(await call(ev.hoursAt(END), 'report', { year }, PEOPLE.orgA)).toMatchObject(
      refusal('FORBIDDEN', '只有团区委管理员可以查看时长统计'),
    )
  })

  test('of a month outside 1–12 is refused', async () => {
    expect(await call(ev.hoursAt(END), 'report', { year, month: 13 }, PEOPLE.admin)).toMatchObject({
      ...refusal('INVALID_INPUT', '月份不能超过 12'),
      fields: { month: '月份不能超过 12' },
    })
  })

  test('gives each unit the sum of its approved entries in the month', async () => {
    const expected = (
      await w.db.query<{ h: number }>(
        `select coalesce(sum(hours), 0)::float8 as h from service_hours h join activity a on a.id = h.activity_id
         where a.unit_id = $1 and h.status = 'approved' and to_char(h.day, 'YYYY-MM') = $2`,
        [w.unitA, ev.day.slice(0, 7)],
      )
    ).rows[0].h
    expect(report.byUnit.find((u) => u.unitId === w.unitA)!.hours).toBe(expected)
  })

  test('nets corrections in a unit’s hours', () => {
    expect(report.byUnit.find((u) => u.unitId === w.unitA)!.hours).toBe(4)
  })

  test('gives the month’s hours, which are the total', () => {
    expect(report.byMonth).toEqual([expect.objectContaining({ month: ev.day.slice(0, 7), hours: report.totalHours })])
  })
})

describe('the export for the national systems', () => {
  let file: { fileName: string; url: string; rows: number }
  let header: unknown[]
  let rows: unknown[][]
  beforeAll(async () => {
    file = expectOk(await call(ev.hoursAt(END), 'exportSheet', { year, month }, PEOPLE.admin))
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(
      readFileSync(join(filesDir, file.url.split('?')[0].slice('/files/'.length))) as unknown as ArrayBuffer,
    )
    const sheet = book.getWorksheet('志愿服务时长')!
    header = (sheet.getRow(1).values as unknown[]).slice(1)
    rows = sheet
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1))
  })

  test('is for the district admin only', async () => {
    expect(await call(ev.hoursAt(END), 'exportSheet', { year }, PEOPLE.orgA)).toMatchObject(
      refusal('FORBIDDEN', '只有团区委管理员可以导出时长'),
    )
  })

  test('is a sheet named for the month', () => {
    expect(file.fileName).toBe(`志愿服务时长-${ev.day.slice(0, 7)}.xlsx`)
  })

  test('has the national systems’ columns', () => {
    expect(header).toEqual([...HOURS_SHEET_HEADERS])
  })

  test('has as many rows as the answer says', () => {
    expect(rows).toHaveLength(file.rows)
  })

  test('has a row per person and day with the real name, phone, event, hours and unit', () => {
    expect(rows).toContainEqual([
      expect.any(Number),
      '志愿者ne',
      '',
      '',
      '13900001111',
      ev.e.title,
      ev.day,
      2,
      '甲单位团委',
      'd:one',
    ])
  })

  test('takes the ID type from the person’s profile', () => {
    expect(rows).toContainEqual([
      expect.any(Number),
      '志愿者wo',
      '护照',
      '',
      '13900001111',
      ev.e.title,
      ev.day,
      2,
      '甲单位团委',
      'd:two',
    ])
  })

  test('leaves out rows whose net hours are zero (an entry reversed and corrected to 0)', () => {
    expect(rows.every((r) => (r[7] as number) > 0)).toBe(true)
    expect(rows.map((r) => r[9])).not.toContain('d:zero')
  })
})
