/**
 * The objects of one kind, by key, with their key order kept up to date incrementally.
 * @packageDocumentation
 */
import type { StoredObject } from './types.js';
import { compareKeys, lowerBound, mergeSorted } from './sortedKeys.js';

// Below this many pending changes, a read splices them in one by one (O(n) memmove each);
// above, it sorts the additions and merges (O(n + m log m)). Either way no read re-sorts everything.
const SPLICE_LIMIT = 32;

/** How many tables hold one objects map and key order (copy-on-write, see {@link KindTable.fork}). */
interface Share {
  holders: number;
}

/**
 * One kind's objects. The sorted key order is built on first read and then maintained from the
 * keys added and removed since the last read, so a burst of writes costs nothing until a list.
 *
 * A fork ({@link KindTable.fork}) shares the objects map and the key order with its parent until
 * either side writes: the writer copies them first (copy-on-write; the objects themselves are
 * frozen and stay shared), and the last holder writes in place.
 */
export class KindTable {
  /**
   * Objects by store key. Mutated only through {@link KindTable.set} and {@link KindTable.delete}
   * (which may replace the map by a private copy: read it afresh after a write).
   */
  objects: Map<string, StoredObject>;
  private sorted: string[] | undefined;
  private readonly added = new Set<string>();
  private readonly removed = new Set<string>();
  private share: Share;

  constructor(objects?: Map<string, StoredObject>, sorted?: string[], share?: Share) {
    this.objects = objects ?? new Map<string, StoredObject>();
    this.sorted = sorted;
    this.share = share ?? { holders: 1 };
  }

  /**
   * A table with the same objects that shares this one's map and key order until either writes
   * (O(1) now; the first write on each side that still shares copies the map, O(n)).
   */
  fork(): KindTable {
    // Pending key-order changes are this table's own: apply them so both start from one order.
    const sorted = this.sorted === undefined ? undefined : this.flush();
    this.share.holders += 1;
    return new KindTable(this.objects, sorted, this.share);
  }

  /** Makes the map and key order this table's own before it changes them. */
  private own(): void {
    if (this.share.holders === 1) return;
    this.share.holders -= 1;
    this.share = { holders: 1 };
    this.objects = new Map(this.objects);
    this.sorted = this.sorted?.slice();
  }

  /** Stores `obj` at `key`. */
  set(key: string, obj: StoredObject): void {
    this.own();
    if (!this.objects.has(key) && this.sorted !== undefined) {
      if (this.removed.has(key)) this.removed.delete(key);
      else this.added.add(key);
    }
    this.objects.set(key, obj);
  }

  /** Removes `key`; true when it was present. */
  delete(key: string): boolean {
    if (this.share.holders > 1) {
      if (!this.objects.has(key)) return false;
      this.own();
    }
    if (!this.objects.delete(key)) return false;
    if (this.sorted !== undefined) {
      if (this.added.has(key)) this.added.delete(key);
      else this.removed.add(key);
    }
    return true;
  }

  /** Every key in order. The array is internal: read it before the next write. */
  sortedKeys(): readonly string[] {
    return this.flush();
  }

  /** The keys starting with `prefix` (e.g. `ns/`), in order, as a fresh array. */
  keysWithPrefix(prefix: string): string[] {
    const keys = this.flush();
    // Every key with the prefix sorts between the prefix itself and the prefix with its last
    // character incremented ('/' + 1 = '0'), and nothing else does.
    const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
    return keys.slice(lowerBound(keys, prefix), lowerBound(keys, end));
  }

  /** An independent copy sharing the (frozen) objects. */
  clone(): KindTable {
    return new KindTable(new Map(this.objects), this.flush().slice());
  }

  private flush(): string[] {
    let sorted = this.sorted;
    if (sorted === undefined) {
      sorted = [...this.objects.keys()].sort(compareKeys);
      this.sorted = sorted;
      return sorted;
    }
    if (this.removed.size > 0) {
      if (this.removed.size <= SPLICE_LIMIT) {
        for (const key of this.removed) sorted.splice(lowerBound(sorted, key), 1);
      } else {
        const removed = this.removed;
        sorted = sorted.filter((k) => !removed.has(k));
      }
      this.removed.clear();
    }
    if (this.added.size > 0) {
      if (this.added.size <= SPLICE_LIMIT) {
        for (const key of this.added) sorted.splice(lowerBound(sorted, key), 0, key);
      } else {
        sorted = mergeSorted(sorted, [...this.added].sort(compareKeys));
      }
      this.added.clear();
    }
    this.sorted = sorted;
    return sorted;
  }
}
