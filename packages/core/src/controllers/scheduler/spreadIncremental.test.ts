// Incremental = from scratch: the topology-spread filter state built from the cache's running
// counts (nodes holding matching pods, eligible-domain totals kept per node-label generation)
// equals a recount over every node, after any sequence of node and pod changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Node } from '../../objects/node.js';
import type { Pod } from '../../objects/pod.js';
import type { ClusterView, StoreEvent } from '../../store/view.js';
import { podMatchesNodeSelectorAndAffinity } from './nodeAffinity.js';
import { podTopologySpreadFilter, prepareSpreadFilter } from './podTopologySpread.js';
import { SchedulerCache } from './schedulerCache.js';
import { hasAllTopologyKeys, spreadConstraintsOf } from './spreadConstraints.js';
import { node, pod } from './schedulerFixtures.test-helper.js';

const view = { servicesSelecting: () => [], get: () => undefined } as unknown as ClusterView;

/** The filter state counted from scratch over every known node (upstream `calPreFilterState`). */
function fromScratch(p: Pod, cache: SchedulerCache) {
  const constraints = spreadConstraintsOf(p, view, 'DoNotSchedule');
  const domainCounts = constraints.map((c) => {
    const perNode = cache.countMatching(p.metadata.namespace, c.selectors);
    const domains = new Map<string, number>();
    for (const info of cache.nodeInfos()) {
      const n = info.node;
      if (n === undefined) continue;
      const labels = n.metadata.labels;
      if (!hasAllTopologyKeys(labels, constraints) || !podMatchesNodeSelectorAndAffinity(p, n))
        continue;
      const value = labels?.[c.topologyKey] ?? '';
      domains.set(value, (domains.get(value) ?? 0) + (perNode.get(info.name) ?? 0));
    }
    return domains;
  });
  const minMatch = constraints.map((c, i) => {
    const domains = domainCounts[i] ?? new Map<string, number>();
    if (domains.size < c.minDomains) return 0;
    return domains.size === 0 ? 0 : Math.min(...domains.values());
  });
  return { domainCounts, minMatch };
}

const ZONE = 'topology.kubernetes.io/zone';
const HOST = 'kubernetes.io/hostname';

const incoming = fc.record({
  app: fc.constantFrom('web', 'db'),
  constraints: fc.array(
    fc.record({
      key: fc.constantFrom(ZONE, HOST, 'rack'),
      maxSkew: fc.integer({ min: 1, max: 3 }),
      minDomains: fc.integer({ min: 1, max: 4 }),
      app: fc.constantFrom('web', 'db'),
    }),
    { minLength: 1, maxLength: 2 },
  ),
  disk: fc.constantFrom(undefined, 'ssd', 'hdd'),
});

type Incoming = typeof incoming extends fc.Arbitrary<infer T> ? T : never;

function incomingPod(i: Incoming): Pod {
  return pod('incoming', {
    labels: { app: i.app },
    spec: {
      ...(i.disk !== undefined ? { nodeSelector: { disk: i.disk } } : {}),
      topologySpreadConstraints: i.constraints.map((c) => ({
        maxSkew: c.maxSkew,
        minDomains: c.minDomains,
        topologyKey: c.key,
        whenUnsatisfiable: 'DoNotSchedule' as const,
        labelSelector: { matchLabels: { app: c.app } },
      })),
    },
  });
}

const nodeLabels = fc.record({
  zone: fc.constantFrom(undefined, 'a', 'b', 'c'),
  rack: fc.constantFrom(undefined, 'r1', 'r2'),
  disk: fc.constantFrom(undefined, 'ssd', 'hdd'),
});

// Few nodes and many pods, so that every domain often holds matching pods (a minimum above 0).
const op = fc.oneof(
  {
    arbitrary: fc.record({ t: fc.constant('node' as const), n: fc.nat(4), labels: nodeLabels }),
    weight: 2,
  },
  { arbitrary: fc.record({ t: fc.constant('dropNode' as const), n: fc.nat(4) }), weight: 1 },
  {
    arbitrary: fc.record({
      t: fc.constant('pod' as const),
      p: fc.nat(30),
      n: fc.nat(5),
      app: fc.constantFrom('web', 'db'),
      terminating: fc.boolean(),
      assumed: fc.boolean(),
    }),
    weight: 6,
  },
  { arbitrary: fc.record({ t: fc.constant('dropPod' as const), p: fc.nat(30) }), weight: 1 },
);

type NodeLabels = typeof nodeLabels extends fc.Arbitrary<infer T> ? T : never;

function nodeObj(n: number, l: NodeLabels): Node {
  const labels: Record<string, string> = {};
  if (l.rack !== undefined) labels['rack'] = l.rack;
  if (l.disk !== undefined) labels['disk'] = l.disk;
  return node(`n${n}`, { labels, ...(l.zone !== undefined ? { zone: l.zone } : {}) });
}

const ev = (type: StoreEvent['type'], o: Node | Pod): StoreEvent => ({
  type,
  kind: o.kind,
  key: o.kind === 'Node' ? o.metadata.name : `${o.metadata.namespace}/${o.metadata.name}`,
  object: o,
  resourceVersion: 1,
});

describe('PodTopologySpread filter state: incremental equals from scratch', () => {
  it('after any sequence of node and pod changes', () => {
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 1, maxLength: 60 }),
        fc.array(incoming, { minLength: 1, maxLength: 3 }),
        (ops, pods) => {
          const cache = new SchedulerCache();
          const nodes = new Map<number, Node>();
          for (const o of ops) {
            if (o.t === 'node') {
              const n = nodeObj(o.n, o.labels);
              cache.observe(ev(nodes.has(o.n) ? 'MODIFIED' : 'ADDED', n));
              nodes.set(o.n, n);
            } else if (o.t === 'dropNode') {
              const n = nodes.get(o.n);
              if (n !== undefined) cache.observe(ev('DELETED', n));
              nodes.delete(o.n);
            } else if (o.t === 'pod') {
              const base = pod(`p${o.p}`, { labels: { app: o.app }, nodeName: `n${o.n}` });
              const p: Pod = o.terminating
                ? {
                    ...base,
                    metadata: { ...base.metadata, deletionTimestamp: '2025-01-01T00:00:01Z' },
                  }
                : base;
              if (o.assumed) cache.assume(p, `n${o.n}`);
              else cache.observe(ev('MODIFIED', p));
            } else {
              cache.observe(ev('DELETED', pod(`p${o.p}`)));
            }
            for (const i of pods) {
              const p = incomingPod(i);
              const got = prepareSpreadFilter(p, view, cache);
              const want = fromScratch(p, cache);
              expect(got?.minMatch).toEqual(want.minMatch);
              want.domainCounts.forEach((domains, c) => {
                const counted = got?.domainCounts[c] ?? new Map<string, number>();
                for (const [value, n] of counted) expect(domains.get(value)).toBe(n);
                for (const [value, n] of domains) expect(counted.get(value) ?? 0).toBe(n);
              });
              for (const info of cache.nodeInfos()) {
                // The verdict on every node matches a filter fed the from-scratch counts.
                const scratch = got && { ...got, ...want };
                expect(podTopologySpreadFilter(got, info)).toEqual(
                  podTopologySpreadFilter(scratch, info),
                );
              }
            }
          }
        },
      ),
    );
  });
});
