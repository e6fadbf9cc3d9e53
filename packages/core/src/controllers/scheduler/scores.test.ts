import { describe, expect, it } from 'vitest';
import {
  balancedAllocationScore,
  defaultNormalizeScore,
  intolerablePreferNoScheduleCount,
  leastAllocatedScore,
  nodeAffinityRawScore,
} from './scores.js';
import { podRequests } from './podRequests.js';
import { cacheOf, infoOf, node, pod } from './schedulerFixtures.test-helper.js';

describe('LeastAllocated', () => {
  it('averages (allocatable − requested) × 100 / allocatable over cpu and memory', () => {
    // 4 cpu / 16Gi; 500m + 4Gi already there; the pod adds 500m + 4Gi → cpu 75, memory 50 → 62
    const cache = cacheOf([node('n1'), pod('a', { nodeName: 'n1', cpu: '500m', memory: '4Gi' })]);
    const p = podRequests(pod('p', { cpu: '500m', memory: '4Gi' }));
    expect(leastAllocatedScore(p, infoOf(cache, 'n1'))).toBe(62);
  });
  it('counts a container without requests as 100m and 200 MiB', () => {
    // cpu (4000 − 100) × 100 / 4000 = 97; memory (16384 − 200) × 100 / 16384 = 98 → 97
    const cache = cacheOf([node('n1')]);
    expect(leastAllocatedScore(podRequests(pod('p')), infoOf(cache, 'n1'))).toBe(97);
  });
  it('gives 0 for a resource requested beyond allocatable', () => {
    const cache = cacheOf([node('n1', { cpu: '1' })]);
    // cpu over → 0; memory (16Gi − 1Gi) / 16Gi → 93 → (0 + 93) / 2 = 46
    expect(
      leastAllocatedScore(podRequests(pod('p', { cpu: '2', memory: '1Gi' })), infoOf(cache, 'n1')),
    ).toBe(46);
  });
});

describe('BalancedAllocation', () => {
  it('scores (1 − |cpu fraction − memory fraction| / 2) × 100', () => {
    // 2 of 4 cpu = 0.5, 4 of 16 Gi = 0.25 → std 0.125 → 87
    const cache = cacheOf([node('n1')]);
    expect(
      balancedAllocationScore(
        podRequests(pod('p', { cpu: '2', memory: '4Gi' })),
        infoOf(cache, 'n1'),
      ),
    ).toBe(87);
  });
  it('uses the actual requests of pods on the node', () => {
    // existing 2 cpu, pod 0 cpu but 8Gi → cpu 0.5, memory 0.5 → 100
    const cache = cacheOf([node('n1'), pod('a', { nodeName: 'n1', cpu: '2' })]);
    expect(
      balancedAllocationScore(podRequests(pod('p', { memory: '8Gi' })), infoOf(cache, 'n1')),
    ).toBe(100);
  });
  it('does not score best-effort pods', () => {
    const cache = cacheOf([node('n1'), pod('a', { nodeName: 'n1', cpu: '4' })]);
    expect(balancedAllocationScore(podRequests(pod('p')), infoOf(cache, 'n1'))).toBe(0);
  });
});

describe('TaintToleration score', () => {
  const cache = cacheOf([
    node('clean'),
    node('one', { taints: [{ key: 'spot', effect: 'PreferNoSchedule' }] }),
    node('two', {
      taints: [
        { key: 'spot', effect: 'PreferNoSchedule' },
        { key: 'old', effect: 'PreferNoSchedule' },
      ],
    }),
  ]);
  const raw = (p: ReturnType<typeof pod>) =>
    ['clean', 'one', 'two'].map((n) => intolerablePreferNoScheduleCount(p, infoOf(cache, n)));
  it('counts untolerated PreferNoSchedule taints; fewer is better after normalising', () => {
    expect(raw(pod('p'))).toEqual([0, 1, 2]);
    expect(defaultNormalizeScore(raw(pod('p')), true)).toEqual([100, 50, 0]);
  });
  it('only tolerations with an empty or PreferNoSchedule effect count', () => {
    expect(
      raw(pod('p', { tolerations: [{ key: 'spot', operator: 'Exists', effect: 'NoSchedule' }] })),
    ).toEqual([0, 1, 2]);
    expect(raw(pod('p', { tolerations: [{ key: 'spot', operator: 'Exists' }] }))).toEqual([
      0, 0, 1,
    ]);
  });
  it('all nodes get 100 when no node has such a taint', () => {
    expect(defaultNormalizeScore([0, 0], true)).toEqual([100, 100]);
  });
});

describe('NodeAffinity score', () => {
  it('sums matching preferred weights and scales the best to 100', () => {
    const cache = cacheOf([
      node('a', { labels: { disk: 'ssd' }, zone: 'z1' }),
      node('b', { labels: { disk: 'ssd' } }),
      node('c'),
    ]);
    const p = pod('p', {
      spec: {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              {
                weight: 10,
                preference: {
                  matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }],
                },
              },
              {
                weight: 5,
                preference: {
                  matchExpressions: [
                    { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['z1'] },
                  ],
                },
              },
            ],
          },
        },
      },
    });
    const raw = ['a', 'b', 'c'].map((n) => nodeAffinityRawScore(p, infoOf(cache, n)));
    expect(raw).toEqual([15, 10, 0]);
    expect(defaultNormalizeScore(raw, false)).toEqual([100, 66, 0]);
  });
});

describe('podRequests', () => {
  it('takes the larger of the containers and the largest init container', () => {
    const p = pod('p', {
      spec: {
        containers: [
          { name: 'a', resources: { requests: { cpu: '250m', memory: '64Mi' } } },
          { name: 'b', resources: { requests: { cpu: '250m', memory: '64Mi' } } },
        ],
        initContainers: [{ name: 'init', resources: { requests: { cpu: '1', memory: '32Mi' } } }],
      },
    });
    const r = podRequests(p);
    expect(r.milliCpu).toBe(1000);
    expect(r.memory).toBe(128 * 1024 * 1024);
  });
  it('adds sidecars to the app containers and to later init containers', () => {
    const p = pod('p', {
      spec: {
        containers: [{ name: 'a', resources: { requests: { cpu: '500m' } } }],
        initContainers: [
          { name: 'proxy', restartPolicy: 'Always', resources: { requests: { cpu: '100m' } } },
          { name: 'migrate', resources: { requests: { cpu: '1' } } },
        ],
      },
    });
    // containers + sidecar = 600m; migrate runs next to the sidecar: 1100m
    expect(podRequests(p).milliCpu).toBe(1100);
  });
  it('counts missing requests as 100m / 200Mi for scoring only', () => {
    const r = podRequests(pod('p'));
    expect(r).toEqual({
      milliCpu: 0,
      memory: 0,
      nonZeroMilliCpu: 100,
      nonZeroMemory: 200 * 1024 * 1024,
    });
  });
});
