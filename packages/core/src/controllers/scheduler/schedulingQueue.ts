/**
 * The scheduling queue's bookkeeping for pods that failed: attempts, backoff, the unschedulable
 * pool and its flush (pkg/scheduler/backend/queue/scheduling_queue.go). The engine's work queue
 * does the waiting; this decides, per reconcile, whether a pod is due.
 * @packageDocumentation
 */
import { backoffDelay } from '../../timing/exponentialBackoff.js';
import type { FilterPlugin } from './filterStatus.js';

/** How often upstream checks the unschedulable pool for pods to flush (`flushUnschedulablePodsLeftover`, every 30 s). */
export const UNSCHEDULABLE_FLUSH_CHECK_PERIOD = 30_000;

/** The scheduler timings, in ms (SimConfig names). */
export interface SchedulerTimings {
  /** @defaultValue `1000` (`podInitialBackoffSeconds` 1) */
  readonly schedulerInitialBackoff: number;
  /** @defaultValue `10000` (`podMaxBackoffSeconds` 10) */
  readonly schedulerMaxBackoff: number;
  /** @defaultValue `300000` (`DefaultPodMaxInUnschedulablePodsDuration` 5 min) */
  readonly schedulerUnschedulableFlush: number;
}

/**
 * The backoff after the `attempts`-th failed attempt (1-based): initial × 2^(attempts − 1), at
 * most the maximum (upstream `calculateBackoffDuration`).
 * @example [1, 2, 3, 4, 5, 6].map((a) => podBackoff(a, timings)) // 1000, 2000, 4000, 8000, 10000, 10000
 */
export function podBackoff(attempts: number, timings: SchedulerTimings): number {
  return backoffDelay(
    {
      baseMs: timings.schedulerInitialBackoff,
      maxMs: timings.schedulerMaxBackoff,
      maxRetries: Number.POSITIVE_INFINITY,
    },
    Math.max(0, attempts - 1),
  );
}

/**
 * When a pod that entered the unschedulable pool at `since` is flushed: at the first 30-second
 * check (phase 0) at which it has been there longer than `flush`.
 * @example unschedulableFlushTime(1000, 300_000) === 330_000
 */
export function unschedulableFlushTime(since: number, flush: number): number {
  const p = UNSCHEDULABLE_FLUSH_CHECK_PERIOD;
  return (Math.floor((since + flush) / p) + 1) * p;
}

interface FailedPod {
  attempts: number;
  failedAt: number;
  backoffUntil: number;
  flushAt: number;
  /** A relevant cluster event arrived since the failure (upstream moved it out of the pool). */
  moved: boolean;
  plugins: ReadonlySet<FilterPlugin>;
}

/** What a reconcile of a pending pod should do now. */
export type QueueDecision =
  | { readonly kind: 'attempt' }
  | { readonly kind: 'wait'; readonly after: number; readonly periodic: boolean };

/** Per-pod failure state of the scheduler's queue. */
export class SchedulingQueue {
  readonly #timings: SchedulerTimings;
  readonly #failed = new Map<string, FailedPod>();

  /** @param timings backoff and flush durations in ms. */
  constructor(timings: SchedulerTimings) {
    this.#timings = timings;
  }

  /** An independent queue with the same failure records (for a fork). */
  fork(): SchedulingQueue {
    const out = new SchedulingQueue(this.#timings);
    for (const [k, v] of this.#failed) out.#failed.set(k, { ...v });
    return out;
  }

  /** Records a failed attempt at `now`; returns the backoff before the next attempt may run. */
  recordFailure(key: string, now: number, plugins: ReadonlySet<FilterPlugin>): number {
    const attempts = (this.#failed.get(key)?.attempts ?? 0) + 1;
    const backoff = podBackoff(attempts, this.#timings);
    this.#failed.set(key, {
      attempts,
      failedAt: now,
      backoffUntil: now + backoff,
      flushAt: unschedulableFlushTime(now, this.#timings.schedulerUnschedulableFlush),
      moved: false,
      plugins,
    });
    return backoff;
  }

  /** Forgets a pod (bound, deleted, or no longer ours). */
  remove(key: string): void {
    this.#failed.delete(key);
  }

  /** Failed attempts so far (0 for a pod that never failed). */
  attempts(key: string): number {
    return this.#failed.get(key)?.attempts ?? 0;
  }

  /**
   * Marks unschedulable pods as moved by a cluster event and returns their keys, sorted. With
   * `plugins`, only pods rejected by one of those plugins on some node move.
   */
  moveAll(plugins?: readonly FilterPlugin[]): string[] {
    const out: string[] = [];
    for (const [key, state] of this.#failed) {
      if (state.moved) continue;
      if (plugins !== undefined && !plugins.some((p) => state.plugins.has(p))) continue;
      state.moved = true;
      out.push(key);
    }
    return out.sort();
  }

  /** Marks one pod as moved (its own spec or labels changed). */
  move(key: string): void {
    const state = this.#failed.get(key);
    if (state !== undefined) state.moved = true;
  }

  /**
   * Whether the pod may be attempted at `now`: never failed, flushed, or moved with its backoff
   * over. A moved pod still backing off waits for the rest of its backoff (settle waits too); a
   * pod in the unschedulable pool waits for its flush (a periodic wait settle ignores).
   */
  decide(key: string, now: number): QueueDecision {
    const s = this.#failed.get(key);
    if (s === undefined || now >= s.flushAt) return { kind: 'attempt' };
    if (now < s.backoffUntil)
      return { kind: 'wait', after: s.backoffUntil - now, periodic: !s.moved };
    if (s.moved) return { kind: 'attempt' };
    return { kind: 'wait', after: s.flushAt - now, periodic: true };
  }
}
