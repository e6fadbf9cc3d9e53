/**
 * Node lease renewals, computed not ticked (DESIGN.md point 6, §6.1).
 * @packageDocumentation
 */

interface AliveSpan {
  readonly start: number;
  /** When the kubelet stopped; `undefined` while it runs. */
  stop: number | undefined;
}

/**
 * The instants a kubelet renews its Lease: `start + k × interval` for every span the kubelet is
 * alive (a renewal at the very instant it stops does not happen). No event is scheduled for them;
 * whoever needs the last renewal asks {@link LeaseClock.lastRenewal}.
 *
 * @example
 * ```ts
 * const c = new LeaseClock(10_000, 7000);
 * c.lastRenewal(31_000); // 27_000
 * c.stop(40_000);
 * c.lastRenewal(99_000); // 37_000
 * ```
 */
export class LeaseClock {
  readonly #interval: number;
  readonly #spans: AliveSpan[] = [];

  /** @param interval renewal interval, ms (> 0); @param start the kubelet's start. */
  constructor(interval: number, start: number) {
    this.#interval = interval;
    this.#spans.push({ start, stop: undefined });
  }

  /** An independent clock with the same alive spans (for a fork). */
  fork(): LeaseClock {
    const out = new LeaseClock(this.#interval, 0);
    out.#spans.length = 0;
    for (const span of this.#spans) out.#spans.push({ ...span });
    return out;
  }

  /** Whether the kubelet is alive. */
  get alive(): boolean {
    return this.#spans.at(-1)?.stop === undefined;
  }

  /** Stops renewing at `now` (power loss, Node deleted). */
  stop(now: number): void {
    const span = this.#spans.at(-1);
    if (span !== undefined && span.stop === undefined) span.stop = now;
  }

  /** Starts renewing again from `now` (renewals at now + k × interval). */
  restart(now: number): void {
    if (!this.alive) this.#spans.push({ start: now, stop: undefined });
  }

  /** The last renewal at or before `now`, or `undefined` when none happened yet. */
  lastRenewal(now: number): number | undefined {
    for (let i = this.#spans.length - 1; i >= 0; i--) {
      const span = this.#spans[i];
      if (span === undefined || span.start > now) continue;
      // The last instant of the span that counts: now, or just before the stop.
      const end = span.stop === undefined || now < span.stop ? now : span.stop - 1;
      if (end < span.start) continue;
      return span.start + Math.floor((end - span.start) / this.#interval) * this.#interval;
    }
    return undefined;
  }
}
