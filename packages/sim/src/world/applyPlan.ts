/**
 * Applies a controller's plan through admission, one action after another, the way every plan in
 * the simulation is applied (controller runtimes, the node lifecycle controller, node IPAM).
 * @packageDocumentation
 */
import { ValidationError, applyAction, type Plan, type Store } from '@kubesim/core';

/** What applying a plan needs of the simulation (the World provides it). */
export interface PlanHost {
  /** The API server. */
  readonly store: Store;
  /** Runs `fn` with `cause` written into the trace entries of the changes it makes. */
  withCause<T>(cause: string, fn: () => T): T;
  /** Appends an activity entry (not an object change) to the trace. */
  traceActivity(cause: string, type: string, detail?: Record<string, unknown>): void;
  /** Performs `evict` actions (the Eviction API), when the simulation installed one. */
  readonly evictHandler: ((podKey: string) => void) | undefined;
}

/**
 * Applies `plan`'s actions in order as `cause` (traced with that cause). An action admission
 * refuses is traced as `ActionRefused` and skipped, as upstream controllers log the refusal and
 * retry later; a stale read (Conflict, AlreadyExists) drops the rest of the plan.
 * @param key - the key the plan was computed for (named in `ActionRefused` entries).
 * @param trusted - a built-in controller's writes skip validation (unless paranoid); a user's
 *   controller is validated like any user write.
 * @returns true when a stale read asks for a fresh reconcile of `key`.
 */
export function applyPlan(
  host: PlanHost,
  cause: string,
  key: string,
  plan: Plan,
  trusted = true,
): boolean {
  const store = host.store;
  const apply = (): boolean => {
    for (const action of plan.actions) {
      try {
        if (applyAction(store, action, host.evictHandler) === 'retry') return true;
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        host.traceActivity(cause, 'ActionRefused', {
          key,
          verb: action.verb,
          message: err.message,
        });
      }
    }
    return false;
  };
  return host.withCause(cause, () => (trusted ? store.trusted(apply) : store.untrusted(apply)));
}
