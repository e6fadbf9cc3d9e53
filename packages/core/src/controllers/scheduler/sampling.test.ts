import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { numFeasibleNodesToFind } from './numFeasibleNodesToFind.js';
import { selectHost } from './selectHost.js';
import { failedSchedulingMessage, nodesAvailableMessage } from './failureMessage.js';
import { podBackoff, unschedulableFlushTime } from './schedulingQueue.js';
import { schedulePod } from './schedulePod.js';
import { cacheOf, node, pod, stubRandom } from './schedulerFixtures.test-helper.js';
import type { ClusterView } from '../../store/view.js';

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
