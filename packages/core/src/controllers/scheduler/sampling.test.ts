import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { numFeasibleNodesToFind } from './numFeasibleNodesToFind.js';
import { selectHost } from './selectHost.js';
import { failedSchedulingMessage, nodesAvailableMessage } from './failureMessage.js';
import { podBackoff, unschedulableFlushTime } from './schedulingQueue.js';
import { schedulePod } from './schedulePod.js';
import { added, cacheOf, node, pod, stubRandom } from './schedulerFixtures.test-helper.js';
import type { SchedulerCache } from './schedulerCache.js';
import type { Node } from '../../objects/node.js';
import type { Pod } from '../../objects/pod.js';
import type { ClusterView, StoreEvent } from '../../store/view.js';

describe('numFeasibleNodesToFind (adaptive percentageOfNodesToScore)', () => {
  it.each([
    [1, 1],
    [99, 99],
    [100, 100],
    [500, 230],
    [1000, 420],
    [5000, 500],
    [6000, 300],
    [10000, 500],
  ])('%i nodes → stop after %i feasible', (n, want) => {
    expect(numFeasibleNodesToFind(n)).toBe(want);
  });
  it('never asks for more nodes than exist nor fewer than min(n, 100)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
        const k = numFeasibleNodesToFind(n);
        return k <= n && k >= Math.min(n, 100);
      }),
    );
  });
});

describe('selectHost', () => {
  const tied = [
    { name: 'n1', score: 7 },
    { name: 'n2', score: 7 },
    { name: 'n3', score: 7 },
  ];
  it('breaks ties by reservoir sampling with the injected random source', () => {
    const r1 = stubRandom([1, 0]);
    expect(selectHost(tied, r1)).toBe('n3');
    expect(r1.bounds).toEqual([2, 3]);
    expect(selectHost(tied, stubRandom([0, 1]))).toBe('n2');
    expect(selectHost(tied, stubRandom([1, 1]))).toBe('n1');
  });
  it('takes the unique best without drawing', () => {
    const r = stubRandom([0]);
    expect(
      selectHost(
        [
          { name: 'a', score: 1 },
          { name: 'b', score: 9 },
          { name: 'c', score: 3 },
        ],
        r,
      ),
    ).toBe('b');
    expect(r.bounds).toEqual([]);
  });
});

describe('FailedScheduling message', () => {
  it('counts reasons and sorts the entries as strings', () => {
    expect(
      nodesAvailableMessage(3, [
        'Insufficient cpu',
        'Insufficient cpu',
        'node(s) were unschedulable',
      ]),
    ).toBe('0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu.');
  });
  it('appends the preemption sentence', () => {
    const msg = failedSchedulingMessage(
      3,
      [
        {
          plugin: 'TaintToleration',
          reasons: ['node(s) had untolerated taint {node.kubernetes.io/unreachable: }'],
          unresolvable: true,
        },
        { plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'], unresolvable: false },
        { plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'], unresolvable: false },
      ],
      ['not-helpful', 'no-victims', 'no-victims'],
    );
    expect(msg).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });
});

describe('backoff and flush', () => {
  const timings = {
    schedulerInitialBackoff: 1000,
    schedulerMaxBackoff: 10_000,
    schedulerUnschedulableFlush: 300_000,
  };
  it('doubles from 1 s to a 10 s cap', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map((a) => podBackoff(a, timings))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000, 10_000,
    ]);
  });
  it('flushes at the first 30 s check after 5 minutes in the pool', () => {
    expect(unschedulableFlushTime(0, 300_000)).toBe(330_000);
    expect(unschedulableFlushTime(1000, 300_000)).toBe(330_000);
    expect(unschedulableFlushTime(29_999, 300_000)).toBe(330_000);
    expect(unschedulableFlushTime(30_000, 300_000)).toBe(360_000);
  });
});

describe('node sampling', () => {
  const view = { servicesSelecting: () => [], get: () => undefined } as unknown as ClusterView;
  const names = Array.from({ length: 200 }, (_, i) => `n${String(i).padStart(3, '0')}`);
  const cache = cacheOf(names.map((n) => node(n)));
  it('stops after the adaptive number of feasible nodes and resumes where it stopped', () => {
    // 200 nodes → 100 feasible wanted; every node fits, so 100 are checked per cycle.
    const first = schedulePod(pod('p'), view, cache, stubRandom([1]), 0);
    expect(first.kind).toBe('scheduled');
    if (first.kind !== 'scheduled') return;
    expect(first.scores.map((s) => s.name)).toEqual(names.slice(0, 100));
    expect(first.nextStartIndex).toBe(100);
    const second = schedulePod(pod('q'), view, cache, stubRandom([1]), first.nextStartIndex);
    if (second.kind !== 'scheduled') throw new Error('expected a node');
    expect(second.scores[0]?.name).toBe('n100');
    expect(second.nextStartIndex).toBe(0);
  });
  it('checks every node before declaring a pod unschedulable', () => {
    const r = schedulePod(pod('big', { cpu: '64' }), view, cache, stubRandom([0]), 150);
    expect(r.kind).toBe('unschedulable');
    if (r.kind !== 'unschedulable') return;
    expect(r.failures.size).toBe(200);
    expect(r.message).toBe(
      '0/200 nodes are available: 200 Insufficient cpu. preemption: 0/200 nodes are available: 200 No preemption victims found for incoming pod.',
    );
  });
});

describe('per-node results kept across cycles', () => {
  const view = { servicesSelecting: () => [], get: () => undefined } as unknown as ClusterView;
  const modified = (obj: Node | Pod, old: Node | Pod): StoreEvent => ({
    ...added(obj),
    type: 'MODIFIED',
    oldObject: old,
  });
  const feasibleNames = (r: ReturnType<typeof schedulePod>): string[] =>
    r.kind === 'scheduled' ? r.scores.map((s) => s.name) : [];
  it('follow cordons, taints, binds and a fork’s own changes between cycles', () => {
    const nodes = ['a', 'b', 'c'].map((n) => node(n, { cpu: '4' }));
    const cache = cacheOf(nodes);
    const ask = (name: string, c: SchedulerCache = cache): ReturnType<typeof schedulePod> =>
      schedulePod(pod(name, { cpu: '1' }), view, c, stubRandom([0]), 0);
    expect(feasibleNames(ask('p1'))).toEqual(['a', 'b', 'c']);
    // Cordon a, taint b: only c is left (one feasible node: taken without scores).
    cache.observe(modified(node('a', { cpu: '4', unschedulable: true }), nodes[0] as Node));
    cache.observe(
      modified(
        node('b', { cpu: '4', taints: [{ key: 'k', effect: 'NoSchedule' }] }),
        nodes[1] as Node,
      ),
    );
    const r2 = ask('p2');
    expect(r2.kind === 'scheduled' && r2.nodeName).toBe('c');
    // Fill c: nothing fits, and the failures name every reason.
    cache.observe(added(pod('big', { cpu: '4', nodeName: 'c' })));
    const r3 = ask('p3');
    expect(r3.kind).toBe('unschedulable');
    if (r3.kind === 'unschedulable') {
      expect(r3.message).toBe(
        '0/3 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {k: }, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
      );
    }
    // A fork frees c; the parent does not see it.
    const fork = cache.fork();
    fork.observe({ ...added(pod('big', { cpu: '4', nodeName: 'c' })), type: 'DELETED' });
    const r4 = ask('p4', fork);
    expect(r4.kind === 'scheduled' && r4.nodeName).toBe('c');
    expect(ask('p5').kind).toBe('unschedulable');
    // Uncordon a and untaint b in the parent: all three fit again but c.
    cache.observe(modified(nodes[0] as Node, node('a', { cpu: '4', unschedulable: true })));
    cache.observe(modified(nodes[1] as Node, node('b', { cpu: '4' })));
    expect(feasibleNames(ask('p6'))).toEqual(['a', 'b']);
  });
});
