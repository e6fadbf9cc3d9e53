/**
 * When an expected answer last changed, so a client that trails the cluster by up to a given lag
 * is judged only once the cluster has held still for that long.
 * @packageDocumentation
 */

interface Entry {
  readonly t: number;
  readonly value: string;
}

/**
 * Per key, the current expected value and since when it holds. A client trailing by up to
 * `allowance` ms may show any intermediate state (events of one instant reach it one by one), so
 * it is judged only where the expected value has held for at least `allowance`.
 */
export class LagWindow {
  readonly #allowance: number;
  readonly #current = new Map<string, Entry>();

  constructor(allowance: number) {
    this.#allowance = allowance;
  }

  /** Records the expected value of `key` at `t`. */
  record(key: string, t: number, value: string): void {
    const now = this.#current.get(key);
    // Before a key is first seen its expected value was empty (the object did not exist yet).
    if (now === undefined)
      this.#current.set(key, value === '' ? { t: -Infinity, value } : { t, value });
    else if (now.value !== value) this.#current.set(key, { t, value });
  }

  /**
   * Whether `value` is acceptable for `key` at `now`: it is the expected value, or the expected
   * value changed less than `allowance` ago (the client may still be catching up).
   */
  accepts(key: string, now: number, value: string): boolean {
    const e = this.#current.get(key);
    if (e === undefined) return value === '';
    return e.value === value || now - e.t < this.#allowance;
  }

  /** Since when `key` has had its current expected value (undefined: from the start). */
  since(key: string): number | undefined {
    const t = this.#current.get(key)?.t;
    return t === undefined || t === -Infinity ? undefined : t;
  }

  /** Keys recorded so far. */
  keys(): IterableIterator<string> {
    return this.#current.keys();
  }
}
