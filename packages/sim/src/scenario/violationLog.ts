/**
 * The violations of one run, in the order observed, each distinct report kept once.
 * @packageDocumentation
 */
import type { Violation } from '../invariants/types.js';

/**
 * Collects violations. A safety invariant that stays broken may report the same thing after every
 * instant; the first report (with its time) is the useful one.
 */
export class ViolationLog {
  readonly #seen = new Set<string>();
  readonly #list: Violation[] = [];

  /** Adds reports, dropping those already seen (same invariant, message and subjects). */
  add(reports: readonly Violation[]): void {
    for (const v of reports) {
      const key = JSON.stringify([v.invariant, v.message, v.subjects ?? []]);
      if (this.#seen.has(key)) continue;
      this.#seen.add(key);
      this.#list.push(v);
    }
  }

  /** How many distinct violations so far. */
  get size(): number {
    return this.#list.length;
  }

  /** A copy of the violations in order. */
  list(): Violation[] {
    return [...this.#list];
  }
}
