import { describe, expect, it } from 'vitest';
import type { ClusterView } from '../../store/view.js';
import { podTopologySpreadScores } from './podTopologySpread.js';
import { added, cacheOf, node, pod } from './schedulerFixtures.test-helper.js';
import { nodePositions, topologyDomains } from './topologyDomains.js';

const emptyView = { servicesSelecting: () => [], get: () => undefined } as unknown as ClusterView;
const ZONE = 'topology.kubernetes.io/zone';

describe('topology domains by node position', () => {
  it('numbers each value of the key, a missing key sharing the id of the empty value', () => {
    const cache = cacheOf([node('n1', { zone: 'a' }), node('n2', { zone: 'b' }), node('n3')]);
    const t = topologyDomains(cache, ZONE);
    expect([...t.domainOf]).toEqual([1, 2, 0]);
    expect([...t.hasKey]).toEqual([1, 1, 0]);
    expect(nodePositions(cache).get('n3')).toBe(2);
  });

  it('counts the domains the nodes are in, an empty value or a missing key being one', () => {
    const all = topologyDomains(
      cacheOf([node('n1', { zone: 'a' }), node('n2', { zone: 'b' })]),
      ZONE,
    );
    expect(all.used).toBe(2);
    const missing = topologyDomains(cacheOf([node('n1', { zone: 'a' }), node('n2')]), ZONE);
    expect(missing.used).toBe(2);
    const empty = topologyDomains(
      cacheOf([node('n1', { zone: 'a' }), node('n2', { zone: '' })]),
      ZONE,
    );
    expect([...empty.hasKey]).toEqual([1, 1]);
    expect(empty.used).toBe(2);
  });

  it('follows a node added or relabelled (a new node-label generation)', () => {
    const cache = cacheOf([node('n1', { zone: 'a' }), node('n3', { zone: 'a' })]);
    expect([...topologyDomains(cache, ZONE).domainOf]).toEqual([1, 1]);
    cache.observe(added(node('n2', { zone: 'b' })));
    expect([...topologyDomains(cache, ZONE).domainOf]).toEqual([1, 2, 1]);
    expect(nodePositions(cache).get('n3')).toBe(2);
    cache.observe({ ...added(node('n1', { zone: 'c' })), type: 'MODIFIED' });
    expect([...topologyDomains(cache, ZONE).domainOf]).toEqual([1, 2, 3]);
  });
});

describe('spread scores read from the cache tables', () => {
  // Nodes in three zones, one without a zone, pods of `web` spread unevenly.
  const objects = [
    ...['a', 'b', 'c', undefined].flatMap((zone, z) =>
      [0, 1, 2].map((i) => node(`n${z}${i}`, zone === undefined ? {} : { zone })),
    ),
    ...[0, 0, 0, 1, 1, 3, 4, 7, 9, 9, 11].map((n, i) =>
      pod(`w${i}`, {
        nodeName: `n${Math.trunc(n / 3)}${n % 3}`,
        labels: { app: 'web' },
      }),
    ),
  ];
  const cache = cacheOf(objects);
  const infos = cache.nodeInfos();
  const incoming = (own: boolean) =>
    pod('incoming', {
      labels: { app: 'web' },
      spec: {
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: ZONE,
            whenUnsatisfiable: 'ScheduleAnyway',
            labelSelector: { matchLabels: { app: 'web' } },
          },
          {
            maxSkew: own ? 2 : 3,
            topologyKey: 'kubernetes.io/hostname',
            whenUnsatisfiable: 'ScheduleAnyway',
            labelSelector: { matchLabels: { app: 'web' } },
          },
        ],
      },
    });

  it('gives the same scores with positions as from the feasible nodes alone', () => {
    // Every window of the sorted nodes, wrapping, as the round-robin search hands them over.
    for (const own of [true, false]) {
      for (let start = 0; start < infos.length; start++) {
        for (const count of [1, 4, 9, infos.length]) {
          const positions = Array.from({ length: count }, (_, j) => (start + j) % infos.length);
          const feasible = positions.map((p) => infos[p]!);
          const p = incoming(own);
          expect(podTopologySpreadScores(p, emptyView, cache, feasible, positions)).toEqual(
            podTopologySpreadScores(p, emptyView, cache, feasible),
          );
        }
      }
    }
  });

  it('scores nodes without a zone 0 when the constraints are the pod`s own', () => {
    const positions = infos.map((_, p) => p);
    const scores = podTopologySpreadScores(incoming(true), emptyView, cache, infos, positions);
    const noZone = infos.map((info, p) => (info.node?.metadata.labels?.[ZONE] ? -1 : p));
    for (const p of noZone) if (p >= 0) expect(scores?.[p]).toBe(0);
  });
});
