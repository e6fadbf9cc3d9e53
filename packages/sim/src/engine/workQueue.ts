/**
 * A controller's work queue, modelled on client-go's rate-limited delaying queue, without timers:
 * it tells the engine when it must be woken.
 * @packageDocumentation
 */
import { InvalidArgumentError } from './engineErrors.js';
import { EventQueue } from './eventQueue.js';
import { DEFAULT_BACKOFF, backoffDelay, validateBackoffPolicy } from '@kubesim/core';
import type { BackoffPolicy } from '@kubesim/core';

/** What {@link WorkQueue.addRateLimited} did with a failed key. */
export type RequeueResult =
  /** The key will be re-queued at `at`; call {@link WorkQueue.wake} then. */
  | { readonly kind: 'scheduled'; readonly at: number; readonly retry: number }
  /** The key failed more than `maxRetries` times and was dropped (and forgotten). */
  | { readonly kind: 'dropped'; readonly retries: number };

/**
 * A de-duplicating FIFO of keys with delayed adds and per-key exponential back-off.
 *
 * - A key added several times before a worker takes it is processed once.
 * - A key added while it is being processed is queued again when the worker calls `done`, so a
 *   change that raced the reconcile is never lost, and one key is never processed twice at once.
 * - `addAfter` and `addRateLimited` park the key until a time; the queue schedules nothing itself:
 *   the engine calls {@link WorkQueue.wake} at {@link WorkQueue.nextWakeTime} (or at the time
 *   those calls return) and the due keys join the FIFO in (due time, insertion) order.
 *
 * @example
 * ```ts
 * const q = new WorkQueue<string>({ backoff: ENDPOINTSLICE_BACKOFF });
 * q.add('default/web'); q.add('default/web');
 * const key = q.get();                   // 'default/web' (once)
 * const r = q.addRateLimited(key!, now); // { kind: 'scheduled', at: now + 1000, retry: 1 }
 * q.done(key!);
 * // … at r.at: q.wake(r.at); q.get() === 'default/web'
 * ```
 */
export class WorkQueue<K> {
  readonly #backoff: BackoffPolicy;
  readonly #queue: K[] = [];
  #head = 0;
  readonly #dirty = new Set<K>();
  readonly #processing = new Set<K>();
  readonly #failures = new Map<K, number>();
  readonly #waiting = new EventQueue<K>();
  readonly #waitingByKey = new Map<K, { readonly seq: number; readonly at: number }>();

  /** @param options.backoff the retry policy (default {@link DEFAULT_BACKOFF}). */
  constructor(options: { readonly backoff?: BackoffPolicy } = {}) {
    this.#backoff = validateBackoffPolicy(options.backoff ?? DEFAULT_BACKOFF);
  }

  /** Keys queued and not yet taken by a worker. */
  get length(): number {
    return this.#queue.length - this.#head;
  }

  /** Keys taken by a worker and not yet `done`. */
  get processingCount(): number {
    return this.#processing.size;
  }

  /** Keys parked by `addAfter` or `addRateLimited`. */
  get waitingCount(): number {
    return this.#waitingByKey.size;
  }

  /** True when nothing is queued, being processed or parked. */
  get isEmpty(): boolean {
    return this.length === 0 && this.#processing.size === 0 && this.#waitingByKey.size === 0;
  }

  /**
   * Queues `key` unless it is already queued. Returns true when this call queued it (or marked
   * it to run again after its current processing).
   */
  add(key: K): boolean {
    if (this.#dirty.has(key)) return false;
    this.#dirty.add(key);
    if (!this.#processing.has(key)) this.#queue.push(key);
    return true;
  }

  /** Takes the next key for processing (first in, first out), or `undefined` when none is queued. */
  get(): K | undefined {
    if (this.#head === this.#queue.length) return undefined;
    const key = this.#queue[this.#head] as K;
    this.#head++;
    // Compact the consumed prefix now and then so the array does not grow without bound.
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue.splice(0, this.#head);
      this.#head = 0;
    }
    this.#dirty.delete(key);
    this.#processing.add(key);
    return key;
  }

  /** Marks `key` processed; if it was added meanwhile, it is queued again. */
  done(key: K): void {
    this.#processing.delete(key);
    if (this.#dirty.has(key)) this.#queue.push(key);
  }

  /**
   * Queues `key` at `now + delayMs` (at once when `delayMs` is 0). If the key is already parked
   * for later, the earlier of the two times wins. Returns the time it will be queued; the engine
   * must call {@link WorkQueue.wake} at that time.
   * @throws InvalidArgumentError when `delayMs` is negative or not finite.
   */
  addAfter(key: K, delayMs: number, now: number): number {
    if (!Number.isFinite(delayMs) || delayMs < 0) {
      throw new InvalidArgumentError('delayMs', `must be a finite number >= 0, got ${delayMs}`);
    }
    if (delayMs === 0) {
      this.add(key);
      return now;
    }
    const at = now + delayMs;
    const parked = this.#waitingByKey.get(key);
    if (parked !== undefined) {
      if (parked.at <= at) return parked.at;
      this.#waiting.cancel(parked.seq);
    }
    this.#waitingByKey.set(key, { seq: this.#waiting.push(at, key), at });
    return at;
  }

  /**
   * Re-queues a key whose processing failed, after its back-off: `min(base × 2^n, max)` for the
   * n-th consecutive failure (n from 0). After `maxRetries` re-queues the key is dropped and
   * forgotten instead, as the EndpointSlice controller does after 15.
   */
  addRateLimited(key: K, now: number): RequeueResult {
    const failures = this.#failures.get(key) ?? 0;
    if (failures >= this.#backoff.maxRetries) {
      this.forget(key);
      return { kind: 'dropped', retries: failures };
    }
    this.#failures.set(key, failures + 1);
    return {
      kind: 'scheduled',
      at: this.addAfter(key, backoffDelay(this.#backoff, failures), now),
      retry: failures + 1,
    };
  }

  /** Clears the failure count of `key` (call after a successful reconcile). */
  forget(key: K): void {
    this.#failures.delete(key);
  }

  /** How many times `key` was re-queued by `addRateLimited` since it was last forgotten. */
  numRequeues(key: K): number {
    return this.#failures.get(key) ?? 0;
  }

  /** The earliest time a parked key becomes due, or `undefined` when none is parked. */
  nextWakeTime(): number | undefined {
    return this.#waiting.peekTime();
  }

  /** Queues every parked key due at or before `now`, in due order. Returns how many. */
  wake(now: number): number {
    let moved = 0;
    for (let t = this.#waiting.peekTime(); t !== undefined && t <= now;) {
      const key = this.#waiting.pop() as K;
      this.#waitingByKey.delete(key);
      this.add(key);
      moved++;
      t = this.#waiting.peekTime();
    }
    return moved;
  }
}
