/** The wish pages' calls of the `wish` function. */
import type {
  ClaimLine,
  WishDetail,
  WishOrder,
  WishPage,
  WishProposeRequest,
  WishStage,
  WishWantResponse,
} from '@api/wish'
import { callFunction } from '@/services/cloud'

export const PAGE_SIZE = 20

export function listWishes(filter: {
  order: WishOrder
  category: string | null
  stage: WishStage | null
  cursor: string | null
}): Promise<WishPage> {
  return callFunction('wish', 'list', {
    order: filter.order,
    limit: PAGE_SIZE,
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.stage ? { stage: filter.stage } : {}),
    ...(filter.cursor ? { cursor: filter.cursor } : {}),
  })
}

export const getWish = (wishId: string): Promise<WishDetail> => callFunction('wish', 'get', { wishId })

export const proposeWish = (req: WishProposeRequest): Promise<WishDetail> => callFunction('wish', 'propose', req)

export const wantWish = (wishId: string, want: boolean): Promise<WishWantResponse> =>
  callFunction('wish', 'want', { wishId, want })

export const withdrawWish = (wishId: string): Promise<WishDetail> => callFunction('wish', 'withdraw', { wishId })

export const hideWish = (wishId: string, reason: string): Promise<WishDetail> =>
  callFunction('wish', 'hide', { wishId, reason })

export const claimWish = (wishId: string, planLineId: string): Promise<WishDetail> =>
  callFunction('wish', 'claim', { wishId, planLineId })

export const claimLines = (unitId: string, year: number): Promise<{ items: ClaimLine[] }> =>
  callFunction('wish', 'claimLines', { unitId, year })
