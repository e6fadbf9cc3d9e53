/**
 * A string-keyed map that forks in O(shards) and copies on write one shard at a time.
 * @packageDocumentation
 */

const SHARDS = 64;

/** How many maps hold one shard (copy-on-write). */
interface Share {
  holders: number;
}

/** Shard of `key`: a cheap hash of its last characters (uids, names and fingerprints end varied). */
function shardOf(key: string): number {
  const n = key.length;
  return ((key.charCodeAt(n - 1) | 0) * 31 + (key.charCodeAt(n - 2) | 0) * 7 + n) & (SHARDS - 1);
}

/**
 * The flat maps of the store's indexes (uid → ref, Event fingerprint → key, namespace → count).
 * {@link ShardedCowMap.fork} shares every shard; the first write to a shard on a side that still
 * shares it copies that shard only (1/64 of the entries), so neither a fork nor its first writes
 * pay for the whole map.
 */
export class ShardedCowMap<V> {
  readonly #shards: Map<string, V>[];
  readonly #shares: Share[];

  constructor(shards?: Map<string, V>[], shares?: Share[]) {
    this.#shards = shards ?? Array.from({ length: SHARDS }, () => new Map<string, V>());
    this.#shares = shares ?? Array.from({ length: SHARDS }, () => ({ holders: 1 }));
  }

  /** A map with the same entries, sharing every shard with this one until either writes it. */
  fork(): ShardedCowMap<V> {
    for (const share of this.#shares) share.holders += 1;
    return new ShardedCowMap(this.#shards.slice(), this.#shares.slice());
  }

  get(key: string): V | undefined {
    return this.#shards[shardOf(key)]?.get(key);
  }

  set(key: string, value: V): void {
    this.#writable(shardOf(key)).set(key, value);
  }

  /** Removes `key`; true when it was present. */
  delete(key: string): boolean {
    const i = shardOf(key);
    if (this.#shards[i]?.has(key) !== true) return false;
    return this.#writable(i).delete(key);
  }

  #writable(i: number): Map<string, V> {
    const share = this.#shares[i] as Share;
    const shard = this.#shards[i] as Map<string, V>;
    if (share.holders === 1) return shard;
    share.holders -= 1;
    this.#shares[i] = { holders: 1 };
    const copy = new Map(shard);
    this.#shards[i] = copy;
    return copy;
  }
}
