import { describe, expect, it } from 'vitest';
import {
  createSyncDriver,
  formatTimestamp,
  matchTolerations,
  minTolerationMs,
  taintEvictionController,
  toleratesTaint,
  unknownTransitionTime,
} from '@kubesim/core';
import type { Node, Pod } from '@kubesim/core';
import { NodeLifecycleController } from './nodeLifecycleController.js';
import {
  TestHost,
  addNode,
  conditionStatus,
  runController,
  runPodOn,
} from './testHost.test-helper.js';

const pod = (host: TestHost, name: string): Pod | undefined =>
  host.store.get('Pod', `default/${name}`);

/** A crash of node-1 (zone a, with a healthy node-2) and the instant of its NoExecute taint. */
function crashedCluster() {
  const host = new TestHost();
  const nlc = new NodeLifecycleController(host);
  for (const name of ['node-1', 'node-2']) {
    addNode(host, name, 'a');
    nlc.nodeAdded(name);
  }
  runController(host, taintEvictionController);
  runPodOn(host, 'web', 'node-1');
  runPodOn(host, 'forever', 'node-1', {
    tolerations: [
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    ],
  });
  host.runUntil(12_000);
  nlc.heartbeatsStopped('node-1', 10_000);
  const taintedAt = unknownTransitionTime(10_000, host.config) + host.config.nodeMonitorPeriod;
  return { host, nlc, taintedAt };
}

describe('taintEvictionController', () => {
  it('deletes a pod with the default tolerations 300 s after the unreachable taint', () => {
    const { host, taintedAt } = crashedCluster();
    host.runUntil(taintedAt + 299_999);
    expect(pod(host, 'web')?.metadata.deletionTimestamp).toBeUndefined();
    host.runUntil(taintedAt + 300_000);
    const evicted = pod(host, 'web');
    expect(evicted?.metadata.deletionTimestamp).toBe(
      formatTimestamp(host.config.startTime + taintedAt + 300_000 + 30_000),
    );
    expect(evicted?.status.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'DeletionByTaintManager',
    });
    const events = host.store.list('Event').filter((e) => e.reason === 'TaintManagerEviction');
    expect(events.map((e) => e.message)).toEqual(['Marking for deletion Pod default/web']);
  });

  it('never deletes a pod tolerating the taint without tolerationSeconds', () => {
    const { host, taintedAt } = crashedCluster();
    host.runUntil(taintedAt + 3_600_000);
    expect(pod(host, 'forever')?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('cancels the eviction when the taint goes away', () => {
    const { host, nlc, taintedAt } = crashedCluster();
    host.runUntil(taintedAt + 100_000);
    nlc.heartbeatsResumed('node-1');
    host.runUntil(taintedAt + 900_000);
    expect(pod(host, 'web')?.metadata.deletionTimestamp).toBeUndefined();
    expect(conditionStatus(pod(host, 'web'), 'DisruptionTarget')).toBeUndefined();
  });

  it('deletes a pod that does not tolerate a NoExecute taint at once', () => {
    const host = new TestHost();
    const node = addNode(host, 'node-1', 'a');
    runPodOn(host, 'web', 'node-1');
    runPodOn(host, 'tolerant', 'node-1', {
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoExecute' }],
    });
    const driver = createSyncDriver(host.store, [taintEvictionController]);
    driver.run(0);
    host.now = 7000;
    const tainted: Node = {
      ...node,
      spec: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }] },
    };
    host.store.update(tainted);
    driver.run(7000);
    expect(pod(host, 'web')?.metadata.deletionTimestamp).toBeDefined();
    expect(pod(host, 'tolerant')?.metadata.deletionTimestamp).toBeUndefined();
    driver.dispose();
  });

  it('evicts at the earliest taint time plus the shortest tolerationSeconds used', () => {
    const host = new TestHost();
    const node = addNode(host, 'node-1', 'a');
    runPodOn(host, 'web', 'node-1', {
      tolerations: [
        { key: 'a', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 600 },
        { key: 'b', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 120 },
      ],
    });
    host.now = 10_000;
    const stamp = (t: number): string => formatTimestamp(host.config.startTime + t);
    host.store.update({
      ...node,
      spec: {
        taints: [
          { key: 'a', effect: 'NoExecute', timeAdded: stamp(10_000) },
          { key: 'b', effect: 'NoExecute', timeAdded: stamp(50_000) },
        ],
      },
    });
    expect(taintEvictionController.reconcile(host.store, 'default/web', 60_000)).toEqual({
      actions: [],
      requeueAfter: 70_000,
    });
    const plan = taintEvictionController.reconcile(host.store, 'default/web', 130_000);
    expect(plan.actions.map((a) => a.verb)).toEqual(['event', 'updateStatus', 'delete']);
  });
});

describe('toleration matching', () => {
  it('matches by key, effect and operator as upstream does', () => {
    const taint = { key: 'k', value: 'v', effect: 'NoExecute' as const };
    expect(toleratesTaint({ key: 'k', operator: 'Equal', value: 'v' }, taint)).toBe(true);
    expect(toleratesTaint({ key: 'k', value: 'w' }, taint)).toBe(false);
    expect(toleratesTaint({ operator: 'Exists' }, taint)).toBe(true);
    expect(toleratesTaint({ key: 'k', operator: 'Exists', effect: 'NoSchedule' }, taint)).toBe(
      false,
    );
  });

  it('needs every taint tolerated and takes the minimum seconds, 0 for non-positive', () => {
    const t1 = { key: 'a', effect: 'NoExecute' as const };
    const t2 = { key: 'b', effect: 'NoExecute' as const };
    expect(matchTolerations([t1, t2], [{ key: 'a', operator: 'Exists' }]).allTolerated).toBe(false);
    expect(minTolerationMs([{ tolerationSeconds: 300 }, { tolerationSeconds: 60 }])).toBe(60_000);
    expect(minTolerationMs([{ tolerationSeconds: -5 }, { tolerationSeconds: 60 }])).toBe(0);
    expect(minTolerationMs([{ key: 'a' }])).toBeUndefined();
  });
});
