/**
 * A map from a string to a set of strings, the building block of every secondary index.
 * @packageDocumentation
 */

/**
 * A set of members that counts its changes: a reader that kept something derived from it (the
 * read model's sorted keys) knows it is still right when the set and its version are the same.
 * Only {@link MultiMap} changes it, and a copy (after a fork) is a new set.
 */
export class MemberSet extends Set<string> {
  version = 0;
}

/** How many multimaps hold one outer map (copy-on-write, see {@link MultiMap.fork}). */
interface Share {
  holders: number;
}

/**
 * `key → set of members`; empty sets are dropped so memory follows the live objects.
 *
 * A fork ({@link MultiMap.fork}) shares the outer map and every set with its parent: a side that
 * writes first copies the outer map (while another holder remains), and each side copies a set
 * the first time it changes it after the fork. A multimap never forked pays one comparison per
 * write.
 */
export class MultiMap {
  private map: Map<string, MemberSet>;
  private share: Share;
  /** Keys whose set this multimap copied since it was forked; undefined: it owns every set. */
  private owned: Set<string> | undefined;

  constructor(map?: Map<string, MemberSet>, share?: Share) {
    this.map = map ?? new Map<string, MemberSet>();
    this.share = share ?? { holders: 1 };
    this.owned = share === undefined ? undefined : new Set();
  }

  /** A multimap with the same entries, sharing them with this one until either writes (O(1)). */
  fork(): MultiMap {
    this.share.holders += 1;
    // From now on this side's sets are shared too.
    this.owned = new Set();
    return new MultiMap(this.map, this.share);
  }

  /** The set under `key`, made this multimap's own before it is changed. */
  private writable(key: string): MemberSet | undefined {
    if (this.share.holders > 1) {
      this.share.holders -= 1;
      this.share = { holders: 1 };
      this.map = new Map(this.map);
    }
    let set = this.map.get(key);
    if (set !== undefined && this.owned !== undefined && !this.owned.has(key)) {
      set = new MemberSet(set);
      this.map.set(key, set);
      this.owned.add(key);
    }
    return set;
  }

  /** Adds `member` under `key`. */
  add(key: string, member: string): void {
    let set = this.owned === undefined ? this.map.get(key) : this.writable(key);
    if (set === undefined) {
      set = new MemberSet();
      this.map.set(key, set);
      this.owned?.add(key);
    }
    if (set.has(member)) return;
    set.add(member);
    set.version += 1;
  }

  /** Removes `member` from `key`. */
  remove(key: string, member: string): void {
    let set = this.map.get(key);
    if (set === undefined) return;
    if (this.owned !== undefined) {
      // Forked: copy only when something changes.
      if (!set.has(member)) return;
      set = this.writable(key) ?? set;
    }
    if (!set.delete(member)) return;
    set.version += 1;
    if (set.size === 0) {
      this.map.delete(key);
      this.owned?.delete(key);
    }
  }

  /** The members under `key` (live set: do not keep it across writes). */
  get(key: string): ReadonlySet<string> | undefined {
    return this.map.get(key);
  }

  /** How many members `key` has. */
  count(key: string): number {
    return this.map.get(key)?.size ?? 0;
  }
}
