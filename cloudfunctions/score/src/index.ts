/** Cloud function `score`: unit rating (五星) scorecards, the district ranking, its export and weights. */
import { rankingRequest, setWeightsRequest, unitScoreRequest, type ScoreActions } from '@api/score'
import type { ScoreFailure } from '../../../server/app/score/failures'
import { exportRanking, setWeights, unitRanking, unitScorecard } from '../../../server/app/score/scores'
import { action, createFunction, withFailures } from '../../../server/runtime/function'
import { scoreFailures } from './failures'

export const actions = withFailures<ScoreActions, ScoreFailure>(
  {
    unit: action({ access: 'signed_in', input: unitScoreRequest, handle: (input, ctx) => unitScorecard(ctx, input) }),
    ranking: action({ access: 'signed_in', input: rankingRequest, handle: (input, ctx) => unitRanking(ctx, input) }),
    export: action({ access: 'signed_in', input: rankingRequest, handle: (input, ctx) => exportRanking(ctx, input) }),
    setWeights: action({
      access: 'signed_in',
      input: setWeightsRequest,
      handle: (input, ctx) => setWeights(ctx, input),
    }),
  },
  scoreFailures,
)

export const main = createFunction<ScoreActions>('score', actions)
