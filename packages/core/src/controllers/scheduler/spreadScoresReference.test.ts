// The system-default spread scores (hostname maxSkew 3, zone maxSkew 5) equal a node-by-node
// reference written from the formula (scoring.go: count × ln(domains + 2) + maxSkew − 1, summed,
// rounded, normalised so fewer is better), over random clusters: zones missing or empty on some
// nodes, matching and other pods anywhere, any feasible subset in any search order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Service } from '../../objects/service.js';
import { selectorFromSet } from '../../selector/selectorFromSet.js';
import type { ClusterView } from '../../store/view.js';
import type { NodeInfo } from './nodeInfo.js';
import { podTopologySpreadScores } from './podTopologySpread.js';
import type { SchedulerCache } from './schedulerCache.js';
import { cacheOf, node, pod } from './schedulerFixtures.test-helper.js';

const ZONE = 'topology.kubernetes.io/zone';
const web = { spec: { selector: { app: 'web' } } } as unknown as Service;
const view = {
  servicesSelecting: (_ns: string, labels: Readonly<Record<string, string>> | undefined) =>
    labels?.['app'] === 'web' ? [web] : [],
  get: () => undefined,
} as unknown as ClusterView;

/** The scores from scratch, for feasible nodes `feasible` (every known node counts its pods). */
function reference(cache: SchedulerCache, feasible: readonly NodeInfo[]): number[] {
  const matching = (info: NodeInfo): number =>
    cache.countMatching('default', [selectorWeb]).get(info.name) ?? 0;
  const zoneOf = (info: NodeInfo): string => info.node?.metadata.labels?.[ZONE] ?? '';
  const present = new Set(feasible.map(zoneOf));
  const zoneTotals = new Map<string, number>();
  for (const info of cache.nodeInfos()) {
    const z = zoneOf(info);
    if (present.has(z)) zoneTotals.set(z, (zoneTotals.get(z) ?? 0) + matching(info));
  }
  const hostWeight = Math.log(feasible.length + 2);
  const zoneWeight = Math.log(present.size + 2);
  const raw = feasible.map((info) => {
    let r = 0;
    r += matching(info) * hostWeight + 2;
    if (info.node?.metadata.labels?.[ZONE] !== undefined) {
      r += (zoneTotals.get(zoneOf(info)) ?? 0) * zoneWeight + 4;
    }
    return Math.round(r);
  });
  const max = Math.max(0, ...raw);
  const min = Math.min(...raw);
  return raw.map((r) => (max === 0 ? 100 : Math.trunc((100 * (max + min - r)) / max)));
}

/** The Service's selector. */
const selectorWeb = selectorFromSet({ app: 'web' });

const clusterArb = fc.record({
  zones: fc.array(fc.constantFrom('a', 'b', 'c', '', undefined), { minLength: 2, maxLength: 12 }),
  pods: fc.array(fc.record({ at: fc.nat(), web: fc.boolean() }), { maxLength: 40 }),
  feasible: fc.array(fc.nat(), { minLength: 2, maxLength: 12 }),
});

describe('system-default spread scores', () => {
  it('equal a node-by-node reference, from the cache tables and from the feasible nodes', () => {
    fc.assert(
      fc.property(clusterArb, ({ zones, pods, feasible }) => {
        const nodes = zones.map((zone, i) =>
          node(`n${String(i).padStart(2, '0')}`, zone === undefined ? {} : { zone }),
        );
        const bound = pods.map((p, i) =>
          pod(`p${i}`, {
            nodeName: nodes[p.at % nodes.length]?.metadata.name ?? '',
            labels: { app: p.web ? 'web' : 'db' },
          }),
        );
        const cache = cacheOf([...nodes, ...bound]);
        const infos = cache.nodeInfos();
        const positions = [...new Set(feasible.map((f) => f % infos.length))];
        if (positions.length < 2) return;
        const chosen = positions.map((p) => infos[p] as NodeInfo);
        const incoming = pod('incoming', { labels: { app: 'web' } });
        const expected = reference(cache, chosen);
        expect(podTopologySpreadScores(incoming, view, cache, chosen, positions)).toEqual(expected);
        expect(podTopologySpreadScores(incoming, view, cache, chosen)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
