import type { CheckinBoard, MyCheckin, OfflineRoster, ScanResult, SiteCode } from '@api/checkin'
import { ACT } from './signup-fixtures'

export const NONCE = /^[A-Za-z0-9_-]{8,64}$/

export function myCheckin(overrides: Partial<MyCheckin> = {}): MyCheckin {
  return {
    activityId: ACT,
    registered: true,
    lastDirection: null,
    lastScanAt: null,
    opensAt: '2024-03-05T03:00:00.000Z',
    closesAt: '2024-03-05T08:00:00.000Z',
    open: true,
    ...overrides,
  }
}

let scans = 0

export function scanResult(overrides: Partial<ScanResult> = {}): ScanResult {
  scans += 1
  return {
    scanId: String(scans),
    activityId: ACT,
    direction: 'in',
    scannedAt: '2024-03-05T04:05:00.000Z',
    method: 'site_code',
    needsReview: false,
    person: { nickname: '小李', realName: '李青' },
    repeated: false,
    ...overrides,
  }
}

export function siteCode(overrides: Partial<SiteCode> = {}): SiteCode {
  return {
    token: 'T'.repeat(48),
    shortCode: '123456',
    qrDataUrl: 'data:image/png;base64,AAAA',
    direction: 'in',
    // The server's clock agrees with the (frozen) phone clock unless a test says otherwise.
    rotatesAt: '2024-03-05T04:00:30.000Z',
    serverNow: new Date(Date.now()).toISOString(),
    ...overrides,
  }
}

export function board(overrides: Partial<CheckinBoard> = {}): CheckinBoard {
  return { activityId: ACT, confirmed: 30, checkedIn: 12, checkedOut: 3, needsReview: 1, recent: [], ...overrides }
}

export function roster(entries: OfflineRoster['entries'], overrides: Partial<OfflineRoster> = {}): OfflineRoster {
  return {
    activityId: ACT,
    generatedAt: '2024-03-05T02:00:00.000Z',
    opensAt: '2024-03-05T03:00:00.000Z',
    closesAt: '2024-03-05T08:00:00.000Z',
    entries,
    ...overrides,
  }
}
