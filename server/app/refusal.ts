/**
 * How a use case stops with a typed failure: `refuse(failure)` throws a `Refusal` that unwinds the
 * transaction; the runtime answers it from the function's failure table. A refusal is an answer,
 * not a fault: it is never logged as an error.
 */
import type { CommonFailure, Failure, Thing } from '../domain/failure'

export class Refusal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.kind)
    this.name = 'Refusal'
  }
}

export function refuse<F extends Failure>(failure: F): never {
  throw new Refusal(failure)
}

/** Raises the failure a domain check answered, if any. */
export function check(failure: Failure | null | undefined): void {
  if (failure) throw new Refusal(failure)
}

/** Refuses with `failure` (FORBIDDEN by default) unless `allowed`. */
export function allow<F extends Failure>(allowed: boolean, failure?: F): void {
  if (!allowed) throw new Refusal(failure ?? ({ kind: 'forbidden' } satisfies CommonFailure))
}

/** The value, or NOT_FOUND for `thing` when it is missing. */
export function found<T>(value: T | null | undefined, thing: Thing): T {
  if (value === null || value === undefined) {
    const failure: CommonFailure = { kind: 'notFound', thing }
    throw new Refusal(failure)
  }
  return value
}
