/**
 * The known nodes' topology values as numbers, by the node's position in the cache's sorted node
 * list, so that scoring reads a typed array per node instead of label objects and maps.
 * @packageDocumentation
 */
import type { NodeInfo } from './nodeInfo.js';
import type { SchedulerCacheView } from './schedulerCache.js';

/**
 * One topology key over the known nodes, indexed by position in
 * {@link SchedulerCacheView.nodeInfos}. Valid while {@link SchedulerCacheView.nodeLabelGeneration}
 * holds (positions and labels change only with it).
 */
export interface TopologyDomains {
  /** Per position: the id of the node's value of the key; `''` (a missing key too) is id 0. */
  readonly domainOf: Int32Array;
  /** Per position: 1 when the node carries the key. */
  readonly hasKey: Uint8Array;
  /** The id of each value seen; `''` is 0. */
  readonly ids: ReadonlyMap<string, number>;
  /** How many distinct ids the positions have (the domains a search can meet). */
  readonly used: number;
}

/** Each known node's position in {@link SchedulerCacheView.nodeInfos}, by name. */
export function nodePositions(cache: SchedulerCacheView): ReadonlyMap<string, number> {
  return cache.nodeDerived('positions', () => {
    const out = new Map<string, number>();
    const infos = cache.nodeInfos();
    for (let p = 0; p < infos.length; p++) out.set(infos[p]?.name ?? '', p);
    return out;
  });
}

/**
 * The values of `key` over the known nodes, computed once per node-label generation.
 * @example
 * // nodes [n1 zone a, n2 zone b, n3 no zone] → domainOf [1, 2, 0], hasKey [1, 1, 0]
 */
export function topologyDomains(cache: SchedulerCacheView, key: string): TopologyDomains {
  return cache.nodeDerived(`topology\u0000${key}`, () =>
    buildTopologyDomains(cache.nodeInfos(), key),
  );
}

/** The values of `key` over `infos`, by index in `infos` (a NodeInfo without a Node has no labels). */
export function buildTopologyDomains(infos: readonly NodeInfo[], key: string): TopologyDomains {
  const domainOf = new Int32Array(infos.length);
  const hasKey = new Uint8Array(infos.length);
  const ids = new Map<string, number>([['', 0]]);
  for (let p = 0; p < infos.length; p++) {
    const value = infos[p]?.node?.metadata.labels?.[key];
    if (value === undefined) continue;
    hasKey[p] = 1;
    let id = ids.get(value);
    if (id === undefined) {
      id = ids.size;
      ids.set(value, id);
    }
    domainOf[p] = id;
  }
  // A node without the key is in domain 0, and so is one whose value is ''.
  const seen = new Uint8Array(ids.size);
  let used = 0;
  for (let p = 0; p < infos.length; p++) {
    const id = domainOf[p] as number;
    if (seen[id] === 0) {
      seen[id] = 1;
      used += 1;
    }
  }
  return { domainOf, hasKey, ids, used };
}
