import { describe, expect, it } from 'vitest';
import type { ClusterView } from '../../store/view.js';
import type { Pod } from '../../objects/pod.js';
import { interPodAffinityScores, normalizeAffinityScores } from './interPodAffinityScore.js';
import { cacheOf, infoOf, node, pod } from './schedulerFixtures.test-helper.js';
import { SchedulingQueue } from './schedulingQueue.js';

const ZONE = 'topology.kubernetes.io/zone';
const view = { get: () => undefined } as unknown as ClusterView;
const nodes = [node('a1', { zone: 'a' }), node('b1', { zone: 'b' }), node('c1', { zone: 'c' })];

function preferring(kind: 'podAffinity' | 'podAntiAffinity', app: string, weight: number): Pod {
  return pod('incoming', {
    labels: { app: 'web' },
    spec: {
      affinity: {
        [kind]: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight,
              podAffinityTerm: { labelSelector: { matchLabels: { app } }, topologyKey: ZONE },
            },
          ],
        },
      },
    },
  });
}

describe('InterPodAffinity score', () => {
  it('normalises min..max onto 0..100 (all 0 when equal)', () => {
    expect(normalizeAffinityScores([-3, 0, 5])).toEqual([0, 37, 100]);
    expect(normalizeAffinityScores([4, 4])).toEqual([0, 0]);
  });
  it("weights the incoming pod's preferred affinity by matching pods in each zone", () => {
    const cache = cacheOf([
      ...nodes,
      pod('db-0', { nodeName: 'a1', labels: { app: 'db' } }),
      pod('db-1', { nodeName: 'a1', labels: { app: 'db' } }),
      pod('db-2', { nodeName: 'b1', labels: { app: 'db' } }),
    ]);
    const feasible = ['a1', 'b1', 'c1'].map((n) => infoOf(cache, n));
    // raw 2w, 1w, 0 → 100, 50, 0
    expect(
      interPodAffinityScores(preferring('podAffinity', 'db', 10), view, cache, feasible),
    ).toEqual([100, 50, 0]);
    // anti-affinity: raw −2w, −w, 0 → 0, 50, 100
    expect(
      interPodAffinityScores(preferring('podAntiAffinity', 'db', 10), view, cache, feasible),
    ).toEqual([0, 50, 100]);
  });
  it("counts existing pods' terms that match the incoming pod (required affinity weighs 1)", () => {
    const existing = pod('cache-0', {
      nodeName: 'b1',
      labels: { app: 'cache' },
      spec: {
        affinity: {
          podAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: ZONE },
            ],
          },
        },
      },
    });
    const cache = cacheOf([...nodes, existing]);
    const feasible = ['a1', 'b1'].map((n) => infoOf(cache, n));
    expect(
      interPodAffinityScores(pod('w', { labels: { app: 'web' } }), view, cache, feasible),
    ).toEqual([0, 100]);
    expect(interPodAffinityScores(pod('d', { labels: { app: 'db' } }), view, cache, feasible)).toBe(
      undefined,
    );
  });
});

describe('queue: pod events move InterPodAffinity rejections', () => {
  it('moves pods rejected by any of the listed plugins', () => {
    const q = new SchedulingQueue({
      schedulerInitialBackoff: 1000,
      schedulerMaxBackoff: 10_000,
      schedulerUnschedulableFlush: 300_000,
    });
    q.recordFailure('default/a', 0, new Set(['InterPodAffinity']));
    q.recordFailure('default/b', 0, new Set(['NodeResourcesFit']));
    expect(q.moveAll(['PodTopologySpread', 'InterPodAffinity'])).toEqual(['default/a']);
    expect(q.moveAll()).toEqual(['default/b']);
  });
});
