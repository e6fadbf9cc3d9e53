/**
 * One zone's NoExecute tainting queue: a FIFO of node names behind a token bucket of burst 1
 * (upstream `RateLimitedTimedQueue` in pkg/controller/nodelifecycle/scheduler/rate_limited_queue.go
 * with `EvictionRateLimiterBurst = 1`).
 * @packageDocumentation
 */

/** Milliseconds between tokens at `rate` per second (at least 1 ms). */
function tokenInterval(rate: number): number {
  return Math.max(1, Math.round(1000 / rate));
}

/**
 * A zone's tainting queue in virtual time. With burst 1 the bucket state is one number: the
 * instant it holds a token again. Rate 0 is upstream's "never" limiter: nothing is taken.
 *
 * @example
 * ```ts
 * const q = new ZoneTaintQueue(0.1);
 * q.add('a'); q.add('b');
 * q.take(0);          // 'a' (the bucket starts full)
 * q.take(0);          // undefined: next token at 10 000 ms
 * q.nextTakeAt(0);    // 10_000
 * ```
 */
export class ZoneTaintQueue {
  #rate: number;
  /** When the bucket next holds a token (−∞: full now). */
  #tokenAt = Number.NEGATIVE_INFINITY;
  readonly #items = new Set<string>();

  /** @param rate - tokens per second; 0 (or less) takes nothing. */
  constructor(rate: number) {
    this.#rate = Math.max(0, rate);
  }

  /** The current rate, tokens per second. */
  /** An independent queue with the same nodes, order, rate and next token (for a fork). */
  fork(): ZoneTaintQueue {
    const out = new ZoneTaintQueue(this.#rate);
    out.#tokenAt = this.#tokenAt;
    for (const name of this.#items) out.#items.add(name);
    return out;
  }

  get rate(): number {
    return this.#rate;
  }

  /** Nodes waiting. */
  get size(): number {
    return this.#items.size;
  }

  /** Whether `name` is waiting. */
  has(name: string): boolean {
    return this.#items.has(name);
  }

  /** Appends `name` unless it is already waiting (upstream `Add` on a set). Returns whether it was added. */
  add(name: string): boolean {
    if (this.#items.has(name)) return false;
    this.#items.add(name);
    return true;
  }

  /** Removes `name`. Returns whether it was waiting. */
  remove(name: string): boolean {
    return this.#items.delete(name);
  }

  /** Removes every waiting node. */
  clear(): void {
    this.#items.clear();
  }

  /**
   * Takes the head at `now` if the bucket has a token (consuming it); undefined when the queue is
   * empty, the rate is 0 or no token is available yet. Like upstream `Try`, an empty queue
   * consumes nothing.
   */
  take(now: number): string | undefined {
    if (this.#items.size === 0 || this.#rate <= 0 || now < this.#tokenAt) return undefined;
    const head = this.#items.values().next();
    if (head.done === true) return undefined;
    this.#items.delete(head.value);
    this.#tokenAt = now + tokenInterval(this.#rate);
    return head.value;
  }

  /**
   * When {@link ZoneTaintQueue.take} would next return a node (≥ `now`), or undefined when it
   * never will without a change (empty queue or rate 0).
   */
  nextTakeAt(now: number): number | undefined {
    if (this.#items.size === 0 || this.#rate <= 0) return undefined;
    return Math.max(now, this.#tokenAt);
  }

  /**
   * Changes the rate at `now` (upstream `SwapLimiter`): nothing when it is unchanged; rate 0 stops
   * the queue; otherwise a fresh bucket, which starts empty when the old one had no token (the
   * burst-1 rule "if we're currently waiting on limiter, we drain the new one").
   */
  swapRate(rate: number, now: number): void {
    const next = Math.max(0, rate);
    if (next === this.#rate) return;
    const oldHadToken = this.#rate > 0 && now >= this.#tokenAt;
    this.#rate = next;
    this.#tokenAt =
      next === 0 || oldHadToken ? Number.NEGATIVE_INFINITY : now + tokenInterval(next);
  }
}
