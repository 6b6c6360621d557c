/** Cloud function `wish`: wishes (活动点单) — propose, 想参加, claim into the annual list, the wall. */
import {
  claimLinesRequest,
  wishClaimRequest,
  wishGetRequest,
  wishHideRequest,
  wishListRequest,
  wishProposeRequest,
  wishThresholdRequest,
  wishWantRequest,
  wishWithdrawRequest,
  type WishActions,
} from '@api/wish'
import { claimLines, claimWish } from '../../../server/app/wish/claim'
import type { WishFailure } from '../../../server/app/wish/failures'
import { hideWish, proposeWish, setWishThreshold, withdrawWish } from '../../../server/app/wish/propose'
import { wishDetail, wishWall } from '../../../server/app/wish/read'
import { wantWish } from '../../../server/app/wish/support'
import { action, createFunction, withFailures } from '../../../server/runtime/function'
import { wishFailures } from './failures'

export const actions = withFailures<WishActions, WishFailure>(
  {
    propose: action({
      access: 'signed_in',
      input: wishProposeRequest,
      handle: (input, ctx) => proposeWish(ctx, input),
    }),
    list: action({ access: 'public', input: wishListRequest, handle: (input, ctx) => wishWall(ctx, input) }),
    get: action({ access: 'public', input: wishGetRequest, handle: (input, ctx) => wishDetail(ctx, input.wishId) }),
    want: action({ access: 'signed_in', input: wishWantRequest, handle: (input, ctx) => wantWish(ctx, input) }),
    withdraw: action({
      access: 'signed_in',
      input: wishWithdrawRequest,
      handle: (input, ctx) => withdrawWish(ctx, input.wishId),
    }),
    hide: action({ access: 'signed_in', input: wishHideRequest, handle: (input, ctx) => hideWish(ctx, input) }),
    claim: action({ access: 'signed_in', input: wishClaimRequest, handle: (input, ctx) => claimWish(ctx, input) }),
    claimLines: action({
      access: 'signed_in',
      input: claimLinesRequest,
      handle: (input, ctx) => claimLines(ctx, input),
    }),
    setThreshold: action({
      access: 'signed_in',
      input: wishThresholdRequest,
      handle: (input, ctx) => setWishThreshold(ctx, input.threshold),
    }),
  },
  wishFailures,
)

export const main = createFunction<WishActions>('wish', actions)
