/** Typed calls of the `plan` cloud function (the annual activity list). Used only by subpackages. */
import type {
  CompletionGrid,
  ExportResult,
  ImportResult,
  LineCreateRequest,
  LineUpdateRequest,
  Plan,
  PlanLine,
} from '@api/plan'
import { callFunction } from '@/services/cloud'

export function getPlan(year: number): Promise<Plan> {
  return callFunction('plan', 'get', { year })
}

export function addLine(req: LineCreateRequest): Promise<PlanLine> {
  return callFunction('plan', 'addLine', req)
}

export function updateLine(req: LineUpdateRequest): Promise<PlanLine> {
  return callFunction('plan', 'updateLine', req)
}

export function removeLine(lineId: string): Promise<{ removed: true }> {
  return callFunction('plan', 'removeLine', { lineId })
}

export function publishPlan(year: number): Promise<Plan> {
  return callFunction('plan', 'publish', { year })
}

export function importPlan(year: number, fileBase64: string, mode: 'replace' | 'append'): Promise<ImportResult> {
  return callFunction('plan', 'importXlsx', { year, fileBase64, mode })
}

export function exportPlan(year: number): Promise<ExportResult> {
  return callFunction('plan', 'exportXlsx', { year })
}

export function getCompletion(year: number): Promise<CompletionGrid> {
  return callFunction('plan', 'completion', { year })
}
