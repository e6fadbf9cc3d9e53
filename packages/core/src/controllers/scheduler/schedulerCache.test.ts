import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { selectorFromSet } from '../../selector/selectorFromSet.js';
import type { Pod } from '../../objects/pod.js';
import type { StoreEvent } from '../../store/view.js';
import { SchedulerCache } from './schedulerCache.js';
import { podRequests } from './podRequests.js';
import { node, pod } from './schedulerFixtures.test-helper.js';

const NODES = ['n1', 'n2', 'n3'];
const APPS = ['web', 'db'];

type Op =
  | { op: 'create'; id: number; node: number | null; cpu: number; app: number }
  | { op: 'bind'; id: number; node: number }
  | { op: 'finish'; id: number }
  | { op: 'terminate'; id: number }
  | { op: 'relabel'; id: number; app: number }
  | { op: 'delete'; id: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('create' as const),
    id: fc.nat(7),
    node: fc.option(fc.nat(2)),
    cpu: fc.nat(4),
    app: fc.nat(1),
  }),
  fc.record({ op: fc.constant('bind' as const), id: fc.nat(7), node: fc.nat(2) }),
  fc.record({ op: fc.constant('finish' as const), id: fc.nat(7) }),
  fc.record({ op: fc.constant('terminate' as const), id: fc.nat(7) }),
  fc.record({ op: fc.constant('relabel' as const), id: fc.nat(7), app: fc.nat(1) }),
  fc.record({ op: fc.constant('delete' as const), id: fc.nat(7) }),
);

/** Applies ops to a plain map, emitting the store events the store would deliver. */
function replay(
  ops: readonly Op[],
  cache: SchedulerCache,
  live = new Map<string, Pod>(),
): Map<string, Pod> {
  const emit = (type: StoreEvent['type'], key: string, object: Pod, oldObject?: Pod) => {
    cache.observe({
      type,
      kind: 'Pod',
      key,
      object,
      ...(oldObject ? { oldObject } : {}),
      resourceVersion: 1,
    });
  };
  for (const o of ops) {
    const key = `default/p${o.id}`;
    const old = live.get(key);
    let next: Pod | undefined;
    if (o.op === 'create') {
      if (old !== undefined) continue;
      next = pod(`p${o.id}`, {
        cpu: `${o.cpu * 100}m`,
        labels: { app: APPS[o.app] ?? 'web' },
        ...(o.node !== null ? { nodeName: NODES[o.node] ?? 'n1' } : {}),
      });
      live.set(key, next);
      emit('ADDED', key, next);
      continue;
    }
    if (old === undefined) continue;
    if (o.op === 'delete') {
      live.delete(key);
      emit('DELETED', key, old, old);
      continue;
    }
    if (o.op === 'bind') {
      if (old.spec.nodeName !== undefined) continue;
      next = { ...old, spec: { ...old.spec, nodeName: NODES[o.node] ?? 'n1' } };
    } else if (o.op === 'finish') next = { ...old, status: { phase: 'Succeeded' } };
    else if (o.op === 'terminate')
      next = { ...old, metadata: { ...old.metadata, deletionTimestamp: '2025-01-01T00:00:05Z' } };
    else next = { ...old, metadata: { ...old.metadata, labels: { app: APPS[o.app] ?? 'web' } } };
    live.set(key, next);
    emit('MODIFIED', key, next, old);
  }
  return live;
}

/** Everything a scheduler reads of the cache, in the cache's orders, as JSON. */
function dump(cache: SchedulerCache): string {
  const sel = (app: string) => selectorFromSet({ app });
  return JSON.stringify({
    names: cache.nodeNames(),
    infos: cache.nodeInfos().map((i) => ({
      ...i,
      node: i.node?.metadata.name,
      usedPorts: [...i.usedPorts],
      priorities: [...i.priorities],
    })),
    counts: APPS.map((app) => [...cache.countMatching('default', [sel(app)])]),
    affinity: APPS.map((app) => [
      ...cache.countAffinityMatching(['default'], sel(app), (_ns, l) => l['app'] === app),
    ]),
    all: [...cache.countAffinityMatching(undefined, sel('web'), () => true)],
    pods: Array.from({ length: 8 }, (_, i) => [
      cache.nodeOfPod(`default/p${i}`),
      cache.isAssumed(`default/p${i}`),
    ]),
  });
}

function nodeEvent(type: StoreEvent['type'], name: string): StoreEvent {
  return { type, kind: 'Node', key: name, object: node(name), resourceVersion: 1 };
}

describe('SchedulerCache', () => {
  it('a fork and its parent (and a fork of the fork) change independently and each reads like a cache that saw its own events', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 30 }),
        fc.array(opArb, { maxLength: 20 }),
        fc.array(opArb, { maxLength: 20 }),
        fc.array(opArb, { maxLength: 20 }),
        (common, mine, theirs, grand) => {
          const start = (): [SchedulerCache, Map<string, Pod>] => {
            const c = new SchedulerCache();
            for (const n of NODES) c.observe(nodeEvent('ADDED', n));
            return [c, replay(common, c)];
          };
          const [parent, live] = start();
          const fork = parent.fork();
          const forkLive = new Map(live);
          const grandchild = fork.fork();
          const grandLive = new Map(live);
          // The parent changes first (a node goes, pods move), then the fork, then the grandchild.
          parent.observe(nodeEvent('DELETED', 'n2'));
          replay(theirs, parent, live);
          fork.observe(nodeEvent('ADDED', 'n0'));
          replay(mine, fork, forkLive);
          replay(grand, grandchild, grandLive);
          const expected = (ops: readonly Op[], nodeOp?: StoreEvent): string => {
            const [c, l] = start();
            if (nodeOp !== undefined) c.observe(nodeOp);
            replay(ops, c, l);
            return dump(c);
          };
          expect(dump(parent)).toBe(expected(theirs, nodeEvent('DELETED', 'n2')));
          expect(dump(fork)).toBe(expected(mine, nodeEvent('ADDED', 'n0')));
          expect(dump(grandchild)).toBe(expected(grand));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('incremental sums agree with a from-scratch count over the live pods', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const cache = new SchedulerCache();
        for (const n of NODES)
          cache.observe({
            type: 'ADDED',
            kind: 'Node',
            key: n,
            object: node(n),
            resourceVersion: 1,
          });
        const live = [...replay(ops, cache).values()];
        for (const n of NODES) {
          const here = live.filter(
            (p) =>
              p.spec.nodeName === n &&
              p.status.phase !== 'Succeeded' &&
              p.status.phase !== 'Failed',
          );
          const info = cache.nodeInfo(n);
          expect(info?.podCount).toBe(here.length);
          expect(info?.requestedMilliCpu).toBe(
            here.reduce((s, p) => s + podRequests(p).milliCpu, 0),
          );
          expect(info?.nonZeroMemory).toBe(
            here.reduce((s, p) => s + podRequests(p).nonZeroMemory, 0),
          );
          for (const app of APPS) {
            const want = here.filter(
              (p) =>
                p.metadata.deletionTimestamp === undefined && p.metadata.labels?.['app'] === app,
            ).length;
            expect(cache.countMatching('default', [selectorFromSet({ app })]).get(n) ?? 0).toBe(
              want,
            );
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps nodes in name order and forgets deleted ones', () => {
    const cache = new SchedulerCache();
    for (const n of ['c', 'a', 'b'])
      cache.observe({ type: 'ADDED', kind: 'Node', key: n, object: node(n), resourceVersion: 1 });
    expect(cache.nodeNames()).toEqual(['a', 'b', 'c']);
    cache.observe({
      type: 'DELETED',
      kind: 'Node',
      key: 'b',
      object: node('b'),
      resourceVersion: 2,
    });
    expect(cache.nodeNames()).toEqual(['a', 'c']);
    expect(cache.nodeInfos().map((i) => i.name)).toEqual(['a', 'c']);
    expect(cache.nodeInfo('b')).toBeUndefined();
  });

  it('changes the node-label generation only when nodes come, go or change labels', () => {
    const cache = new SchedulerCache();
    const ev = (type: StoreEvent['type'], object: ReturnType<typeof node>): StoreEvent => ({
      type,
      kind: 'Node',
      key: object.metadata.name,
      object,
      resourceVersion: 1,
    });
    const g0 = cache.nodeLabelGeneration();
    cache.observe(ev('ADDED', node('a', { zone: 'z1' })));
    const g1 = cache.nodeLabelGeneration();
    expect(g1).not.toBe(g0);
    let computed = 0;
    const derived = () => cache.nodeDerived('k', () => (computed += 1));
    expect([derived(), derived()]).toEqual([1, 1]);
    // A status-only change (same labels, new object) keeps derived values.
    cache.observe(ev('MODIFIED', node('a', { zone: 'z1', cpu: '8' })));
    expect(cache.nodeLabelGeneration()).toBe(g1);
    expect(derived()).toBe(1);
    cache.observe(ev('MODIFIED', node('a', { zone: 'z2' })));
    expect(cache.nodeLabelGeneration()).not.toBe(g1);
    expect(derived()).toBe(2);
    cache.observe(ev('DELETED', node('a', { zone: 'z2' })));
    expect(derived()).toBe(3);
    expect(cache.nodeInfos()).toEqual([]);
  });

  it('counts an assumed pod until its binding is seen, and not twice after', () => {
    const cache = new SchedulerCache();
    cache.observe({
      type: 'ADDED',
      kind: 'Node',
      key: 'n1',
      object: node('n1'),
      resourceVersion: 1,
    });
    const p = pod('p', { cpu: '1' });
    cache.assume(p, 'n1');
    expect(cache.isAssumed('default/p')).toBe(true);
    // A late event showing the pod still unbound does not undo the assumption.
    cache.observe({
      type: 'MODIFIED',
      kind: 'Pod',
      key: 'default/p',
      object: p,
      oldObject: p,
      resourceVersion: 2,
    });
    expect(cache.nodeInfo('n1')?.requestedMilliCpu).toBe(1000);
    const bound = { ...p, spec: { ...p.spec, nodeName: 'n1' } };
    cache.observe({
      type: 'MODIFIED',
      kind: 'Pod',
      key: 'default/p',
      object: bound,
      oldObject: p,
      resourceVersion: 3,
    });
    expect(cache.isAssumed('default/p')).toBe(false);
    expect(cache.nodeInfo('n1')?.requestedMilliCpu).toBe(1000);
    expect(cache.nodeInfo('n1')?.podCount).toBe(1);
  });
});
