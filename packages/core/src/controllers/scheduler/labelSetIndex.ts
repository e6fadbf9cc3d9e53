/**
 * Counts of bound pods per (namespace, label set) per node, for topology spreading and inter-pod
 * affinity. A selector is answered by visiting only the label sets that could match, never every pod.
 * @packageDocumentation
 */
import type { Requirement, Selector } from '../../selector/types.js';
import { bump } from './nodeInfo.js';

interface LabelSet {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Pods with exactly these labels, per node. */
  readonly nodes: Map<string, number>;
  total: number;
}

/** The canonical identity of a (namespace, labels) pair: sorted `k=v` pairs. */
export function labelSetId(
  namespace: string,
  labels: Readonly<Record<string, string>> | undefined,
): string {
  // The same string as sorting and joining `Object.entries`' pairs, without their arrays.
  const pairs: string[] = [];
  for (const k in labels) if (Object.hasOwn(labels, k)) pairs.push(`${k}=${String(labels[k])}`);
  if (pairs.length > 1) pairs.sort();
  let id = `${namespace}\u0000`;
  for (let i = 0; i < pairs.length; i++) id += `${i === 0 ? '' : '\u0000'}${pairs[i] ?? ''}`;
  return id;
}

const EQUALITY = new Set(['Equals', 'DoubleEquals', 'In']);

/**
 * The per-label-set counter behind {@link SchedulerCache.countMatching}. Label sets are bucketed by
 * namespace and by each `key=value` pair; a query with an equality requirement (every Service or
 * `matchLabels` selector has one) reads the smallest matching bucket.
 */
export class LabelSetIndex {
  #sets = new Map<string, LabelSet>();
  #byPair = new Map<string, Set<string>>();
  #byNamespace = new Map<string, Set<string>>();
  /**
   * The label sets and buckets this index made since it was last forked or made: the only ones
   * it changes in place (the others are shared with a fork and copied before a change).
   */
  #own = new WeakSet<object>();

  /**
   * An independent index with the same contents and iteration orders (for a fork): the maps are
   * copied, the label sets and buckets in them shared until either index changes one.
   */
  fork(): LabelSetIndex {
    const out = new LabelSetIndex();
    out.#sets = new Map(this.#sets);
    out.#byPair = new Map(this.#byPair);
    out.#byNamespace = new Map(this.#byNamespace);
    this.#own = new WeakSet();
    return out;
  }

  /** Adds `delta` (±1) pods with these labels on `nodeName`. */
  add(
    id: string,
    namespace: string,
    labels: Readonly<Record<string, string>>,
    nodeName: string,
    delta: number,
  ): void {
    let set = this.#sets.get(id);
    if (set === undefined) {
      if (delta < 0) return;
      set = { namespace, labels, nodes: new Map(), total: 0 };
      this.#own.add(set);
      this.#sets.set(id, set);
      this.#bucket(this.#byNamespace, namespace, id, true);
      for (const [k, v] of Object.entries(labels))
        this.#bucket(this.#byPair, `${namespace}\u0000${k}=${v}`, id, true);
    } else if (!this.#own.has(set)) {
      // Shared with a fork: copied (same order) and replaced in place (same position).
      set = { namespace, labels: set.labels, nodes: new Map(set.nodes), total: set.total };
      this.#own.add(set);
      this.#sets.set(id, set);
    }
    bump(set.nodes, nodeName, delta);
    set.total += delta;
    if (set.total <= 0) {
      this.#sets.delete(id);
      this.#bucket(this.#byNamespace, namespace, id, false);
      for (const [k, v] of Object.entries(labels))
        this.#bucket(this.#byPair, `${namespace}\u0000${k}=${v}`, id, false);
    }
  }

  /**
   * Pods per node in `namespace` whose labels match every selector of `selectors`.
   * An empty list matches nothing (a constraint always has a selector). The answer may be the
   * index's own counts: read it before the index next changes.
   */
  countMatching(namespace: string, selectors: readonly Selector[]): ReadonlyMap<string, number> {
    if (selectors.length === 0 || selectors.some((s) => s.matchesNothing)) return new Map();
    // The usual answer is one label set's own counts (a Deployment's pods): returned as they are,
    // without a copy, until a second matching set needs a sum.
    let only: ReadonlyMap<string, number> | undefined;
    let out: Map<string, number> | undefined;
    for (const id of this.#candidates(namespace, selectors) ?? []) {
      const set = this.#sets.get(id);
      if (set === undefined || !matchesAll(selectors, set.labels)) continue;
      if (only === undefined) {
        only = set.nodes;
        continue;
      }
      out ??= new Map(only);
      for (const [node, n] of set.nodes) out.set(node, (out.get(node) ?? 0) + n);
    }
    return out ?? only ?? new Map();
  }

  /**
   * Pods per node whose (namespace, labels) satisfy `match`, visiting only the label sets in
   * `namespaces` (every label set when undefined) that carry `hint`'s equality pairs.
   */
  countWhere(
    namespaces: Iterable<string> | undefined,
    hint: Selector,
    match: (namespace: string, labels: Readonly<Record<string, string>>) => boolean,
  ): Map<string, number> {
    const out = new Map<string, number>();
    if (hint.matchesNothing) return out;
    const visit = (id: string): void => {
      const set = this.#sets.get(id);
      if (set === undefined || !match(set.namespace, set.labels)) return;
      for (const [node, n] of set.nodes) out.set(node, (out.get(node) ?? 0) + n);
    };
    if (namespaces === undefined) {
      for (const id of this.#sets.keys()) visit(id);
      return out;
    }
    for (const ns of namespaces) {
      for (const id of this.#candidates(ns, [hint]) ?? []) visit(id);
    }
    return out;
  }

  /** The smallest bucket that holds every label set in `namespace` matching `selectors`. */
  #candidates(namespace: string, selectors: readonly Selector[]): ReadonlySet<string> | undefined {
    let candidates = this.#byNamespace.get(namespace);
    for (const s of selectors) {
      for (const r of s.requirements) {
        if (!EQUALITY.has(r.operator) || r.values.length !== 1) continue;
        const bucket = this.#byPair.get(pairKeyOf(namespace, r));
        if (bucket === undefined) return undefined;
        if (candidates === undefined || bucket.size < candidates.size) candidates = bucket;
      }
    }
    return candidates;
  }

  #bucket(index: Map<string, Set<string>>, key: string, id: string, add: boolean): void {
    let b = index.get(key);
    if (b !== undefined && !this.#own.has(b)) {
      // Shared with a fork: copied (same order) and replaced in place (same position).
      b = new Set(b);
      this.#own.add(b);
      index.set(key, b);
    }
    if (add) {
      if (b === undefined) {
        b = new Set();
        this.#own.add(b);
        index.set(key, b);
      }
      b.add(id);
    } else if (b !== undefined) {
      b.delete(id);
      if (b.size === 0) index.delete(key);
    }
  }
}

/**
 * The last `namespace` each (frozen) equality requirement was asked for and its bucket key: the
 * pods of one template ask the same requirements in the same namespace every cycle.
 */
const keptPairKeys = new WeakMap<Requirement, { namespace: string; key: string }>();

/** The {@link LabelSetIndex} bucket key of `r`'s single `key=value` pair in `namespace`. */
function pairKeyOf(namespace: string, r: Requirement): string {
  const kept = keptPairKeys.get(r);
  if (kept?.namespace === namespace) return kept.key;
  const key = `${namespace}\u0000${r.key}=${r.values[0] ?? ''}`;
  if (Object.isFrozen(r)) keptPairKeys.set(r, { namespace, key });
  return key;
}

function matchesAll(
  selectors: readonly Selector[],
  labels: Readonly<Record<string, string>>,
): boolean {
  for (const s of selectors) if (!s.matches(labels)) return false;
  return true;
}
