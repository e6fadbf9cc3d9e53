/**
 * The queries of {@link ClusterView}, answered from kind tables and secondary indexes. Shared by
 * the live {@link Store} and its frozen {@link ClusterSnapshot}s.
 * @packageDocumentation
 */
import type { ClusterConfig } from '../config.js';
import type { EndpointSlice } from '../objects/discovery.js';
import type { InertObject, Kind, KindInfo, KindMap, KubeObject } from '../objects/kinds.js';
import { kindInfo } from '../objects/kinds.js';
import type { Pod } from '../objects/pod.js';
import type { Service } from '../objects/service.js';
import type { Selector } from '../selector/types.js';
import { matchesSet, normalizeKindKey, resolveKindInfo } from './deps.js';
import type { KindTable } from './kindTable.js';
import { MemberSet } from './multiMap.js';
import { parseRef } from './secondaryIndexes.js';
import type { SecondaryIndexes } from './secondaryIndexes.js';
import { compareKeys } from './sortedKeys.js';
import type { ClusterView } from './view.js';
import type { StoredObject } from './types.js';

// The sorted members of an index set, kept per set. The sets are changed in place, so a kept
// array is used only when it still holds exactly the set's members: a set that counts its changes
// (MemberSet, every index's) says so by its version; any other is checked member by member (as
// many, each one present). The array is never handed out.
const sortedMemo = new WeakMap<
  ReadonlySet<string>,
  { sorted: readonly string[]; version: number }
>();

function sortedMembers(set: ReadonlySet<string>): readonly string[] {
  const kept = sortedMemo.get(set);
  const version = set instanceof MemberSet ? set.version : -1;
  if (kept !== undefined && kept.sorted.length === set.size) {
    if (version >= 0 && kept.version === version) return kept.sorted;
    let same = true;
    for (const key of kept.sorted) {
      if (!set.has(key)) {
        same = false;
        break;
      }
    }
    if (same) {
      kept.version = version;
      return kept.sorted;
    }
  }
  const sorted = [...set].sort(compareKeys);
  sortedMemo.set(set, { sorted, version });
  return sorted;
}

/** Options of {@link ClusterReadModel.list}. */
export interface ListOptions {
  /** Only objects in this namespace. */
  namespace?: string;
  /** Only objects whose labels match. */
  selector?: Selector;
}

/** Read side shared by the store and snapshots. Every list is sorted by key. */
export abstract class ClusterReadModel implements ClusterView {
  /** Cluster settings. */
  abstract readonly config: Readonly<ClusterConfig>;
  /** The table of `kind`. */
  protected abstract tableOf(kind: string): KindTable | undefined;
  /** The secondary indexes (a snapshot builds them on first use). */
  protected abstract indexes(): SecondaryIndexes;

  /** What this cluster knows of `kind`: a built-in kind, or a custom kind of a stored CRD. */
  kindInfoOf(kind: string): KindInfo | undefined {
    return resolveKindInfo(this.tableOf('CustomResourceDefinition'), kind);
  }

  /** The object of `kind` at `key` (`namespace/name`; a bare name means `default/name`). */
  get<K extends Kind>(kind: K, key: string): KindMap[K] | undefined {
    return this.tableOf(kind)?.objects.get(this.normalize(kind, key)) as KindMap[K] | undefined;
  }

  /** An object of a kind kubesim stores without simulating (ConfigMap, Secret, …). */
  getInert(kind: string, key: string): InertObject | undefined {
    return this.tableOf(kind)?.objects.get(this.normalize(kind, key)) as InertObject | undefined;
  }

  /** Objects of `kind`, optionally in one namespace and matching a selector, sorted by key. */
  list<K extends Kind>(kind: K, opts?: ListOptions): readonly KindMap[K][] {
    return this.listAny(kind, opts) as KindMap[K][];
  }

  /** Objects of an inert kind, sorted by key. */
  listInert(kind: string, opts?: ListOptions): readonly InertObject[] {
    return this.listAny(kind, opts) as InertObject[];
  }

  /** Pods bound to `nodeName`, sorted by key. */
  podsOnNode(nodeName: string): readonly Pod[] {
    return this.resolve('Pod', this.indexes().podsOnNode(nodeName)) as Pod[];
  }

  /** Services in `namespace` whose non-empty selector matches `labels`, sorted by key. */
  servicesSelecting(
    namespace: string,
    labels: Readonly<Record<string, string>> | undefined,
  ): readonly Service[] {
    if (labels === undefined) return [];
    const idx = this.indexes();
    const candidates = new Set<string>();
    for (const [k, v] of Object.entries(labels)) {
      for (const key of idx.servicesWithSelectorPair(namespace, k, v) ?? []) candidates.add(key);
    }
    const out: Service[] = [];
    for (const key of [...candidates].sort(compareKeys)) {
      const svc = this.tableOf('Service')?.objects.get(key) as Service | undefined;
      const sel = svc?.spec.selector;
      if (svc !== undefined && sel !== undefined && matchesSet(sel, labels)) out.push(svc);
    }
    return out;
  }

  /** Pods in `namespace` carrying every pair of `selector` (`{}` matches every pod). */
  podsMatching(namespace: string, selector: Readonly<Record<string, string>>): readonly Pod[] {
    const pairs = Object.entries(selector);
    if (pairs.length === 0) return this.list('Pod', { namespace });
    let best: ReadonlySet<string> | undefined;
    for (const [k, v] of pairs) {
      const set = this.indexes().withLabel('Pod', namespace, k, v);
      if (set === undefined) return [];
      if (best === undefined || set.size < best.size) best = set;
    }
    const pods = this.resolve('Pod', best) as Pod[];
    // One pair: the index set holds exactly the pods that carry it (a label key never has '=',
    // which would let two pairs share an index entry).
    if (pairs.length === 1 && !(pairs[0] as [string, string])[0].includes('=')) return pods;
    return pods.filter((p) => matchesSet(selector, p.metadata.labels));
  }

  /** EndpointSlices labelled `kubernetes.io/service-name=<serviceName>`, sorted by key. */
  slicesOfService(namespace: string, serviceName: string): readonly EndpointSlice[] {
    const keys = this.indexes().slicesOfService(namespace, serviceName);
    return this.resolve('EndpointSlice', keys) as EndpointSlice[];
  }

  /** Objects whose ownerReferences name `ownerUid`, sorted by kind then key. */
  ownedBy(ownerUid: string): readonly (KubeObject | InertObject)[] {
    const refs = this.indexes().dependentsOf(ownerUid);
    if (refs === undefined) return [];
    const out: StoredObject[] = [];
    for (const ref of sortedMembers(refs)) {
      const { kind, key } = parseRef(ref);
      const obj = this.tableOf(kind)?.objects.get(key);
      if (obj !== undefined) out.push(obj);
    }
    return out;
  }

  private listAny(kind: string, opts: ListOptions | undefined): StoredObject[] {
    const table = this.tableOf(kind);
    if (table === undefined) return [];
    const selector = opts?.selector;
    if (selector?.matchesNothing === true) return [];
    const namespaced = this.namespaced(kind);
    const ns = opts?.namespace;
    const fromIndex = selector === undefined ? undefined : this.labelCandidates(kind, ns, selector);
    let keys: readonly string[];
    if (fromIndex !== undefined) keys = fromIndex;
    else if (ns !== undefined && namespaced) keys = table.keysWithPrefix(`${ns}/`);
    else keys = table.sortedKeys();
    const out: StoredObject[] = [];
    for (const key of keys) {
      const obj = table.objects.get(key);
      if (obj === undefined) continue;
      if (selector !== undefined && !selector.empty && !selector.matches(obj.metadata.labels)) {
        continue;
      }
      out.push(obj);
    }
    return out;
  }

  /** Sorted candidate keys from the label index, when the selector has an equality requirement. */
  private labelCandidates(
    kind: string,
    namespace: string | undefined,
    selector: Selector,
  ): string[] | undefined {
    const namespaced = this.namespaced(kind);
    if (namespaced && namespace === undefined) return undefined;
    const ns = namespaced ? (namespace ?? '') : '';
    let best: ReadonlySet<string> | undefined;
    for (const r of selector.requirements) {
      const value = r.values[0];
      if ((r.operator === 'Equals' || r.operator === 'DoubleEquals') && value !== undefined) {
        const set = this.indexes().withLabel(kind, ns, r.key, value) ?? new Set<string>();
        if (best === undefined || set.size < best.size) best = set;
      }
    }
    return best === undefined ? undefined : [...best].sort(compareKeys);
  }

  // Built-in kinds, then the custom kinds of the stored CustomResourceDefinitions. A built-in
  // kind's key is normalised here without building normalizeKindKey's parts (every get does it).
  private normalize(kind: string, key: string): string {
    const builtIn = kindInfo(kind);
    if (builtIn === undefined) {
      return normalizeKindKey(this.tableOf('CustomResourceDefinition'), kind, key).key;
    }
    if (!builtIn.namespaced || key.includes('/')) return key;
    return `default/${key}`;
  }

  private namespaced(kind: string): boolean {
    return resolveKindInfo(this.tableOf('CustomResourceDefinition'), kind)?.namespaced ?? true;
  }

  private resolve(kind: string, keys: ReadonlySet<string> | undefined): StoredObject[] {
    if (keys === undefined) return [];
    const table = this.tableOf(kind);
    const out: StoredObject[] = [];
    for (const key of sortedMembers(keys)) {
      const obj = table?.objects.get(key);
      if (obj !== undefined) out.push(obj);
    }
    return out;
  }
}
