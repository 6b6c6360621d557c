import type { RankingRequest, SetWeightsRequest, UnitScoreRequest } from '@api/score'
import { callFunction } from '@/services/cloud'

export const unitScorecard = (req: UnitScoreRequest) => callFunction('score', 'unit', req)
export const unitRanking = (req: RankingRequest) => callFunction('score', 'ranking', req)
export const exportRanking = (req: RankingRequest) => callFunction('score', 'export', req)
export const setScoreWeights = (req: SetWeightsRequest) => callFunction('score', 'setWeights', req)
