import { describe, expect, it } from 'vitest';
import {
  createPodGcController,
  createSyncDriver,
  POD_GC_KEY,
  TAINT_NODE_OUT_OF_SERVICE,
} from '@kubesim/core';
import type { Node, Pod, StoreEvent } from '@kubesim/core';
import { TestHost, addNode, runController, runPodOn } from './testHost.test-helper.js';

/** Last states of deleted pods, by key. */
function watchDeletions(host: TestHost): Map<string, { at: number; pod: Pod }> {
  const deleted = new Map<string, { at: number; pod: Pod }>();
  host.store.watch((ev: StoreEvent) => {
    if (ev.kind === 'Pod' && ev.type === 'DELETED') {
      deleted.set(ev.key, { at: host.now, pod: ev.object as Pod });
    }
  });
  return deleted;
}

function finish(
  host: TestHost,
  name: string,
  phase: 'Succeeded' | 'Failed',
  reason?: string,
): void {
  const pod = host.store.get('Pod', `default/${name}`);
  if (pod === undefined) throw new Error(`no pod ${name}`);
  host.store.updateStatus({
    ...pod,
    status: { ...pod.status, phase, ...(reason === undefined ? {} : { reason }) },
  });
}

describe('PodGcController', () => {
  it.each([
    [33_000, 80_000],
    [40_000, 80_000],
    [41_000, 100_000],
    [59_999, 100_000],
  ])(
    'force-deletes the pods of a Node deleted at %i ms at the pass %i ms, marked Failed first',
    (deletedAt, expected) => {
      const host = new TestHost();
      runController(host, createPodGcController());
      addNode(host, 'node-1');
      runPodOn(host, 'web', 'node-1');
      runPodOn(host, 'db', 'node-1');
      const deleted = watchDeletions(host);
      host.runUntil(deletedAt);
      host.store.delete('Node', 'node-1');
      host.runUntil(expected - 1);
      expect(host.store.get('Pod', 'default/web')).toBeDefined();
      host.runUntil(expected);
      expect(expected - deletedAt).toBeGreaterThanOrEqual(40_000);
      expect(expected - deletedAt).toBeLessThan(80_000);
      for (const key of ['default/web', 'default/db']) {
        const gone = deleted.get(key);
        expect(gone?.at).toBe(expected);
        expect(gone?.pod.status.phase).toBe('Failed');
        expect(
          gone?.pod.status.conditions?.find((c) => c.type === 'DisruptionTarget'),
        ).toMatchObject({
          status: 'True',
          reason: 'DeletionByPodGC',
          message: 'PodGC: node no longer exists',
        });
      }
    },
  );

  it('spares the pods of a node that is back when the quarantine ends', () => {
    const host = new TestHost();
    const gc = createPodGcController();
    runController(host, gc);
    const node = addNode(host, 'node-1');
    runPodOn(host, 'web', 'node-1');
    host.runUntil(10_000);
    host.store.delete('Node', 'node-1');
    host.runUntil(20_000);
    expect(gc.quarantined()).toEqual(new Map([['node-1', 20_000]]));
    const { resourceVersion: _rv, uid: _uid, creationTimestamp: _c, ...meta } = node.metadata;
    host.store.create({ ...node, metadata: meta } as Node);
    host.runUntil(200_000);
    expect(host.store.get('Pod', 'default/web')).toBeDefined();
    expect(gc.quarantined().size).toBe(0);
  });

  it('force-deletes unscheduled terminating pods, marked Failed', () => {
    const host = new TestHost();
    const gc = createPodGcController();
    const created = host.store.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'stuck', namespace: 'default', finalizers: ['example.com/hold'] },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    });
    host.now = 5000;
    host.store.delete('Pod', 'default/stuck');
    const terminating = host.store.get('Pod', 'default/stuck');
    expect(terminating?.metadata.deletionTimestamp).toBeDefined();
    const ev = {
      type: 'MODIFIED',
      kind: 'Pod',
      key: 'default/stuck',
      object: terminating,
      oldObject: created,
    };
    expect(gc.keysFor(ev as StoreEvent, host.store)).toEqual([POD_GC_KEY]);
    expect(gc.reconcile(host.store, POD_GC_KEY, 5000)).toEqual({
      actions: [],
      requeueAfter: 15_000,
    });
    const plan = gc.reconcile(host.store, POD_GC_KEY, 20_000);
    expect(plan.requeueAfter).toBeUndefined();
    expect(plan.actions).toMatchObject([
      { verb: 'updateStatus', object: { status: { phase: 'Failed' } } },
      { verb: 'delete', kind: 'Pod', key: 'default/stuck', gracePeriodSeconds: 0 },
    ]);
  });

  it('deletes terminated pods above the threshold, evicted first, then oldest', () => {
    const host = new TestHost();
    addNode(host, 'node-1');
    for (const [i, name] of ['p0', 'p1', 'p2', 'p3', 'p4'].entries()) {
      host.now = i * 1000;
      runPodOn(host, name, 'node-1');
    }
    host.now = 0;
    const driver = createSyncDriver(host.store, [
      createPodGcController({ terminatedPodGCThreshold: 3 }),
    ]);
    for (const name of ['p0', 'p1', 'p2', 'p3']) finish(host, name, 'Succeeded');
    finish(host, 'p4', 'Failed', 'Evicted');
    driver.run(0);
    const left = host.store.list('Pod').map((p) => p.metadata.name);
    expect(left).toEqual(['p1', 'p2', 'p3']);
    driver.dispose();
  });

  it('force-deletes terminating pods of a NotReady node tainted out-of-service', () => {
    const host = new TestHost();
    runController(host, createPodGcController());
    const node = addNode(host, 'node-1');
    runPodOn(host, 'web', 'node-1');
    host.runUntil(1000);
    host.store.delete('Pod', 'default/web');
    host.runUntil(25_000);
    expect(host.store.get('Pod', 'default/web')?.metadata.deletionTimestamp).toBeDefined();
    const live = host.store.get('Node', 'node-1') ?? node;
    const notReady = host.store.updateStatus({
      ...live,
      status: { conditions: [{ type: 'Ready', status: 'False', reason: 'KubeletNotReady' }] },
    });
    host.store.update({
      ...notReady,
      spec: {
        taints: [{ key: TAINT_NODE_OUT_OF_SERVICE, value: 'nodeshutdown', effect: 'NoExecute' }],
      },
    });
    host.runUntil(39_999);
    expect(host.store.get('Pod', 'default/web')).toBeDefined();
    host.runUntil(40_000);
    expect(host.store.get('Pod', 'default/web')).toBeUndefined();
  });

  it('stays idle in a healthy cluster: no key, no requeue', () => {
    const host = new TestHost();
    const gc = createPodGcController();
    runController(host, gc);
    addNode(host, 'node-1');
    runPodOn(host, 'web', 'node-1');
    host.runUntil(3_600_000);
    expect(host.ran.filter((r) => r.label.startsWith('pod-garbage-collector'))).toEqual([]);
    expect(gc.reconcile(host.store, POD_GC_KEY, 20_000)).toEqual({ actions: [] });
  });
});
