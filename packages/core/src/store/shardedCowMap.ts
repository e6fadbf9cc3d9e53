/**
 * A map keyed by strings (or integers) that forks in O(shards) and copies on write one shard at a time.
 * @packageDocumentation
 */

const SHARDS = 64;

/**
 * Shard of `key`: a number's low bits (the keys of the Event index are already hashes), or a cheap
 * hash of a string's last characters (uids and names end varied).
 */
function shardOf(key: string | number): number {
  if (typeof key === 'number') return key & (SHARDS - 1);
  const n = key.length;
  return ((key.charCodeAt(n - 1) | 0) * 31 + (key.charCodeAt(n - 2) | 0) * 7 + n) & (SHARDS - 1);
}

/**
 * The flat maps of the store's indexes (uid → ref, Event tuple hash → keys, namespace → count).
 * {@link ShardedCowMap.fork} shares every shard; the first write to a shard on a side that does
 * not own it copies that shard only (1/64 of the entries), so neither a fork nor its first writes
 * pay for the whole map. A shard is created on its first write: an empty map, or one whose
 * entries fall in a few shards, costs a few words (a fork of a simulation builds dozens of these).
 */
export class ShardedCowMap<V, K extends string | number = string> {
  /** The shards; `undefined` until a key of that shard is first set. */
  #shards: (Map<K, V> | undefined)[];
  /**
   * Bit `i % 32` of word `i >> 5` is set when this map alone holds shard `i` and may write it in
   * place. A fork clears both sides' bits: after it, each side copies a shard before writing it.
   */
  #owned0 = 0;
  #owned1 = 0;

  constructor() {
    this.#shards = new Array<Map<K, V> | undefined>(SHARDS);
  }

  /** A map with the same entries, sharing every shard with this one until either writes it. */
  fork(): ShardedCowMap<V, K> {
    this.#owned0 = 0;
    this.#owned1 = 0;
    const out = new ShardedCowMap<V, K>();
    out.#shards = this.#shards.slice();
    return out;
  }

  get(key: K): V | undefined {
    return this.#shards[shardOf(key)]?.get(key);
  }

  set(key: K, value: V): void {
    this.#writable(shardOf(key)).set(key, value);
  }

  /** Removes `key`; true when it was present. */
  delete(key: K): boolean {
    const i = shardOf(key);
    if (this.#shards[i]?.has(key) !== true) return false;
    return this.#writable(i).delete(key);
  }

  #writable(i: number): Map<K, V> {
    const bit = 1 << (i & 31);
    const owned = i < 32 ? this.#owned0 : this.#owned1;
    const shard = this.#shards[i];
    if ((owned & bit) !== 0 && shard !== undefined) return shard;
    const copy = shard === undefined ? new Map<K, V>() : new Map(shard);
    this.#shards[i] = copy;
    if (i < 32) this.#owned0 |= bit;
    else this.#owned1 |= bit;
    return copy;
  }
}
