/** Wishes as the `wish` function answers them, for the wish page tests. */
import type { WishDetail, WishSummary } from '@api/wish'

export const WISH_ID = '7a0c6c1e-4b8f-4d3a-9a51-0d3b2a3f6e01'
export const UNIT_A = '4f9d1c52-3d0a-4b7e-8c1f-6a2e9b7d5c01'
export const LINE_ID = '9b1e2d3c-4a5f-4e6d-8c7b-1a2b3c4d5e60'
export const EVENT_ID = 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f'

export function summary(overrides: Partial<WishSummary> = {}): WishSummary {
  return {
    id: WISH_ID,
    title: '周末飞盘体验课',
    category: 'social_mixer',
    categoryName: '交友联谊',
    body: '想在周末和大家一起学飞盘。',
    months: [4, 5],
    supporters: 12,
    stage: 'collecting',
    createdAt: '2026-11-24T02:00:00.000Z',
    claimedBy: null,
    ...overrides,
  }
}

export function detail(overrides: Partial<WishDetail> = {}): WishDetail {
  return {
    ...summary(),
    state: 'open',
    hiddenReason: null,
    claimedAt: null,
    line: null,
    event: null,
    threshold: 20,
    mine: { wanted: false, proposer: false, canWithdraw: false, canHide: false, claimUnits: [] },
    ...overrides,
  }
}

export const categories = {
  items: [
    { code: 'tree_planting', name: '植树/公益林', awardsServiceHours: true },
    { code: 'reading_club', name: '读书会', awardsServiceHours: false },
    { code: 'social_mixer', name: '交友联谊', awardsServiceHours: false },
  ],
}
