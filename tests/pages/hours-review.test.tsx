import Taro from '@tarojs/taro'
import type { AuditRecord, EventHours, LedgerEntry, MakeupRequest } from '@api/hours'
import { ApiError } from '@/services/cloud'
import { openPage, pageRoot, text } from './support/app'
import { callFunctionMock, serve } from './support/cloud-mock'
import { freezeNow } from './support/clock'
import { allByTestId, byTestId, callsOf, pick, tap, typeInto } from './support/dom'
import { ACT, PEOPLE, REG_A, REG_B, REG_C, entry, eventHours, preview } from './support/hours-fixtures'

jest.mock('@/services/cloud', () => ({
  ...jest.requireActual('@/services/cloud'),
  callFunction: jest.fn(),
}))

const PAGE = `/packages/organiser/pages/hours/index?id=${ACT}`

function button(label: string, root: ParentNode = pageRoot()): HTMLElement {
  const b = Array.from(root.querySelectorAll<HTMLElement>('.taroify-button')).find(
    (e) => e.textContent?.trim() === label,
  )
  if (!b) throw new Error(`no button ${label}`)
  return b
}

/** A Taroify button by test id: the id sits on its inner native button, the state on its root. */
function testButton(id: string): HTMLElement {
  return byTestId(id).closest<HTMLElement>('.taroify-button') as HTMLElement
}

function disabled(el: HTMLElement): boolean {
  return el.className.includes('taroify-button--disabled')
}

function entryById(id: string): HTMLElement {
  const el = allByTestId('hours-entry').find((e) => e.dataset.id === id)
  if (!el) throw new Error(`no entry ${id}`)
  return el
}

let modal: jest.SpyInstance
let toast: jest.SpyInstance

beforeEach(() => {
  freezeNow('2024-03-10T06:00:00.000Z')
  callFunctionMock.mockReset()
  modal = jest
    .spyOn(Taro, 'showModal')
    .mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never)
  toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never)
})

afterEach(() => {
  modal.mockRestore()
  toast.mockRestore()
  jest.useRealTimers()
})

/** 李青: a scan without check-out (needs review) and an approved scan corrected by a reversal + correction;
 *  阿王: a far-away scan on public notice and a declined make-up. */
function ledger() {
  const missing = entry({ hours: 0, minutes: 150, needsReview: true, flags: ['missing_check_out'], day: '2024-03-10' })
  const old = entry({ day: '2024-03-09', status: 'approved', hours: 2.5, minutes: 150, corrected: true })
  const reversal = entry({
    day: '2024-03-09',
    kind: 'reversal',
    status: 'approved',
    hours: -2.5,
    minutes: 0,
    replacesId: old.id,
    reason: '实际全程在场',
  })
  const correction = entry({
    day: '2024-03-09',
    kind: 'correction',
    status: 'approved',
    hours: 3,
    minutes: 0,
    replacesId: old.id,
    reason: '实际全程在场',
  })
  const far = entry({
    registrationId: REG_B,
    person: PEOPLE.WANG,
    flags: ['far_from_venue'],
    hours: 3,
    minutes: 180,
    noticeUntil: '2024-03-13T04:00:00.000Z',
  })
  const declined = entry({
    registrationId: REG_B,
    person: PEOPLE.WANG,
    day: '2024-03-09',
    kind: 'makeup',
    status: 'declined',
    hours: 2,
    minutes: 0,
    reason: '没有证明材料',
    evidence: { note: '朋友可以作证', photoCount: 0 },
  })
  const ev = eventHours({
    entries: [missing, far, old, reversal, correction, declined],
    totals: [
      { registrationId: REG_A, approvedHours: 3 },
      { registrationId: REG_B, approvedHours: 0 },
    ],
  })
  return { ev, missing, old, reversal, correction, far, declined }
}

test('entries per person: kind, hours, presence, status, flags in plain Chinese; corrected entries struck through', async () => {
  const { ev, missing, old, reversal, correction, far, declined } = ledger()
  serve({ 'hours.review': () => ev, 'hours.preview': () => preview() })
  await openPage(PAGE)

  expect(callsOf(callFunctionMock, 'hours', 'review')).toEqual([{ activityId: ACT }])
  expect(text()).toContain('青年公益林植树')
  // Closed already: no preview card.
  expect(pageRoot().querySelector('[data-testid="hours-preview"]')).toBeNull()

  // People by name (pinyin order), each with their approved total.
  const persons = allByTestId('hours-person')
  expect(persons.map((p) => p.querySelector('.hours-person__name')?.textContent)).toEqual(['阿王', '李青'])
  expect(persons[1].textContent).toContain('已确认 3 小时')
  // By day within a person: the 9th (old, reversal, correction) before the 10th.
  expect(allByTestId('hours-entry', persons[1]).map((e) => e.dataset.id)).toEqual([
    old.id,
    reversal.id,
    correction.id,
    missing.id,
  ])

  const m = entryById(missing.id)
  expect(byTestId('entry-kind', m).textContent).toBe('打卡')
  expect(byTestId('entry-status', m).textContent).toBe('待确认')
  expect(m.textContent).toContain('在场 2小时30分')
  expect(byTestId('entry-flags', m).textContent).toContain('未签退，需核实')

  const o = entryById(old.id)
  expect(byTestId('entry-status', o).textContent).toBe('已确认')
  expect(byTestId('entry-hours', o).className).toContain('hours-entry__hours--struck')
  expect(o.textContent).toContain('已被更正')
  // A corrected entry cannot be adjusted again; its correction can.
  expect(o.querySelector('.hours-entry__adjust')).toBeNull()
  expect(entryById(correction.id).querySelector('.hours-entry__adjust')).not.toBeNull()

  expect(byTestId('entry-kind', entryById(reversal.id)).textContent).toBe('冲正')
  expect(byTestId('entry-hours', entryById(reversal.id)).textContent).toBe('-2.5 小时')
  expect(byTestId('entry-kind', entryById(correction.id)).textContent).toBe('更正')
  expect(byTestId('entry-hours', entryById(correction.id)).className).not.toContain('struck')
  expect(byTestId('entry-hours', m).className).not.toContain('struck')

  const f = entryById(far.id)
  expect(byTestId('entry-status', f).textContent).toBe('公示中')
  expect(byTestId('entry-notice', f).textContent).toBe('公示至 3月13日 12:00，期满无异议后生效')
  expect(byTestId('entry-flags', f).textContent).toContain('签到位置离活动地点较远，需核实')

  const d = entryById(declined.id)
  expect(byTestId('entry-kind', d).textContent).toBe('补录')
  expect(byTestId('entry-status', d).textContent).toBe('未通过')
  expect(d.textContent).toContain('原因：没有证明材料')
  expect(d.textContent).toContain('证明材料：朋友可以作证')
  expect(d.querySelector('.hours-entry__adjust')).toBeNull()

  // One entry needs review, nothing else is pending and off notice: 确认 is disabled and says why.
  expect(disabled(testButton('hours-confirm'))).toBe(true)
  expect(byTestId('hours-review-count').textContent).toContain('有 1 条需要核实')
})

test('调整 sends {entryId, hours, reason}; an empty reason or bad hours are refused before any call', async () => {
  const { ev, missing } = ledger()
  let adjusted = false
  serve({
    'hours.review': () =>
      adjusted
        ? {
            ...ev,
            entries: ev.entries.map((e) =>
              e.id === missing.id ? { ...e, hours: 2.5, needsReview: false, flags: [] } : e,
            ),
          }
        : ev,
    'hours.preview': () => preview(),
    'hours.adjust': (d) => {
      adjusted = true
      return { ...missing, ...(d as object) }
    },
  })
  await openPage(PAGE)
  await tap(entryById(missing.id).querySelector<HTMLElement>('.hours-entry__adjust') as HTMLElement)
  expect(byTestId('adjust-dialog').textContent).not.toContain('冲正')

  await typeInto('adjust-hours', '2.5')
  await tap(byTestId('adjust-submit'))
  expect(byTestId('adjust-error').textContent).toBe('请填写调整原因（至少 2 个字）')
  await typeInto('adjust-reason', ' 嗯 ')
  await tap(byTestId('adjust-submit'))
  expect(byTestId('adjust-error').textContent).toBe('请填写调整原因（至少 2 个字）')
  await typeInto('adjust-reason', '  负责人核实 11:30 离开  ')
  await typeInto('adjust-hours', '2.3')
  await tap(byTestId('adjust-submit'))
  expect(byTestId('adjust-error').textContent).toBe('时长须为 0.5 小时的整数倍')
  await typeInto('adjust-hours', '25')
  await tap(byTestId('adjust-submit'))
  expect(byTestId('adjust-error').textContent).toBe('一天最多 24 小时')
  expect(callsOf(callFunctionMock, 'hours', 'adjust')).toEqual([])

  await typeInto('adjust-hours', '2.5')
  await tap(byTestId('adjust-submit'))
  expect(callsOf(callFunctionMock, 'hours', 'adjust')).toEqual([
    { entryId: missing.id, hours: 2.5, reason: '负责人核实 11:30 离开' },
  ])
  expect(pageRoot().querySelector('[data-testid="adjust-dialog"]')).toBeNull()
  // The ledger is read again: the entry no longer needs review.
  expect(callsOf(callFunctionMock, 'hours', 'review')).toHaveLength(2)
  expect(entryById(missing.id).querySelector('[data-testid="entry-flags"]')).toBeNull()
  expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已调整' }))
})

test('调整 of an approved entry says it will be reversed and corrected, never edited; server errors stay in the dialog', async () => {
  const { ev, correction } = ledger()
  serve({
    'hours.review': () => ev,
    'hours.preview': () => preview(),
    'hours.adjust': () => {
      throw new ApiError('HOURS_OVER_LIMIT', '该活动每人最多 3 小时')
    },
  })
  await openPage(PAGE)
  await tap(entryById(correction.id).querySelector<HTMLElement>('.hours-entry__adjust') as HTMLElement)
  expect(byTestId('adjust-correction-note').textContent).toContain('不会被直接修改')
  expect(byTestId('adjust-correction-note').textContent).toContain('冲正记录')
  await typeInto('adjust-hours', '3.5')
  await typeInto('adjust-reason', '补记准备时间')
  await tap(byTestId('adjust-submit'))
  expect(callsOf(callFunctionMock, 'hours', 'adjust')).toEqual([
    { entryId: correction.id, hours: 3.5, reason: '补记准备时间' },
  ])
  expect(byTestId('adjust-error').textContent).toBe('该活动每人最多 3 小时')
})

test('不通过 asks for a reason and sends it', async () => {
  const { ev, far } = ledger()
  serve({
    'hours.review': () => ev,
    'hours.preview': () => preview(),
    'hours.decline': (d) => ({ ...far, status: 'declined', reason: (d as { reason: string }).reason }),
  })
  await openPage(PAGE)
  await tap(entryById(far.id).querySelector<HTMLElement>('.hours-entry__decline') as HTMLElement)
  const dialog = byTestId('reason-dialog')
  expect(dialog.textContent).toContain('阿王')
  const confirm = dialog.querySelector<HTMLElement>('.reason-dialog__confirm') as HTMLElement
  await tap(confirm)
  expect(callsOf(callFunctionMock, 'hours', 'decline')).toEqual([])
  await typeInto('reason-input', ' 签到地点在外地 ')
  await tap(confirm)
  expect(callsOf(callFunctionMock, 'hours', 'decline')).toEqual([{ entryId: far.id, reason: '签到地点在外地' }])
  expect(pageRoot().querySelector('[data-testid="reason-dialog"]')).toBeNull()
})

test('补录: people from the ledger and the preview, the event days; HOURS_OVER_LIMIT shows its message', async () => {
  const { ev } = ledger()
  let calls = 0
  serve({
    'hours.review': () => ev,
    'hours.preview': () => preview(),
    'hours.makeup': (d) => {
      calls++
      if (calls === 1) throw new ApiError('HOURS_OVER_LIMIT', '补录后该人本活动时长超过活动安排的 3 小时')
      return entry({ kind: 'makeup', ...(d as object) })
    },
  })
  // A two-day event: Sat 9th 09:00 to Sun 10th 12:00.
  ev.activity.startAt = '2024-03-09T01:00:00.000Z'
  ev.days = ['2024-03-09', '2024-03-10'] // as the server lists them
  await openPage(PAGE)
  await tap(byTestId('hours-makeup'))
  const dialog = byTestId('makeup-dialog')
  const personPicker = byTestId('makeup-person')
  expect(personPicker.textContent).toContain('选择人员')
  // Nothing chosen: refused before any call.
  await tap(byTestId('makeup-submit'))
  expect(byTestId('makeup-error').textContent).toBe('请选择补录的人')

  // Sorted by name: 李青, 周舟 (preview only), 阿王 — pick 周舟, who never scanned.
  const names = ['李青', '周舟', '阿王'].sort((a, b) => a.localeCompare(b, 'zh'))
  await pick('makeup-person', names.indexOf('周舟'))
  expect(byTestId('makeup-person').textContent).toContain('周舟')
  await pick('makeup-day', 1)
  expect(byTestId('makeup-day').textContent).toContain('3月10日 周日')
  await typeInto('makeup-hours', '3.5')
  await typeInto('makeup-reason', '手机没电未能签到')
  await typeInto('makeup-evidence', '现场合影，负责人王老师可证明')
  await tap(byTestId('makeup-submit'))

  const req = {
    registrationId: REG_C,
    day: '2024-03-10',
    hours: 3.5,
    reason: '手机没电未能签到',
    evidence: { note: '现场合影，负责人王老师可证明', fileIds: [] },
  }
  expect(callsOf(callFunctionMock, 'hours', 'makeup')).toEqual([req])
  expect(byTestId('makeup-error').textContent).toBe('补录后该人本活动时长超过活动安排的 3 小时')
  expect(dialog.isConnected).toBe(true)

  await typeInto('makeup-hours', '3')
  await tap(byTestId('makeup-submit'))
  expect(callsOf(callFunctionMock, 'hours', 'makeup')[1]).toEqual({ ...req, hours: 3 })
  expect(pageRoot().querySelector('[data-testid="makeup-dialog"]')).toBeNull()
  expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已补录，待确认' }))
})

const UPLOAD_DIR = 'evidence/runzhou/unit-a/event-1/'
const hex = (n: number) => String(n).repeat(32).slice(0, 32)

/** Serves the ledger, upload names for the photos, the make-up (counting its photos) and its photo links. */
function serveWithPhotos(uploadUrl: (path: string) => string | null) {
  const { ev } = ledger()
  let made: LedgerEntry | null = null
  serve({
    'hours.review': () => (made ? { ...ev, entries: [...ev.entries, made] } : ev),
    'hours.preview': () => preview(),
    'hours.evidenceUploads': (d) => ({
      uploads: (d as { files: string[] }).files.map((ext, i) => {
        const cloudPath = `${UPLOAD_DIR}${hex(i + 1)}.${ext}`
        return { cloudPath, uploadUrl: uploadUrl(cloudPath) }
      }),
    }),
    'hours.makeup': (d) => {
      const { evidence, ...rest } = d as MakeupRequest
      made = entry({ kind: 'makeup', ...rest, evidence: { note: evidence.note, photoCount: evidence.fileIds!.length } })
      return made
    },
    'hours.evidencePhotos': () => ({ urls: ['https://tmp.example/1.jpg?sign=a', 'https://tmp.example/2.png?sign=b'] }),
  })
}

/** Adds two photos, fills the form, submits; answers what the make-up sent. */
async function makeupWithTwoPhotos(kinds: string[]) {
  await openPage(PAGE)
  await tap(byTestId('hours-makeup'))
  await tap(byTestId('makeup-add-photo'))
  expect(byTestId('makeup-photos').querySelectorAll('.hours-dialog__photo').length).toBe(2)
  await pick('makeup-person', 0)
  await typeInto('makeup-hours', '1')
  await typeInto('makeup-reason', '手机没电未能签到')
  await typeInto('makeup-evidence', '现场合影两张')
  await tap(byTestId('makeup-submit'))
  expect(callsOf(callFunctionMock, 'hours', 'evidenceUploads')).toEqual([
    { activityId: expect.any(String), files: kinds },
  ])
  return callsOf(callFunctionMock, 'hours', 'makeup')[0] as { evidence: { fileIds: string[] } }
}

/** The ledger shows the count, and the photos open only through the links the server hands out. */
async function photosOpenThroughLinks() {
  const preview = jest.spyOn(Taro, 'previewImage').mockResolvedValue({} as never)
  try {
    expect(byTestId('entry-photos').textContent).toBe('查看证明照片（2 张）')
    await tap(byTestId('entry-photos'))
    expect(callsOf(callFunctionMock, 'hours', 'evidencePhotos')).toHaveLength(1)
    expect(preview).toHaveBeenCalledWith({
      urls: ['https://tmp.example/1.jpg?sign=a', 'https://tmp.example/2.png?sign=b'],
      current: 'https://tmp.example/1.jpg?sign=a',
    })
  } finally {
    preview.mockRestore()
  }
}

test('补录 in WeChat: photos go to the private names the server gives, are sent with the entry, and open through links', async () => {
  const saved = process.env.TARO_ENV
  process.env.TARO_ENV = 'weapp'
  const taro = Taro as unknown as { cloud?: { uploadFile: jest.Mock } }
  const savedCloud = taro.cloud
  taro.cloud = {
    uploadFile: jest
      .fn()
      .mockImplementation(({ cloudPath }: { cloudPath: string }) =>
        Promise.resolve({ fileID: `cloud://env.bucket/${cloudPath}` }),
      ),
  }
  const choose = jest
    .spyOn(Taro, 'chooseImage')
    .mockResolvedValue({ tempFilePaths: ['wxfile://a.jpg', 'wxfile://b.png'] } as never)
  try {
    serveWithPhotos(() => null)
    const sent = await makeupWithTwoPhotos(['jpg', 'png'])
    expect(choose).toHaveBeenCalledWith(expect.objectContaining({ count: 6 }))
    expect(taro.cloud.uploadFile.mock.calls.map(([o]) => (o as { cloudPath: string }).cloudPath)).toEqual([
      `${UPLOAD_DIR}${hex(1)}.jpg`,
      `${UPLOAD_DIR}${hex(2)}.png`,
    ])
    expect(sent.evidence.fileIds).toEqual([
      `cloud://env.bucket/${UPLOAD_DIR}${hex(1)}.jpg`,
      `cloud://env.bucket/${UPLOAD_DIR}${hex(2)}.png`,
    ])
    await photosOpenThroughLinks()
  } finally {
    process.env.TARO_ENV = saved
    taro.cloud = savedCloud
    choose.mockRestore()
  }
})

test('补录 in H5: photos are PUT to the signed upload links of the local host', async () => {
  const choose = jest.spyOn(Taro, 'chooseImage').mockResolvedValue({
    tempFilePaths: ['blob:http://localhost/1', 'blob:http://localhost/2'],
    tempFiles: [{ type: 'image/jpeg' }, { type: 'image/png' }],
  } as never)
  const savedFetch = global.fetch
  const puts: string[] = []
  global.fetch = jest.fn(async (url: string, init?: { method?: string }) => {
    if (init?.method === 'PUT') {
      puts.push(url)
      const path = decodeURIComponent(new URL(url, 'http://x').pathname.slice('/upload/'.length))
      return { json: async () => ({ ok: true, data: { fileId: `local://${path}` } }) }
    }
    return { blob: async () => new Blob(['photo']) }
  }) as unknown as typeof fetch
  try {
    serveWithPhotos((path) => `/upload/${path}?exp=1&sig=s`)
    const sent = await makeupWithTwoPhotos(['jpeg', 'png'])
    expect(puts).toEqual([
      `/upload/${UPLOAD_DIR}${hex(1)}.jpeg?exp=1&sig=s`,
      `/upload/${UPLOAD_DIR}${hex(2)}.png?exp=1&sig=s`,
    ])
    expect(sent.evidence.fileIds).toEqual([`local://${UPLOAD_DIR}${hex(1)}.jpeg`, `local://${UPLOAD_DIR}${hex(2)}.png`])
    await photosOpenThroughLinks()
  } finally {
    global.fetch = savedFetch
    choose.mockRestore()
  }
})

test('确认时长 confirms after asking and reports approved / on notice / left for review', async () => {
  const ready = entry({ registrationId: REG_B, person: PEOPLE.WANG })
  const review = entry({ needsReview: true, flags: ['missing_check_out'], hours: 0 })
  serve({
    'hours.review': () => eventHours({ entries: [ready, review] }),
    'hours.preview': () => preview(),
    'hours.confirm': () => ({ approved: 1, onNotice: 0, leftForReview: 1 }),
  })
  await openPage(PAGE)
  expect(testButton('hours-confirm').textContent).toContain('确认时长（1）')

  modal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' } as never)
  await tap(byTestId('hours-confirm'))
  expect(callsOf(callFunctionMock, 'hours', 'confirm')).toEqual([])

  await tap(byTestId('hours-confirm'))
  expect(callsOf(callFunctionMock, 'hours', 'confirm')).toEqual([{ activityId: ACT }])
  expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已确认 1 条，公示 0 条，待核实 1 条' }))
  expect(callsOf(callFunctionMock, 'hours', 'review')).toHaveLength(2)
})

test('before closing: the preview shows what scans earn; 汇总时长 only after the end (by the server clock)', async () => {
  let ended = false
  let closed = false
  serve({
    'hours.review': () =>
      closed ? eventHours({ entries: [entry()] }) : eventHours({}, { hoursClosedAt: null, ended }),
    'hours.preview': () => preview(),
    'hours.close': () => {
      closed = true
      return { pending: 2, needsReview: 1 }
    },
  })
  await openPage(PAGE)
  const items = allByTestId('preview-item')
  expect(items).toHaveLength(2)
  expect(items[0].textContent).toContain('李青')
  expect(items[0].textContent).toContain('2.5 小时')
  expect(items[1].textContent).toContain('在场不足')
  expect(byTestId('hours-closed').textContent).toBe('活动结束后才能汇总时长')
  expect(disabled(testButton('hours-close'))).toBe(true)
  await tap(byTestId('hours-close'))
  expect(callsOf(callFunctionMock, 'hours', 'close')).toEqual([])
  expect(pageRoot().querySelector('[data-testid="hours-confirm"]')).toBeNull()

  // After the end, as the server says (whatever the phone's clock).
  ended = true
  await openPage(PAGE)
  expect(disabled(testButton('hours-close'))).toBe(false)
  await tap(byTestId('hours-close'))
  expect(callsOf(callFunctionMock, 'hours', 'close')).toEqual([{ activityId: ACT }])
  expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已汇总 2 条，待核实 1 条' }))
  expect(pageRoot().querySelector('[data-testid="hours-preview"]')).toBeNull()
  expect(allByTestId('hours-entry')).toHaveLength(1)
})

test('查看记录 shows who changed what, when, before → after and why', async () => {
  const { ev, correction } = ledger()
  const records: AuditRecord[] = [
    {
      at: '2024-03-10T05:00:00.000Z',
      by: '系统',
      action: 'close',
      before: null,
      after: { hours: 2.5, status: 'pending' },
      reason: null,
    },
    {
      at: '2024-03-10T05:30:00.000Z',
      by: '陆斌',
      action: 'correct',
      before: { hours: 2.5, status: 'approved' },
      after: { hours: 3, status: 'approved' },
      reason: '实际全程在场',
    },
  ]
  serve({ 'hours.review': () => ev, 'hours.preview': () => preview(), 'hours.history': () => records })
  await openPage(PAGE)
  await tap(entryById(correction.id).querySelector<HTMLElement>('.hours-entry__history') as HTMLElement)
  expect(callsOf(callFunctionMock, 'hours', 'history')).toEqual([{ entryId: correction.id }])
  const rows = allByTestId('history-record')
  expect(rows).toHaveLength(2)
  expect(rows[0].textContent).toContain('3月10日 13:00 · 系统 · 汇总')
  expect(rows[0].textContent).toContain('— → 2.5 小时（待确认）')
  expect(rows[1].textContent).toContain('陆斌 · 更正')
  expect(rows[1].textContent).toContain('2.5 小时（已确认） → 3 小时（已确认）')
  expect(rows[1].textContent).toContain('原因：实际全程在场')
  await tap(button('关闭'))
  expect(pageRoot().querySelector('[data-testid="history-dialog"]')).toBeNull()
})

test('计时规则: the minimum share typed as % is sent as a fraction, with the step and notice days', async () => {
  let saved: EventHours['settings'] | null = null
  serve({
    'hours.review': () => eventHours(saved ? { settings: saved } : {}),
    'hours.preview': () => preview(),
    'hours.settings': (d) => {
      const { activityId: _a, ...s } = d as EventHours['settings'] & { activityId: string }
      saved = s
      return s
    },
  })
  await openPage(PAGE)
  await tap(byTestId('hours-settings-toggle'))
  await typeInto('settings-min-share', '120')
  await tap(byTestId('settings-save'))
  expect(byTestId('settings-error').textContent).toBe('最低在场比例须为 0–100 的整数')
  await typeInto('settings-min-share', '70')
  await pick('settings-step', 3)
  await typeInto('settings-notice-days', '3')
  await typeInto('settings-radius', '5')
  await tap(byTestId('settings-save'))
  expect(byTestId('settings-error').textContent).toBe('签到范围须为 10–100000 米的整数')
  await typeInto('settings-radius', '800')
  await typeInto('settings-opens-minutes', '30')
  await tap(byTestId('settings-save'))
  expect(callsOf(callFunctionMock, 'hours', 'settings')).toEqual([
    { activityId: ACT, minShare: 0.7, stepHours: 1, noticeDays: 3, checkinOpensMinutes: 30, checkinRadiusMeters: 800 },
  ])
  expect(text()).toContain('在场达到 70% 才计时长，按 1 小时向下取整')
  expect(text()).toContain('确认后公示 3 天再生效')
})

test('FORBIDDEN: the message without 重试', async () => {
  serve({
    'hours.review': () => {
      throw new ApiError('FORBIDDEN', '只有本单位的组织者可以审核时长')
    },
  })
  await openPage(PAGE)
  expect(byTestId('error-state').textContent).toContain('只有本单位的组织者可以审核时长')
})
