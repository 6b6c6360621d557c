/** The annual activity list: lines, publishing, Excel import/export, and the completion grid. */
import ExcelJS from 'exceljs'
import { mkdtempSync, readFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import type { CompletionGrid, ExportResult, ImportResult, Plan, PlanLine } from '@api/plan'
import { actions, main as plan } from '../../cloudfunctions/plan/src'
import type { PlanActions } from '@api/plan'
import { createFunction } from '../../server/runtime/function'
import type * as PlanSheet from '../../server/xlsx/plan-sheet'
import { call, expectOk } from '../support/call'
import { PEOPLE, useWorld, publishedEvent } from '../support/world'

const filesDir = mkdtempSync(join(tmpdir(), 'qingju-plan-files-'))

const w = useWorld()
beforeAll(async () => {
  process.env.QINGJU_FILES_DIR = filesDir
})

async function sheet(
  rows: (string | number)[][],
  header = ['牵头单位', '活动类别', '活动名称', '计划月份', '对接社区', '需求说明'],
): Promise<string> {
  const book = new ExcelJS.Workbook()
  const s = book.addWorksheet('清单')
  s.addRow(header)
  rows.forEach((r) => s.addRow(r))
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64')
}

describe('lines and publishing', () => {
  const draftYear = 2031

  test('a draft list is seen by the district and its units, not by the public', async () => {
    const line = expectOk(
      await call<PlanLine>(
        plan,
        'addLine',
        {
          year: draftYear,
          unitId: w.unitB,
          category: 'social_mixer',
          title: '乙单位交友联谊',
          plannedMonth: 4,
          targetCommunity: '朝阳社区',
        },
        PEOPLE.admin,
      ),
    )
    expect(line).toMatchObject({
      title: '乙单位交友联谊',
      plannedMonth: 4,
      state: 'planned',
      unit: { id: w.unitB },
      category: { code: 'social_mixer', name: '交友联谊' },
      targetCommunity: '朝阳社区',
    })
    expect(expectOk(await call<Plan>(plan, 'get', { year: draftYear }, PEOPLE.orgA)).lines).toHaveLength(1)
    expect(expectOk(await call<Plan>(plan, 'get', { year: draftYear }, PEOPLE.youth))).toMatchObject({
      status: 'draft',
      lines: [],
    })
    expect(expectOk(await call<Plan>(plan, 'get', { year: draftYear }))).toMatchObject({ status: 'draft', lines: [] })
    const published = expectOk(await call<Plan>(plan, 'publish', { year: draftYear }, PEOPLE.admin))
    expect(published.status).toBe('published')
    expect(expectOk(await call<Plan>(plan, 'get', { year: draftYear })).lines).toHaveLength(1)
  })

  test('an empty list cannot be published', async () => {
    expect(await call(plan, 'publish', { year: 2032 }, PEOPLE.admin)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '清单为空，请先添加条目',
    })
  })

  test('lines must name an admitted unit of the district and a known category', async () => {
    const pending = await w.db.query<{ id: string }>(
      "insert into org_unit (district_id, name, kind, status) values ('runzhou', '待审单位X', 'other', 'pending') returning id",
    )
    expect(
      await call(
        plan,
        'addLine',
        { year: draftYear, unitId: pending.rows[0].id, category: 'reading_club', title: '某活动', plannedMonth: 1 },
        PEOPLE.admin,
      ),
    ).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '请选择本区已通过审核的成员单位',
      fields: { unitId: '单位无效' },
    })
    expect(
      await call(
        plan,
        'addLine',
        { year: draftYear, unitId: w.unitA, category: 'skydiving', title: '某活动', plannedMonth: 1 },
        PEOPLE.admin,
      ),
    ).toEqual({ ok: false, code: 'INVALID_INPUT', message: '活动类别不存在', fields: { category: '取值无效' } })
    expect(
      await call(
        plan,
        'addLine',
        { year: draftYear, unitId: w.unitA, category: 'reading_club', title: '某活动', plannedMonth: 13 },
        PEOPLE.admin,
      ),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '计划月份不能超过 12',
      fields: { plannedMonth: '计划月份不能超过 12' },
    })
  })

  test('a line with events cannot be removed or handed to another unit', async () => {
    await publishedEvent(w)
    expect(await call(plan, 'removeLine', { lineId: w.lineA }, PEOPLE.admin)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '该条目已有活动，不能删除',
    })
    expect(await call(plan, 'updateLine', { lineId: w.lineA, unitId: w.unitB }, PEOPLE.admin)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '该条目已有活动，不能更换牵头单位',
    })
    const renamed = expectOk(
      await call<PlanLine>(plan, 'updateLine', { lineId: w.lineA, title: '甲单位读书会（冬季）' }, PEOPLE.admin),
    )
    expect(renamed).toMatchObject({ title: '甲单位读书会（冬季）', state: 'posted' })
    expect(renamed.events).toHaveLength(1)
  })
})

describe('Excel import and export', () => {
  const year = 2033

  test('export writes a workbook with every line, downloadable from the local host path', async () => {
    for (const [title, month] of [
      ['甲单位植树', 3],
      ['甲单位读书会', 9],
    ] as const) {
      expectOk(
        await call(
          plan,
          'addLine',
          {
            year,
            unitId: w.unitA,
            category: title.endsWith('植树') ? 'tree_planting' : 'reading_club',
            title,
            plannedMonth: month,
          },
          PEOPLE.admin,
        ),
      )
    }
    const exported = expectOk(await call<ExportResult>(plan, 'exportXlsx', { year }, PEOPLE.admin))
    expect(exported.fileName).toBe(`${year}年度活动清单.xlsx`)
    expect(exported.url).toMatch(/^\/files\/exports\/runzhou\/plan-2033-.*\.xlsx\?exp=\d+&sig=[\w-]+$/)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(
      readFileSync(join(filesDir, exported.url!.split('?')[0].slice('/files/'.length))) as unknown as ArrayBuffer,
    )
    const rows = book.worksheets[0]
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1))
    expect(rows[0]).toEqual([
      '序号',
      '牵头单位',
      '活动类别',
      '活动名称',
      '计划月份',
      '对接社区',
      '需求说明',
      '完成情况',
    ])
    expect(rows.slice(1).map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      ['甲单位团委', '植树/公益林', '甲单位植树', 3],
      ['甲单位团委', '读书会', '甲单位读书会', 9],
    ])
  })

  test('an exported file imports back as the same list (replace)', async () => {
    const exported = expectOk(await call<ExportResult>(plan, 'exportXlsx', { year }, PEOPLE.admin))
    const base64 = readFileSync(join(filesDir, exported.url!.split('?')[0].slice('/files/'.length))).toString('base64')
    const r = expectOk(
      await call<ImportResult>(plan, 'importXlsx', { year, fileBase64: base64, mode: 'replace' }, PEOPLE.admin),
    )
    expect(r).toEqual({ imported: 2, errors: [] })
    const lines = expectOk(await call<Plan>(plan, 'get', { year }, PEOPLE.admin)).lines
    expect(lines.map((l) => [l.title, l.plannedMonth])).toEqual([
      ['甲单位植树', 3],
      ['甲单位读书会', 9],
    ])
  })

  test('rows with problems are all reported by row number and nothing is imported', async () => {
    const base64 = await sheet([
      ['甲单位团委', '读书会', '好的一行', '5月'],
      ['不存在的单位', '读书会', '坏单位', 5],
      ['乙单位团委', '跳伞', '坏类别', 5],
      ['乙单位团委', '交友联谊', '坏月份', '十三月'],
    ])
    const r = expectOk(
      await call<ImportResult>(plan, 'importXlsx', { year, fileBase64: base64, mode: 'append' }, PEOPLE.admin),
    )
    expect(r.imported).toBe(0)
    expect(r.errors.map((e) => e.row)).toEqual([3, 4, 5])
    expect(r.errors[0].message).toMatch(/不存在的单位/)
    expect(expectOk(await call<Plan>(plan, 'get', { year }, PEOPLE.admin)).lines).toHaveLength(2)
  })

  test('append adds lines; Chinese month names and column order are understood', async () => {
    const base64 = await sheet(
      [['三月', '乙单位团委', '乙单位联谊', '交友联谊']],
      ['计划月份', '牵头单位', '活动名称', '活动类别'],
    )
    expect(
      expectOk(
        await call<ImportResult>(plan, 'importXlsx', { year, fileBase64: base64, mode: 'append' }, PEOPLE.admin),
      ),
    ).toEqual({ imported: 1, errors: [] })
    const line = expectOk(await call<Plan>(plan, 'get', { year }, PEOPLE.admin)).lines.find(
      (l) => l.title === '乙单位联谊',
    )
    expect(line).toMatchObject({ plannedMonth: 3, category: { code: 'social_mixer' }, unit: { id: w.unitB } })
  })

  test('a file that is not a workbook, or lacks the headers, is INVALID_INPUT', async () => {
    const notXlsx = Buffer.from('这不是一个表格'.repeat(20)).toString('base64')
    const unreadable = '无法读取该文件，请上传 .xlsx 格式的 Excel 表格'
    expect(await call(plan, 'importXlsx', { year, fileBase64: notXlsx }, PEOPLE.admin)).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: unreadable,
      fields: { fileBase64: unreadable },
    })
    const noHeaders = await sheet([['x']], ['名称'])
    const r = await call(plan, 'importXlsx', { year, fileBase64: noHeaders }, PEOPLE.admin)
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    if (!r.ok) expect(r.message).toMatch(/表头缺少：牵头单位、活动类别、活动名称、计划月份/)
    expect(await call(plan, 'importXlsx', { year, fileBase64: 'A'.repeat(80_000) }, PEOPLE.admin)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    })
  })
})

test('the plan function loads exceljs only when a sheet is read or written', async () => {
  let loads = 0
  let sheetModule: typeof PlanSheet | undefined
  jest.isolateModules(() => {
    jest.doMock('exceljs', () => {
      loads++
      return jest.requireActual('exceljs')
    })
    // A fresh module registry: only what requiring the function itself loads counts.
    /* eslint-disable @typescript-eslint/no-require-imports */
    require('../../cloudfunctions/plan/src')
    sheetModule = require('../../server/xlsx/plan-sheet')
    /* eslint-enable @typescript-eslint/no-require-imports */
  })
  expect(loads).toBe(0)
  await expect(sheetModule!.readPlanSheet(Buffer.from('not a workbook'))).rejects.toMatchObject({
    problem: { kind: 'unreadable' },
  })
  expect(loads).toBe(1)
})

describe('completion grid', () => {
  test('shows each line’s state by unit and month, and who has led nothing yet', async () => {
    const year = 2034
    // Fixed clock in mid-July 2034 (Shanghai).
    const at = (iso: string) => new Date(iso)
    const now = at('2034-07-15T04:00:00Z')
    const fn = createFunction<PlanActions>('plan', actions, { clock: () => now })
    await w.db.query("insert into annual_plan (district_id, year, status) values ('runzhou', $1, 'published')", [year])
    const line = async (unitId: string, title: string, month: number) =>
      (
        await w.db.query<{ id: string }>(
          "insert into plan_line (district_id, year, unit_id, category, title, planned_month) values ('runzhou', $1, $2, 'reading_club', $3, $4) returning id",
          [year, unitId, title, month],
        )
      ).rows[0].id
    const held = await line(w.unitA, '三月读书会', 3)
    await line(w.unitA, '六月读书会', 6) // nothing posted, month over → overdue
    const posted = await line(w.unitA, '八月读书会', 8)
    await line(w.unitB, '九月读书会', 9) // future → planned
    const event = async (lineId: string, start: string, state: string) =>
      w.db.query(
        `insert into activity (district_id, unit_id, category, title, place_name, start_at, end_at, signup_opens_at, signup_closes_at, capacity, state, plan_line_id)
       values ('runzhou', $1, 'reading_club', '活动', '青年之家', $2, $2::timestamptz + interval '2 hours', $2::timestamptz - interval '10 days', $2::timestamptz - interval '1 day', 20, $3, $4)`,
        [w.unitA, start, state, lineId],
      )
    await event(held, '2034-03-10T01:00:00Z', 'published') // ended before now → held
    await event(posted, '2034-08-10T01:00:00Z', 'published')

    const grid = expectOk(await call<CompletionGrid>(fn, 'completion', { year }, PEOPLE.admin))
    expect(grid.months).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    const stateOf = (unitId: string, month: number) =>
      grid.rows
        .find((r) => r.unit.id === unitId)!
        .cells.find((c) => c.month === month)!
        .lines.map((l) => l.state)
    expect(stateOf(w.unitA, 3)).toEqual(['held'])
    expect(stateOf(w.unitA, 6)).toEqual(['overdue'])
    expect(stateOf(w.unitA, 8)).toEqual(['posted'])
    expect(stateOf(w.unitB, 9)).toEqual(['planned'])
    expect(stateOf(w.unitB, 1)).toEqual([])
    expect(grid.rows.find((r) => r.unit.id === w.unitA)!.heldCount).toBe(1)
    expect(grid.unitsWithoutHeldActivity.map((u) => u.id)).toEqual([w.unitB])
  })
})
