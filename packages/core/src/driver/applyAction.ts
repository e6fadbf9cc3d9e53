/**
 * Performs one controller action through the API server, like a controller's client call. Used by
 * the synchronous driver and by the simulation's controller runtime.
 * @packageDocumentation
 */
import type { Action } from '../controllers/plan.js';
import { AlreadyExistsError, ConflictError, KubesimError, NotFoundError } from '../errors.js';
import type { KubeObject } from '../objects/kinds.js';

/** The writes {@link applyAction} needs (the Store has them). */
export interface ActionStore {
  create(input: KubeObject): unknown;
  update(obj: KubeObject): unknown;
  updateStatus(obj: KubeObject): unknown;
  delete(kind: string, key: string, opts?: { gracePeriodSeconds?: number; uid?: string }): void;
  recordEvent(
    regarding: { kind: string; key: string; uid?: string },
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): unknown;
}

/** What became of an action. */
export type ActionOutcome = 'done' | 'retry' | 'gone';

/** A hook for actions the store cannot perform by itself (evictions). */
export type EvictHandler = (podKey: string) => void;

/**
 * Applies `action` to `store`. A stale read (Conflict, AlreadyExists) asks for a retry with a
 * fresh view, like a real controller's requeue; a write to an object that is gone is dropped.
 */
export function applyAction(
  store: ActionStore,
  action: Action,
  evict?: EvictHandler,
): ActionOutcome {
  try {
    switch (action.verb) {
      case 'create':
        store.create(action.object);
        return 'done';
      case 'update':
        store.update(action.object);
        return 'done';
      case 'updateStatus':
        store.updateStatus(action.object);
        return 'done';
      case 'delete':
        store.delete(action.kind, action.key, {
          ...(action.gracePeriodSeconds !== undefined
            ? { gracePeriodSeconds: action.gracePeriodSeconds }
            : {}),
          ...(action.uid !== undefined ? { uid: action.uid } : {}),
        });
        return 'done';
      case 'event':
        store.recordEvent(action.regarding, action.type, action.reason, action.message);
        return 'done';
      case 'evict':
        if (evict === undefined) {
          throw new KubesimError(
            'Unsupported',
            `no Eviction API is wired to evict ${action.podKey}`,
          );
        }
        evict(action.podKey);
        return 'done';
    }
  } catch (err) {
    if (err instanceof ConflictError || err instanceof AlreadyExistsError) return 'retry';
    if (err instanceof NotFoundError) return 'gone';
    throw err;
  }
}
