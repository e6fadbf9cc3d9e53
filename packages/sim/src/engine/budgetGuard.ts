/**
 * Stops a run that would not end (DESIGN.md "Running and settling").
 * @packageDocumentation
 */
import { BudgetExceededError, formatDuration } from '@kubesim/core';
import { InvalidArgumentError } from './engineErrors.js';

/** The limits a {@link BudgetGuard} enforces. */
export interface BudgetLimits {
  /**
   * Events allowed at one virtual instant.
   * @defaultValue `10_000_000`
   */
  readonly maxEventsPerInstant: number;
  /**
   * Reconciles of one (controller, key) allowed at one instant while its input is unchanged.
   * @defaultValue `100`
   */
  readonly maxReconcilesPerKeyPerInstant: number;
}

/** Default budgets. */
export const DEFAULT_BUDGET_LIMITS: Readonly<BudgetLimits> = Object.freeze({
  maxEventsPerInstant: 10_000_000,
  maxReconcilesPerKeyPerInstant: 100,
});

interface ReconcileCount {
  count: number;
  input: number | string;
}

/**
 * Counts work at the current instant and throws core's `BudgetExceededError` when a loop makes no
 * progress in virtual time:
 * - more than `maxReconcilesPerKeyPerInstant` reconciles of one (controller, key) at one instant
 *   with the same input version (a controller that requeues itself with nothing changed), or
 * - more than `maxEventsPerInstant` events at one instant.
 * Counters reset whenever time moves; a reconcile's counter also resets when its input changes.
 *
 * @example
 * ```ts
 * const guard = new BudgetGuard();
 * guard.countEvent(now);
 * guard.countReconcile('endpointslice', 'default/web', now, store.resourceVersion);
 * ```
 */
export class BudgetGuard {
  /** The enforced limits. */
  readonly limits: BudgetLimits;
  #instant = Number.NaN;
  #events = 0;
  readonly #reconciles = new Map<string, ReconcileCount>();

  /** @throws InvalidArgumentError when a limit is not a positive integer. */
  constructor(limits: Partial<BudgetLimits> = {}) {
    const merged = { ...DEFAULT_BUDGET_LIMITS, ...limits };
    for (const field of ['maxEventsPerInstant', 'maxReconcilesPerKeyPerInstant'] as const) {
      const v = merged[field];
      if (!Number.isSafeInteger(v) || v < 1) {
        throw new InvalidArgumentError(field, `must be a positive integer, got ${v}`);
      }
    }
    this.limits = merged;
  }

  #at(now: number): void {
    if (now !== this.#instant) {
      this.#instant = now;
      this.#events = 0;
      this.#reconciles.clear();
    }
  }

  /**
   * Counts one event at `now`; `what` names it in the error.
   * @throws BudgetExceededError (controller `'engine'`) past the per-instant event budget.
   */
  countEvent(now: number, what?: string): void {
    this.#at(now);
    if (++this.#events > this.limits.maxEventsPerInstant) {
      const last = what === undefined ? '' : `; the last was ${what}`;
      throw new BudgetExceededError(
        `more than ${this.limits.maxEventsPerInstant} events at t=${formatDuration(now)} without time advancing${last}: ` +
          'something keeps scheduling work at the same instant (raise maxEventsPerInstant if the load is real)',
        'engine',
        what,
      );
    }
  }

  /**
   * Counts one reconcile of `key` by `controller` at `now`. `input` identifies what the reconcile
   * saw (e.g. the store's resourceVersion): when it differs from the last call's, the count
   * restarts, because progress was made.
   * @throws BudgetExceededError naming the controller and key past the per-key budget.
   */
  countReconcile(controller: string, key: string, now: number, input: number | string): void {
    this.#at(now);
    const id = `${controller}\u0000${key}`;
    const entry = this.#reconciles.get(id);
    if (entry === undefined || entry.input !== input) {
      this.#reconciles.set(id, { count: 1, input });
      return;
    }
    if (++entry.count > this.limits.maxReconcilesPerKeyPerInstant) {
      throw new BudgetExceededError(
        `controller ${controller} reconciled ${JSON.stringify(key)} ${entry.count} times at t=${formatDuration(now)} ` +
          `with unchanged input: it requeues itself without making progress (limit maxReconcilesPerKeyPerInstant = ${this.limits.maxReconcilesPerKeyPerInstant})`,
        controller,
        key,
      );
    }
  }
}
