import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { Store } from '../../store/store.js';
import { createSyncDriver } from '../../driver/syncDriver.js';
import { seededRandomSource } from '../../sources.js';
import type { Event } from '../../objects/node.js';
import type { Pod } from '../../objects/pod.js';
import type { RandomSource } from '../../sources.js';
import { SchedulerCache } from './schedulerCache.js';
import { schedulerController } from './schedulerController.js';
import { stubRandom } from './schedulerFixtures.test-helper.js';

const timings = {
  schedulerInitialBackoff: 1000,
  schedulerMaxBackoff: 10_000,
  schedulerUnschedulableFlush: 300_000,
};

function nodeManifest(
  name: string,
  cpu = '4',
  extra: { taints?: object[]; labels?: Record<string, string> } = {},
) {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...extra.labels } },
    spec: extra.taints !== undefined ? { taints: extra.taints } : {},
    status: { capacity: { cpu, memory: '16Gi', pods: '110' } },
  };
}

function podManifest(name: string, cpu?: string, meta: object = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', ...meta },
    spec: {
      containers: [
        {
          name: 'app',
          image: 'nginx',
          ...(cpu !== undefined ? { resources: { requests: { cpu } } } : {}),
        },
      ],
    },
  };
}

function setup(nodes: object[], random: RandomSource = stubRandom([0])) {
  const store = new Store();
  for (const n of nodes) store.create(n);
  const scheduler = schedulerController({ random, config: timings });
  const driver = createSyncDriver(store, [scheduler]);
  return { store, scheduler, driver };
}

const podAt = (store: Store, name: string): Pod => {
  const p = store.get('Pod', `default/${name}`);
  if (p === undefined) throw new Error(`no pod ${name}`);
  return p;
};

const events = (store: Store, reason: string): Event[] =>
  store.list('Event').filter((e) => e.reason === reason);

describe('schedulerController', () => {
  it('binds a pod, marks it PodScheduled and records a Scheduled event', () => {
    const { store, scheduler, driver } = setup([nodeManifest('n1')]);
    store.create(podManifest('web', '500m'));
    driver.run(0);
    const p = podAt(store, 'web');
    expect(p.spec.nodeName).toBe('n1');
    expect(p.status.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True');
    expect(events(store, 'Scheduled').map((e) => e.message)).toEqual([
      'Successfully assigned default/web to n1',
    ]);
    expect(scheduler.cache.nodeInfo('n1')?.requestedMilliCpu).toBe(500);
    expect(scheduler.cache.isAssumed('default/web')).toBe(false);
  });

  it('reports an unschedulable pod with counted, sorted reasons in upstream words', () => {
    const { store, scheduler } = setup([
      nodeManifest('cp', '8', {
        taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
      }),
      nodeManifest('n1', '1'),
      nodeManifest('n2', '1'),
    ]);
    const created = store.create(podManifest('big', '2'));
    for (const ev of [
      ...store.list('Node').map((object) => ({
        type: 'ADDED' as const,
        kind: 'Node',
        key: object.metadata.name,
        object,
        resourceVersion: 1,
      })),
    ])
      scheduler.keysFor(ev, store);
    const plan = scheduler.reconcile(store, 'default/big', 0);
    const expected =
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';
    expect(plan.requeueAfter).toBe(1000);
    expect(plan.actions).toHaveLength(2);
    const [status, event] = plan.actions;
    expect(status?.verb).toBe('updateStatus');
    if (status?.verb !== 'updateStatus') return;
    const cond = (status.object as Pod).status.conditions?.find((c) => c.type === 'PodScheduled');
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable', message: expected });
    expect(event).toEqual({
      verb: 'event',
      regarding: { kind: 'Pod', key: 'default/big', uid: created.metadata.uid },
      type: 'Warning',
      reason: 'FailedScheduling',
      message: expected,
    });
  });

  it('backs off 1, 2, 4, 8, 10, 10 s across attempts moved by cluster events', () => {
    const { store, scheduler, driver } = setup([nodeManifest('n1', '1')]);
    store.create(podManifest('big', '2'));
    const seen: (number | undefined)[] = [];
    let now = 0;
    for (let i = 0; i < 6; i++) {
      const plan = scheduler.reconcile(store, 'default/big', now);
      seen.push(plan.requeueAfter);
      if (i === 0) driver.run(now); // apply the first status write through the store
      // A new (too small) node is a relevant event: the pod leaves the unschedulable pool.
      store.create(nodeManifest(`small-${i}`, '1'));
      now += plan.requeueAfter ?? 0;
    }
    expect(seen).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('keeps an unschedulable pod in the pool until an event or the 5-minute flush', () => {
    const { store, scheduler, driver } = setup([nodeManifest('n1', '1')]);
    store.create(podManifest('big', '2'));
    driver.run(0);
    expect(podAt(store, 'big').status.conditions?.[0]?.reason).toBe('Unschedulable');
    // Backoff over, nothing changed: wait for the flush (periodic, so settle does not wait).
    expect(scheduler.reconcile(store, 'default/big', 1000)).toEqual({
      actions: [],
      requeueAfter: 329_000,
      periodic: true,
    });
    // At the flush the pod is tried again: same message, so only the event is written.
    const flushed = scheduler.reconcile(store, 'default/big', 330_000);
    expect(flushed.actions.map((a) => a.verb)).toEqual(['event']);
    expect(flushed.requeueAfter).toBe(2000);
  });

  it('schedules a waiting pod once a node that fits is added and its backoff is over', () => {
    const { store, scheduler, driver } = setup([nodeManifest('n1', '1')]);
    store.create(podManifest('big', '2'));
    driver.run(0);
    store.create(nodeManifest('n2', '4'));
    driver.run(500); // still backing off until 1000
    expect(podAt(store, 'big').spec.nodeName).toBeUndefined();
    // The sync driver ignores requeueAfter; the engine would reconcile again at 1000.
    const plan = scheduler.reconcile(store, 'default/big', 1000);
    expect(plan.actions[0]).toMatchObject({ verb: 'update', object: { spec: { nodeName: 'n2' } } });
  });

  it('breaks ties between equal nodes with the injected random source', () => {
    const a = setup(
      [nodeManifest('n1'), nodeManifest('n2'), nodeManifest('n3')],
      stubRandom([1, 0]),
    );
    a.store.create(podManifest('p', '100m'));
    a.driver.run(0);
    expect(podAt(a.store, 'p').spec.nodeName).toBe('n3');
    const b = setup(
      [nodeManifest('n1'), nodeManifest('n2'), nodeManifest('n3')],
      stubRandom([0, 1]),
    );
    b.store.create(podManifest('p', '100m'));
    b.driver.run(0);
    expect(podAt(b.store, 'p').spec.nodeName).toBe('n2');
  });

  it('spreads 3 replicas of a ReplicaSet over 3 equal nodes (system default spreading)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { store, driver } = setup(
          [nodeManifest('n1'), nodeManifest('n2'), nodeManifest('n3')],
          seededRandomSource(seed),
        );
        const rs = store.create({
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          metadata: { name: 'web', namespace: 'default' },
          spec: {
            replicas: 3,
            selector: { matchLabels: { app: 'web' } },
            template: {
              metadata: { labels: { app: 'web' } },
              spec: { containers: [{ name: 'c', image: 'nginx' }] },
            },
          },
        });
        const owner = {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web',
          uid: rs.metadata.uid,
          controller: true,
        };
        for (const name of ['web-a', 'web-b', 'web-c']) {
          store.create(
            podManifest(name, '100m', { labels: { app: 'web' }, ownerReferences: [owner] }),
          );
          driver.run(0);
        }
        const nodes = ['web-a', 'web-b', 'web-c'].map((n) => podAt(store, n).spec.nodeName);
        return new Set(nodes).size === 3;
      }),
      { numRuns: 20 },
    );
  });

  it('places pods identically for the same seed', () => {
    const run = (seed: number) => {
      const { store, driver } = setup(
        Array.from({ length: 6 }, (_, i) => nodeManifest(`n${i}`)),
        seededRandomSource(seed),
      );
      for (let i = 0; i < 30; i++)
        store.create(podManifest(`p${i}`, i % 3 === 0 ? '250m' : undefined));
      driver.run(0);
      return store.list('Pod').map((p) => `${p.metadata.name}@${p.spec.nodeName ?? '-'}`);
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7).every((s) => !s.endsWith('@-'))).toBe(true);
  });

  it('ignores pods for another scheduler, bound pods and deleted pods', () => {
    const { store, scheduler } = setup([nodeManifest('n1')]);
    const other = store.create({
      ...podManifest('other'),
      spec: { ...podManifest('other').spec, schedulerName: 'my-scheduler' },
    });
    expect(
      scheduler.keysFor(
        { type: 'ADDED', kind: 'Pod', key: 'default/other', object: other, resourceVersion: 1 },
        store,
      ),
    ).toEqual([]);
    expect(scheduler.reconcile(store, 'default/gone', 0).actions).toEqual([]);
    const bound = store.create({
      ...podManifest('bound'),
      spec: { ...podManifest('bound').spec, nodeName: 'n1' },
    });
    expect(
      scheduler.keysFor(
        { type: 'ADDED', kind: 'Pod', key: 'default/bound', object: bound, resourceVersion: 1 },
        store,
      ),
    ).toEqual([]);
    expect(scheduler.reconcile(store, 'default/bound', 0).actions).toEqual([]);
  });

  it('reads a cache it is handed and never changes it: its owner keeps it from store events', () => {
    const store = new Store();
    store.create(nodeManifest('n1', '1'));
    store.create(nodeManifest('n2', '4'));
    const cache = new SchedulerCache();
    for (const n of store.list('Node')) {
      cache.observe({
        type: 'ADDED',
        kind: 'Node',
        key: n.metadata.name,
        object: n,
        resourceVersion: 0,
      });
    }
    store.watch((ev) => {
      cache.observe(ev);
    });
    const writes = [
      vi.spyOn(cache, 'observe'),
      vi.spyOn(cache, 'assume'),
      vi.spyOn(cache, 'forget'),
    ];
    const scheduler = schedulerController({ random: stubRandom([0]), config: timings, cache });
    expect(scheduler.cache).toBe(cache);
    const driver = createSyncDriver(store, [scheduler]);
    store.create(podManifest('big', '3'));
    const observedBefore = writes[0]?.mock.calls.length ?? 0;
    expect(scheduler.reconcile(store, 'default/big', 0).actions[0]).toMatchObject({
      verb: 'update',
      object: { spec: { nodeName: 'n2' } },
    });
    // reconcile wrote nothing to the cache; only the store watch (its owner) does.
    expect(writes.map((w) => w.mock.calls.length)).toEqual([observedBefore, 0, 0]);
    driver.run(0);
    expect(podAt(store, 'big').spec.nodeName).toBe('n2');
    expect(cache.nodeInfo('n2')?.requestedMilliCpu).toBe(3000);
    driver.dispose();
  });

  it('refuses inverted backoff timings with a typed error', () => {
    expect(() =>
      schedulerController({
        random: stubRandom([0]),
        config: { ...timings, schedulerInitialBackoff: 20_000 },
      }),
    ).toThrow(/schedulerInitialBackoff \(20000\) must not exceed/);
  });
});
