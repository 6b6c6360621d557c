/** Cloud function `honour`: honours (荣誉) — kinds, nominations with the record, review, the public roll. */
import {
  honourCandidatesRequest,
  honourDecideRequest,
  honourDefineRequest,
  honourKindsRequest,
  honourMineRequest,
  honourNominateRequest,
  honourNominationsRequest,
  honourRollRequest,
  type HonourActions,
} from '@api/honour'
import { decideHonour } from '../../../server/app/honour/decide'
import type { HonourFailure } from '../../../server/app/honour/failures'
import { defineKind, honourKinds } from '../../../server/app/honour/kinds'
import { honourCandidates, honourNominations, nominate } from '../../../server/app/honour/nominate'
import { honourRoll, myHonours } from '../../../server/app/honour/roll'
import { action, createFunction, withFailures } from '../../../server/runtime/function'
import { honourFailures } from './failures'

export const actions = withFailures<HonourActions, HonourFailure>(
  {
    define: action({ access: 'signed_in', input: honourDefineRequest, handle: (input, ctx) => defineKind(ctx, input) }),
    kinds: action({
      access: 'public',
      input: honourKindsRequest,
      handle: (input, ctx) => honourKinds(ctx, input.year),
    }),
    candidates: action({
      access: 'signed_in',
      input: honourCandidatesRequest,
      handle: (input, ctx) => honourCandidates(ctx, input),
    }),
    nominate: action({
      access: 'signed_in',
      input: honourNominateRequest,
      handle: (input, ctx) => nominate(ctx, input),
    }),
    nominations: action({
      access: 'signed_in',
      input: honourNominationsRequest,
      handle: (input, ctx) => honourNominations(ctx, input),
    }),
    decide: action({
      access: 'signed_in',
      input: honourDecideRequest,
      handle: (input, ctx) => decideHonour(ctx, input),
    }),
    roll: action({ access: 'public', input: honourRollRequest, handle: (input, ctx) => honourRoll(ctx, input.year) }),
    mine: action({ access: 'signed_in', input: honourMineRequest, handle: (_input, ctx) => myHonours(ctx) }),
  },
  honourFailures,
)

export const main = createFunction<HonourActions>('honour', actions)
