/**
 * The refusals of the Eviction API, with upstream's words (kubernetes
 * pkg/registry/core/pod/storage/eviction.go).
 * @packageDocumentation
 */
import { EvictionRefusedError } from '../../errors.js';

/** The message of every 429 from a budget check (`errors.NewTooManyRequests`). */
export const EVICTION_BUDGET_MESSAGE =
  "Cannot evict pod as it would violate the pod's disruption budget.";

/** The 500 when several budgets cover the pod (the eviction subresource supports one). */
export const MULTIPLE_PDBS_MESSAGE =
  'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.';

/** A `StatusCause` of a refusal: upstream attaches one of type `DisruptionBudget`. */
export interface EvictionCause {
  readonly type: 'DisruptionBudget';
  readonly message: string;
}

/**
 * A 429 from a PodDisruptionBudget: `message` is upstream's (what kubectl prints), `causes`
 * carries the detail upstream puts in the Status details, e.g.
 * `The disruption budget web needs 2 healthy pods and has 2 currently`. Code `TooManyRequests`.
 */
export class DisruptionBudgetRefusedError extends EvictionRefusedError {
  /** The budget that refused. */
  readonly budget: string;
  readonly causes: readonly EvictionCause[];
  constructor(budget: string, cause: string) {
    super(EVICTION_BUDGET_MESSAGE, 'TooManyRequests', 429);
    this.budget = budget;
    this.causes = [{ type: 'DisruptionBudget', message: cause }];
  }
}

/** 429: the budget has no disruption left. */
export function budgetExhausted(
  name: string,
  desiredHealthy: number,
  currentHealthy: number,
): DisruptionBudgetRefusedError {
  return new DisruptionBudgetRefusedError(
    name,
    `The disruption budget ${name} needs ${desiredHealthy} healthy pods and has ${currentHealthy} currently`,
  );
}

/** 429: the controller has not yet observed the budget's latest generation. */
export function budgetNotProcessed(name: string): DisruptionBudgetRefusedError {
  return new DisruptionBudgetRefusedError(
    name,
    `The disruption budget ${name} is still being processed by the server.`,
  );
}

/** 403 (`errors.NewForbidden` on `poddisruptionbudgets.policy`). */
export function budgetForbidden(name: string, reason: string): EvictionRefusedError {
  return new EvictionRefusedError(
    `poddisruptionbudgets.policy "${name}" is forbidden: ${reason}`,
    'Forbidden',
    403,
  );
}

/** 500: more than one budget covers the pod. */
export function multipleBudgets(): EvictionRefusedError {
  return new EvictionRefusedError(MULTIPLE_PDBS_MESSAGE, 'MultiplePodDisruptionBudgets', 500);
}
