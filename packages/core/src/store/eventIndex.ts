/**
 * The index behind Event aggregation: which Event reports a given object, type, reason and
 * message. It keeps a 30-bit hash of that tuple and the Event's key, never a copy of the tuple:
 * the Event itself holds the fields, and every lookup checks them there, so two different tuples
 * never share an Event however their hashes fall.
 * @packageDocumentation
 */
import { ShardedCowMap } from './shardedCowMap.js';
import type { StoredObject } from './types.js';

/**
 * The fields an Event aggregates on, as the index reads them (a missing or non-string field is
 * `''`): the same object (kind, namespace, name, uid), type, reason and message increment `count`
 * (client-go's EventCorrelator keys on the same fields, tools/record/events_cache.go
 * `getEventKey`; kubesim aggregates exact repeats only, without its similar-event grouping).
 */
export interface EventTuple {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly type: string;
  readonly reason: string;
  readonly message: string;
}

/** Reads the stored Event at a key (the index's own tables: a fork reads the fork's). */
export type EventReader = (key: string) => StoredObject | undefined;

// FNV-1a over the parts, each preceded by its length (so `ab|c` and `a|bc` hash apart too).
function mix(h: number, s: string): number {
  let x = Math.imul(h ^ s.length, 0x01000193);
  for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 0x01000193);
  return x;
}

/** The index key of `t`: a non-negative 30-bit integer (a small integer on every V8 build). */
export function eventTupleHash(t: EventTuple): number {
  let h = 0x811c9dc5 | 0;
  h = mix(h, t.kind);
  h = mix(h, t.namespace);
  h = mix(h, t.name);
  h = mix(h, t.uid);
  h = mix(h, t.type);
  h = mix(h, t.reason);
  h = mix(h, t.message);
  return (h ^ (h >>> 15)) & 0x3fffffff;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringOr(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/**
 * The tuple an Event object is indexed under, read as untrusted data (a refused write is indexed
 * and unindexed before its rollback); undefined when it has no `involvedObject` map.
 */
export function eventTupleOf(obj: unknown): EventTuple | undefined {
  if (!isMap(obj)) return undefined;
  const inv = obj['involvedObject'];
  if (!isMap(inv)) return undefined;
  return {
    kind: stringOr(inv['kind']),
    namespace: stringOr(inv['namespace']),
    name: stringOr(inv['name']),
    uid: stringOr(inv['uid']),
    type: stringOr(obj['type']),
    reason: stringOr(obj['reason']),
    message: stringOr(obj['message']),
  };
}

/** True when the stored `obj` is indexed under exactly `t` (field by field, no hash involved). */
function reports(obj: StoredObject | undefined, t: EventTuple): boolean {
  if (!isMap(obj)) return false;
  const inv = obj['involvedObject'];
  return (
    isMap(inv) &&
    stringOr(obj['message']) === t.message &&
    stringOr(obj['reason']) === t.reason &&
    stringOr(obj['type']) === t.type &&
    stringOr(inv['name']) === t.name &&
    stringOr(inv['uid']) === t.uid &&
    stringOr(inv['namespace']) === t.namespace &&
    stringOr(inv['kind']) === t.kind
  );
}

/**
 * Event key by tuple, kept as `hash → key` (an array of keys in the rare bucket where hashes of
 * different tuples collide; arrays are replaced, never changed, so forks stay independent).
 *
 * It behaves exactly like a map from the tuple to the key of the Event last indexed with it:
 * {@link EventIndex.add} replaces the entry of an equal tuple, {@link EventIndex.remove} drops the
 * entry only when it is that Event's. Each key is indexed at most once at a time (the store adds
 * an Event's indexed version once and removes it once), so the tuple of a key in a bucket is
 * always the one its stored Event shows, except during the re-index of that very key, which the
 * store does as remove-then-add: `add` never needs to read the key it is adding.
 */
export class EventIndex {
  readonly #byHash: ShardedCowMap<string | readonly string[], number>;
  readonly #read: EventReader;

  constructor(read: EventReader, byHash?: ShardedCowMap<string | readonly string[], number>) {
    this.#read = read;
    this.#byHash = byHash ?? new ShardedCowMap<string | readonly string[], number>();
  }

  /** An independent copy that reads Events through `read` (the fork's tables). */
  fork(read: EventReader): EventIndex {
    return new EventIndex(read, this.#byHash.fork());
  }

  /** Key of the stored Event indexed under `t`, checked field by field against that Event. */
  find(t: EventTuple): string | undefined {
    const bucket = this.#byHash.get(eventTupleHash(t));
    if (bucket === undefined) return undefined;
    if (typeof bucket === 'string') return reports(this.#read(bucket), t) ? bucket : undefined;
    for (const key of bucket) if (reports(this.#read(key), t)) return key;
    return undefined;
  }

  /** Indexes the Event at `key` under `t`, replacing the Event indexed under an equal tuple. */
  add(t: EventTuple, key: string): void {
    const h = eventTupleHash(t);
    const bucket = this.#byHash.get(h);
    if (bucket === undefined) {
      this.#byHash.set(h, key);
      return;
    }
    const read = this.#read;
    // Keys kept: other tuples that share the hash. A key equal to `key` is dropped too, so a key
    // never appears twice whatever the caller did.
    const kept: string[] = [];
    if (typeof bucket === 'string') {
      if (bucket !== key && !reports(read(bucket), t)) kept.push(bucket);
    } else {
      for (const k of bucket) if (k !== key && !reports(read(k), t)) kept.push(k);
    }
    if (kept.length === 0) {
      this.#byHash.set(h, key);
    } else {
      kept.push(key);
      this.#byHash.set(h, kept);
    }
  }

  /** Unindexes the Event at `key` that was indexed under `t` (nothing when another replaced it). */
  remove(t: EventTuple, key: string): void {
    const h = eventTupleHash(t);
    const bucket = this.#byHash.get(h);
    if (bucket === undefined) return;
    if (typeof bucket === 'string') {
      if (bucket === key) this.#byHash.delete(h);
      return;
    }
    const arr = bucket;
    if (!arr.includes(key)) return;
    const kept = arr.filter((k) => k !== key);
    this.#byHash.set(h, kept.length === 1 ? (kept[0] as string) : kept);
  }
}
