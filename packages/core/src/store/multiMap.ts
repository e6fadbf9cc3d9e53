/**
 * A map from a string to a set of strings, the building block of every secondary index.
 * @packageDocumentation
 */

/** `key → set of members`; empty sets are dropped so memory follows the live objects. */
export class MultiMap {
  private readonly map = new Map<string, Set<string>>();

  /** Adds `member` under `key`. */
  add(key: string, member: string): void {
    let set = this.map.get(key);
    if (set === undefined) {
      set = new Set();
      this.map.set(key, set);
    }
    set.add(member);
  }

  /** Removes `member` from `key`. */
  remove(key: string, member: string): void {
    const set = this.map.get(key);
    if (set === undefined) return;
    set.delete(member);
    if (set.size === 0) this.map.delete(key);
  }

  /** The members under `key` (live set: do not keep it across writes). */
  get(key: string): ReadonlySet<string> | undefined {
    return this.map.get(key);
  }

  /** Makes this (empty) map an independent copy of `other` (every set copied). */
  copyFrom(other: MultiMap): this {
    for (const [key, set] of other.map) this.map.set(key, new Set(set));
    return this;
  }

  /** How many members `key` has. */
  count(key: string): number {
    return this.map.get(key)?.size ?? 0;
  }
}
