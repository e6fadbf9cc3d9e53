import { describe, it, expect } from 'vitest';
import { isPodReady } from '../endpoints/podEndpoint.js';
import type { Pod } from '../../objects/pod.js';
import { podFromTemplate } from './podFromTemplate.js';
import { replicaSetController } from './replicaSetController.js';
import { replicaSetManifest, testCluster } from '../shared/testCluster.test-helper.js';

const active = (pods: Pod[]): Pod[] =>
  pods.filter((p) => p.metadata.deletionTimestamp === undefined && p.status.phase !== 'Failed');

describe('replicaSetController', () => {
  it('creates the missing pods from the template with a controller ownerReference', () => {
    const c = testCluster([replicaSetController]);
    const rs = c.store.create(replicaSetManifest('web', 3));
    c.run();
    const pods = c.podsOf('web');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
      expect(p.metadata.labels).toEqual({ app: 'web' });
      expect(p.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web',
          uid: rs.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
    }
    const status = c.store.get('ReplicaSet', 'default/web')?.status;
    expect(status).toMatchObject({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 0,
      availableReplicas: 0,
      terminatingReplicas: 0,
      observedGeneration: 1,
    });
  });

  it('gives the pods of one ReplicaSet its frozen labels and one shared ownerReferences list', () => {
    const c = testCluster([replicaSetController]);
    const rs = c.store.create(replicaSetManifest('web', 2));
    c.run();
    const [a, b] = c.podsOf('web');
    if (a === undefined || b === undefined) throw new Error('pods missing');
    expect(a.metadata.ownerReferences).toBe(b.metadata.ownerReferences);
    expect(a.metadata.labels).toBe(rs.spec.template.metadata?.labels);
    expect(Object.isFrozen(a.metadata.ownerReferences?.[0])).toBe(true);
    expect(podFromTemplate(rs).metadata.ownerReferences).toBe(a.metadata.ownerReferences);
    // Another ReplicaSet sharing the frozen spec (a re-created one: same name, new uid) gets
    // references to itself, not the kept ones.
    const other = { ...rs, metadata: { ...rs.metadata, uid: 'another-uid' } };
    expect(podFromTemplate(other).metadata.ownerReferences).toEqual([
      expect.objectContaining({ name: 'web', uid: 'another-uid' }),
    ]);
  });

  it('creates at most 500 pods in one sync (BurstReplicas)', () => {
    const c = testCluster([]);
    c.store.create(replicaSetManifest('big', 600));
    const plan = replicaSetController.reconcile(c.store, 'default/big', 0);
    expect(plan.actions.filter((a) => a.verb === 'create')).toHaveLength(500);
  });

  it('replaces a pod as soon as it gets a deletionTimestamp, so Terminating and replacement coexist', () => {
    const c = testCluster([replicaSetController]);
    c.store.create(replicaSetManifest('web', 2));
    c.run();
    const [first] = c.podsOf('web');
    if (first === undefined) throw new Error('no pod');
    // A bound pod: an unbound one would be removed at once, with no Terminating phase.
    const victim = c.makeReady(first);
    c.store.delete('Pod', `default/${victim.metadata.name}`);
    c.run();
    const pods = c.podsOf('web');
    expect(pods).toHaveLength(3);
    expect(pods.filter((p) => p.metadata.deletionTimestamp !== undefined)).toHaveLength(1);
    expect(active(pods)).toHaveLength(2);
    expect(c.store.get('ReplicaSet', 'default/web')?.status).toMatchObject({
      replicas: 2,
      terminatingReplicas: 1,
    });
  });

  it('does not delete Failed pods but replaces them', () => {
    const c = testCluster([replicaSetController]);
    c.store.create(replicaSetManifest('web', 2));
    c.run();
    const [failed] = c.podsOf('web');
    if (failed === undefined) throw new Error('no pod');
    c.store.updateStatus({ ...failed, status: { ...failed.status, phase: 'Failed' } });
    c.run();
    const pods = c.podsOf('web');
    expect(pods).toHaveLength(3);
    const stillThere = c.store.get('Pod', `default/${failed.metadata.name}`);
    expect(stillThere?.status.phase).toBe('Failed');
    expect(stillThere?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('scales down by deleting unscheduled and not-ready pods before ready ones', () => {
    const c = testCluster([replicaSetController]);
    c.store.create(replicaSetManifest('web', 4));
    c.run();
    const pods = c.podsOf('web');
    const ready = pods.slice(0, 2).map((p) => c.makeReady(p));
    const rs = c.store.get('ReplicaSet', 'default/web');
    if (rs === undefined) throw new Error('no rs');
    c.store.update({ ...rs, spec: { ...rs.spec, replicas: 2 } });
    c.run();
    const left = active(c.podsOf('web'));
    expect(left.map((p) => p.metadata.name).sort()).toEqual(
      ready.map((p) => p.metadata.name).sort(),
    );
    expect(left.every(isPodReady)).toBe(true);
  });

  it('adopts a matching orphan pod instead of creating one', () => {
    const c = testCluster([replicaSetController]);
    c.store.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'orphan', namespace: 'default', labels: { app: 'web' } },
      spec: { containers: [{ name: 'c', image: 'nginx:1' }] },
    });
    const rs = c.store.create(replicaSetManifest('web', 2));
    c.run();
    const orphan = c.store.get('Pod', 'default/orphan');
    expect(orphan?.metadata.ownerReferences?.[0]?.uid).toBe(rs.metadata.uid);
    expect(c.podsOf('web')).toHaveLength(2);
  });

  it('releases an owned pod whose labels stop matching and replaces it', () => {
    const c = testCluster([replicaSetController]);
    c.store.create(replicaSetManifest('web', 2));
    c.run();
    const [pod] = c.podsOf('web');
    if (pod === undefined) throw new Error('no pod');
    c.store.update({ ...pod, metadata: { ...pod.metadata, labels: { app: 'debug' } } });
    c.run();
    const released = c.store.get('Pod', `default/${pod.metadata.name}`);
    expect(released?.metadata.ownerReferences).toBeUndefined();
    expect(c.podsOf('web')).toHaveLength(2);
    expect(c.podsOf('web').map((p) => p.metadata.name)).not.toContain(pod.metadata.name);
  });

  it('counts a Ready pod available only after minReadySeconds and requeues for that instant', () => {
    const c = testCluster([replicaSetController]);
    c.store.create(replicaSetManifest('web', 1, { minReadySeconds: 10 }));
    c.run();
    const [pod] = c.podsOf('web');
    if (pod === undefined) throw new Error('no pod');
    c.advanceTo(2_000);
    c.makeReady(pod);
    c.advanceTo(5_000);
    const plan = replicaSetController.reconcile(c.store, 'default/web', c.now());
    // Ready at 2 s, available strictly after 12 s: 12_001 − 5_000.
    expect(plan.requeueAfter).toBe(7_001);
    c.run();
    expect(c.store.get('ReplicaSet', 'default/web')?.status).toMatchObject({
      readyReplicas: 1,
      availableReplicas: 0,
    });
    // The sync driver ignores requeueAfter: play the requeue by hand at the promised instant.
    c.advanceTo(12_000);
    const early = replicaSetController.reconcile(c.store, 'default/web', c.now());
    expect(early.actions).toEqual([]);
    expect(early.requeueAfter).toBe(1);
    c.advanceTo(12_001);
    const due = replicaSetController.reconcile(c.store, 'default/web', c.now());
    expect(due.requeueAfter).toBeUndefined();
    const [write] = due.actions;
    expect(write?.verb).toBe('updateStatus');
    if (write?.verb !== 'updateStatus' || write.object.kind !== 'ReplicaSet') throw new Error();
    expect(write.object.status.availableReplicas).toBe(1);
  });

  it('never mutates the objects it reads', () => {
    const c = testCluster([replicaSetController]);
    c.store.create(replicaSetManifest('web', 3));
    c.run();
    const before = JSON.stringify(c.store.list('Pod'));
    const rs = c.store.get('ReplicaSet', 'default/web');
    if (rs === undefined) throw new Error('no rs');
    c.store.update({ ...rs, spec: { ...rs.spec, replicas: 1 } });
    const plan = replicaSetController.reconcile(c.store, 'default/web', 0);
    expect(plan.actions.filter((a) => a.verb === 'delete')).toHaveLength(2);
    expect(JSON.stringify(c.store.list('Pod'))).toBe(before);
  });
});
