/**
 * Virtual time (DESIGN.md point 7): integer milliseconds since the start of the run.
 * @packageDocumentation
 */
import { DEFAULT_START_TIME_MS, formatTimestamp } from '@kubesim/core';
import { TimeTravelError } from './engineErrors.js';

/**
 * The simulation's clock. `now` starts at 0 and only moves forward, in whole milliseconds, when
 * the engine advances it; `startTime` maps virtual 0 to an epoch instant for timestamps.
 *
 * @example
 * ```ts
 * const clock = new Clock();
 * clock.advanceTo(5000);
 * clock.timestamp(); // '2025-01-01T00:00:05Z'
 * ```
 */
export class Clock {
  /** Epoch ms of virtual time 0 (config `startTime`). */
  readonly startTime: number;
  #now = 0;

  /** @param startTime epoch ms of virtual 0; default 2025-01-01T00:00:00Z. */
  constructor(startTime: number = DEFAULT_START_TIME_MS) {
    this.startTime = startTime;
  }

  /** Virtual ms since the start. */
  get now(): number {
    return this.#now;
  }

  /**
   * Moves time to `t` (staying put is allowed).
   * @throws TimeTravelError when `t` is before `now` or not a whole number of ms.
   */
  advanceTo(t: number): void {
    if (!Number.isSafeInteger(t) || t < this.#now) throw new TimeTravelError(this.#now, t);
    this.#now = t;
  }

  /** Epoch ms of virtual time `t` (default: now). */
  epochMs(t: number = this.#now): number {
    return this.startTime + t;
  }

  /** RFC 3339 timestamp of virtual time `t` (default: now), as objects carry it. */
  timestamp(t: number = this.#now): string {
    return formatTimestamp(this.startTime + t);
  }
}
