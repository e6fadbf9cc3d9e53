/**
 * A string-keyed lookup table that forks in O(shards) and copies on write one shard at a time.
 * @packageDocumentation
 */

const SHARDS = 32;

/** Shard of `key`: a cheap hash of its last characters (addresses and names end varied). */
function shardOf(key: string): number {
  const n = key.length;
  let h = n;
  for (let i = Math.max(0, n - 4); i < n; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
  return h & (SHARDS - 1);
}

/**
 * The World's lookup tables (pod IP → pod, node address → node, ClusterIP → port): read by key
 * only, never iterated. {@link CowTable.fork} shares every shard; the first write to a shard on
 * a side that still shares it copies that shard only. A shard records which tables hold it, so
 * the last holder writes in place.
 */
export class CowTable<V> {
  readonly #shards: Map<string, V>[];
  /** Per shard: how many tables hold it (the count is shared by those tables). */
  readonly #holders: { n: number }[];

  constructor(from?: CowTable<V>) {
    if (from === undefined) {
      this.#shards = Array.from({ length: SHARDS }, () => new Map<string, V>());
      this.#holders = Array.from({ length: SHARDS }, () => ({ n: 1 }));
      return;
    }
    this.#shards = from.#shards.slice();
    this.#holders = from.#holders.slice();
    for (const h of this.#holders) h.n += 1;
  }

  /** A table with the same entries, sharing every shard with this one until either writes it. */
  fork(): CowTable<V> {
    return new CowTable(this);
  }

  get(key: string): V | undefined {
    return this.#shards[shardOf(key)]?.get(key);
  }

  set(key: string, value: V): void {
    this.#writable(shardOf(key)).set(key, value);
  }

  delete(key: string): boolean {
    const i = shardOf(key);
    if (this.#shards[i]?.has(key) !== true) return false;
    return this.#writable(i).delete(key);
  }

  #writable(i: number): Map<string, V> {
    const holders = this.#holders[i] as { n: number };
    const shard = this.#shards[i] as Map<string, V>;
    if (holders.n === 1) return shard;
    holders.n -= 1;
    this.#holders[i] = { n: 1 };
    const copy = new Map(shard);
    this.#shards[i] = copy;
    return copy;
  }
}
