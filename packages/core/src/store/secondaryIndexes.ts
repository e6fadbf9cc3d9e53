/**
 * The store's secondary indexes, maintained on every add and remove (never by a scan):
 * labels, pods by node, Services by selector pair, EndpointSlices by Service, dependents by owner,
 * objects by uid, and Events by what they report (for count aggregation).
 * @packageDocumentation
 */
import type { StoredObject } from './types.js';
import { EventIndex, eventTupleOf } from './eventIndex.js';
import type { EventReader, EventTuple } from './eventIndex.js';
import { MultiMap } from './multiMap.js';
import { ShardedCowMap } from './shardedCowMap.js';

/** Label whose value names the Service an EndpointSlice belongs to. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

// `kind/` of every kind seen, so a reference shares its prefix and its key (a string of ours
// joining two others) instead of copying `kind/` into each one (24 bytes per object).
const refPrefixes = new Map<string, string>();

/** `kind/key` reference used inside indexes; kinds never contain a slash. */
export function refOf(kind: string, key: string): string {
  let prefix = refPrefixes.get(kind);
  if (prefix === undefined) {
    prefix = `${kind}/`;
    refPrefixes.set(kind, prefix);
  }
  return prefix + key;
}

/** Splits a {@link refOf} reference. */
export function parseRef(ref: string): { kind: string; key: string } {
  const slash = ref.indexOf('/');
  return { kind: ref.slice(0, slash), key: ref.slice(slash + 1) };
}

/** Index key of one label pair in one namespace (`''` for cluster-scoped objects). */
export function labelPairKey(namespace: string, key: string, value: string): string {
  return `${namespace}\u0000${key}=${value}`;
}

// What the indexes read, typed as the untrusted shapes they may be (a refused write is indexed
// and unindexed before its rollback completes).
interface Loose {
  metadata?: unknown;
  spec?: unknown;
  involvedObject?: unknown;
  type?: unknown;
  reason?: unknown;
  message?: unknown;
}

type Meta = Record<string, unknown> & {
  namespace?: unknown;
  uid?: unknown;
  labels?: unknown;
  ownerReferences?: unknown;
};

function isMap(v: unknown): v is Meta {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// The string-valued entries of a map (labels, selectors); anything else yields nothing.
function stringEntries(v: unknown): [string, string][] {
  if (!isMap(v)) return [];
  const out: [string, string][] = [];
  for (const k of Object.keys(v)) {
    const val = v[k];
    if (typeof val === 'string') out.push([k, val]);
  }
  return out;
}

/** The parts of a {@link SecondaryIndexes}, handed over by its clone. */
interface IndexParts {
  readonly labels: Map<string, MultiMap>;
  readonly podsByNode: MultiMap;
  readonly servicesByPair: MultiMap;
  readonly slicesByService: MultiMap;
  readonly dependents: MultiMap;
  readonly uids: ShardedCowMap<string>;
  readonly events: EventIndex;
  readonly namespaceCounts: ShardedCowMap<number>;
}

// True when `a` and `b` yield the same {@link stringEntries} (in any order): the same record, or
// two copies with equal string values (a controller often rebuilds an unchanged labels map).
function sameStringEntries(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isMap(a) || !isMap(b)) return false;
  let count = 0;
  for (const k of Object.keys(a)) {
    const v = a[k];
    if (typeof v !== 'string') continue;
    if (b[k] !== v) return false;
    count += 1;
  }
  for (const k of Object.keys(b)) if (typeof b[k] === 'string') count -= 1;
  return count === 0;
}

// The owner uid an index reads from one ownerReference, or undefined.
function ownerUid(ref: unknown): string | undefined {
  return isMap(ref) && typeof ref['uid'] === 'string' ? ref['uid'] : undefined;
}

// True when both lists name the same owner uids in the same order (or are the same value).
function sameOwnerUids(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (ownerUid(a[i]) !== ownerUid(b[i])) return false;
  return true;
}

// True when every field `SecondaryIndexes.update` reads is the same value in `a` and `b` (frozen
// subtrees compared by reference first; labels, selectors and owner uids by value).
function sameIndexedFields(kind: string, a: StoredObject, b: StoredObject): boolean {
  const x = a as unknown as Loose;
  const y = b as unknown as Loose;
  if (x.metadata !== y.metadata) {
    if (!isMap(x.metadata) || !isMap(y.metadata)) return false;
    const m = x.metadata;
    const n = y.metadata;
    if (
      m.namespace !== n.namespace ||
      m.uid !== n.uid ||
      !sameStringEntries(m.labels, n.labels) ||
      !sameOwnerUids(m.ownerReferences, n.ownerReferences)
    ) {
      return false;
    }
  }
  if (kind === 'Pod' || kind === 'Service') {
    if (x.spec === y.spec) return true;
    if (!isMap(x.spec) || !isMap(y.spec)) return false;
    return kind === 'Pod'
      ? x.spec['nodeName'] === y.spec['nodeName']
      : sameStringEntries(x.spec['selector'], y.spec['selector']);
  }
  if (kind === 'Event') {
    return (
      x.involvedObject === y.involvedObject &&
      x.type === y.type &&
      x.reason === y.reason &&
      x.message === y.message
    );
  }
  return true;
}

/** All secondary indexes of one set of objects. */
export class SecondaryIndexes {
  /** kind → `labelPairKey` → keys. */
  private readonly labels: Map<string, MultiMap>;
  private readonly podsByNode: MultiMap;
  /** `labelPairKey` of each pair of a Service's selector → Service keys. */
  private readonly servicesByPair: MultiMap;
  /** `namespace/serviceName` → EndpointSlice keys. */
  private readonly slicesByService: MultiMap;
  /** owner uid → dependent refs. */
  private readonly dependents: MultiMap;
  private readonly uids: ShardedCowMap<string>;
  /** Events by the object, type, reason and message they report (count aggregation). */
  private readonly events: EventIndex;
  /** Objects per namespace, all kinds together. */
  private readonly namespaceCounts: ShardedCowMap<number>;

  /**
   * Empty indexes over objects whose Events `readEvent` reads (the tables these indexes follow),
   * or (for {@link SecondaryIndexes.clone}) the given parts.
   */
  constructor(readEvent: EventReader, parts?: IndexParts) {
    this.labels = parts?.labels ?? new Map<string, MultiMap>();
    this.podsByNode = parts?.podsByNode ?? new MultiMap();
    this.servicesByPair = parts?.servicesByPair ?? new MultiMap();
    this.slicesByService = parts?.slicesByService ?? new MultiMap();
    this.dependents = parts?.dependents ?? new MultiMap();
    this.uids = parts?.uids ?? new ShardedCowMap<string>();
    this.events = parts?.events ?? new EventIndex(readEvent);
    this.namespaceCounts = parts?.namespaceCounts ?? new ShardedCowMap<number>();
  }

  /**
   * An independent copy of every index, for a fork of the store whose Events `readEvent` reads:
   * the multimaps and flat maps are shared copy-on-write ({@link MultiMap.fork},
   * {@link ShardedCowMap.fork}).
   */
  clone(readEvent: EventReader): SecondaryIndexes {
    const out = new SecondaryIndexes(readEvent, {
      labels: new Map([...this.labels].map(([kind, byPair]) => [kind, byPair.fork()])),
      podsByNode: this.podsByNode.fork(),
      servicesByPair: this.servicesByPair.fork(),
      slicesByService: this.slicesByService.fork(),
      dependents: this.dependents.fork(),
      uids: this.uids.fork(),
      events: this.events.fork(readEvent),
      namespaceCounts: this.namespaceCounts.fork(),
    });
    return out;
  }

  /** Indexes `obj`, stored as `kind` at `key`. */
  add(kind: string, key: string, obj: StoredObject): void {
    this.update(kind, key, obj, 1);
  }

  /** Removes `obj` (the version that was indexed) from every index. */
  remove(kind: string, key: string, obj: StoredObject): void {
    this.update(kind, key, obj, -1);
  }

  /**
   * Re-indexes the object at `key` from `previous` to `next`. Most writes (status, resourceVersion)
   * change nothing an index reads, and then nothing is done; otherwise `previous` is removed and
   * `next` added. Every read is order-independent (lists sort their keys), so skipping the
   * remove-and-add changes no result.
   */
  replace(kind: string, key: string, previous: StoredObject, next: StoredObject): void {
    if (sameIndexedFields(kind, previous, next)) return;
    this.update(kind, key, previous, -1);
    this.update(kind, key, next, 1);
  }

  /** Keys of `kind` in `namespace` carrying `labelKey=value`. */
  withLabel(
    kind: string,
    namespace: string,
    labelKey: string,
    value: string,
  ): ReadonlySet<string> | undefined {
    return this.labels.get(kind)?.get(labelPairKey(namespace, labelKey, value));
  }

  /** Keys of the pods whose `spec.nodeName` is `nodeName`. */
  podsOnNode(nodeName: string): ReadonlySet<string> | undefined {
    return this.podsByNode.get(nodeName);
  }

  /** Keys of the Services in `namespace` whose selector contains `labelKey=value`. */
  servicesWithSelectorPair(
    namespace: string,
    labelKey: string,
    value: string,
  ): ReadonlySet<string> | undefined {
    return this.servicesByPair.get(labelPairKey(namespace, labelKey, value));
  }

  /** Keys of the EndpointSlices labelled with the Service's name. */
  slicesOfService(namespace: string, serviceName: string): ReadonlySet<string> | undefined {
    return this.slicesByService.get(`${namespace}/${serviceName}`);
  }

  /** `kind/key` references of the objects naming `ownerUid` in their ownerReferences. */
  dependentsOf(ownerUid: string): ReadonlySet<string> | undefined {
    return this.dependents.get(ownerUid);
  }

  /** Where the object with `uid` is stored. */
  locate(uid: string): { kind: string; key: string } | undefined {
    const ref = this.uids.get(uid);
    return ref === undefined ? undefined : parseRef(ref);
  }

  /** Key of the stored Event reporting exactly `tuple` (see {@link EventIndex}). */
  eventWith(tuple: EventTuple): string | undefined {
    return this.events.find(tuple);
  }

  /** How many objects (of any kind) live in `namespace`. */
  objectsInNamespace(namespace: string): number {
    return this.namespaceCounts.get(namespace) ?? 0;
  }

  // Never throws, whatever the object's shape: a write is journaled before it reaches the indexes,
  // and its rollback removes exactly what this added (the same reads, the same guards).
  private update(kind: string, key: string, obj: StoredObject, sign: 1 | -1): void {
    const o = obj as unknown as Loose;
    const meta = isMap(o.metadata) ? o.metadata : {};
    const ns = typeof meta.namespace === 'string' ? meta.namespace : '';
    const ref = refOf(kind, key);
    const apply = (m: MultiMap, k: string, member: string): void => {
      if (sign > 0) m.add(k, member);
      else m.remove(k, member);
    };

    if (ns !== '') {
      const n = (this.namespaceCounts.get(ns) ?? 0) + sign;
      if (n === 0) this.namespaceCounts.delete(ns);
      else this.namespaceCounts.set(ns, n);
    }
    if (typeof meta.uid === 'string') {
      if (sign > 0) this.uids.set(meta.uid, ref);
      else if (this.uids.get(meta.uid) === ref) this.uids.delete(meta.uid);
    }
    if (isMap(meta.labels)) {
      let byPair = this.labels.get(kind);
      if (byPair === undefined) {
        byPair = new MultiMap();
        this.labels.set(kind, byPair);
      }
      for (const [k, v] of stringEntries(meta.labels)) apply(byPair, labelPairKey(ns, k, v), key);
    }
    if (Array.isArray(meta.ownerReferences)) {
      for (const owner of meta.ownerReferences as readonly unknown[]) {
        if (isMap(owner) && typeof owner['uid'] === 'string') {
          apply(this.dependents, owner['uid'], ref);
        }
      }
    }
    const spec = isMap(o.spec) ? o.spec : {};
    if (kind === 'Pod') {
      const node = spec['nodeName'];
      if (typeof node === 'string' && node !== '') apply(this.podsByNode, node, key);
    } else if (kind === 'Service') {
      for (const [k, v] of stringEntries(spec['selector'])) {
        apply(this.servicesByPair, labelPairKey(ns, k, v), key);
      }
    } else if (kind === 'EndpointSlice') {
      const svc = isMap(meta.labels) ? meta.labels[SERVICE_NAME_LABEL] : undefined;
      if (typeof svc === 'string') apply(this.slicesByService, `${ns}/${svc}`, key);
    } else if (kind === 'Event') {
      const tuple = eventTupleOf(o);
      if (tuple !== undefined) {
        if (sign > 0) this.events.add(tuple, key);
        else this.events.remove(tuple, key);
      }
    }
  }
}
