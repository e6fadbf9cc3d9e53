/**
 * The objects of one kind, by key, with their key order kept up to date incrementally.
 * @packageDocumentation
 */
import type { StoredObject } from './types.js';
import { compareKeys, lowerBound, mergeSorted } from './sortedKeys.js';

// Below this many pending changes, a read splices them in one by one (O(n) memmove each);
// above, it sorts the additions and merges (O(n + m log m)). Either way no read re-sorts everything.
const SPLICE_LIMIT = 32;

/**
 * One kind's objects. The sorted key order is built on first read and then maintained from the
 * keys added and removed since the last read, so a burst of writes costs nothing until a list.
 */
export class KindTable {
  /** Objects by store key. Mutated only through {@link KindTable.set} and {@link KindTable.delete}. */
  readonly objects: Map<string, StoredObject>;
  private sorted: string[] | undefined;
  private readonly added = new Set<string>();
  private readonly removed = new Set<string>();

  constructor(objects?: Map<string, StoredObject>, sorted?: string[]) {
    this.objects = objects ?? new Map<string, StoredObject>();
    this.sorted = sorted;
  }

  /** Stores `obj` at `key`. */
  set(key: string, obj: StoredObject): void {
    if (!this.objects.has(key) && this.sorted !== undefined) {
      if (this.removed.has(key)) this.removed.delete(key);
      else this.added.add(key);
    }
    this.objects.set(key, obj);
  }

  /** Removes `key`; true when it was present. */
  delete(key: string): boolean {
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
