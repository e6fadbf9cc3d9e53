import { describe, expect, it } from 'vitest';
import {
  CONTROLLER_REVISION_HASH_LABEL,
  POD_INDEX_LABEL,
  STATEFULSET_POD_NAME_LABEL,
} from './statefulSetLabels.js';
import {
  cassandraManifest,
  cassandraServiceManifest,
  harness,
  webSet,
} from './statefulSetFixtures.test-helper.js';

describe('statefulSetController with the cassandra example', () => {
  it('creates cassandra-0 first, cassandra-1 only once cassandra-0 is Ready, then cassandra-2', () => {
    const h = harness();
    h.store.create(cassandraServiceManifest());
    h.store.create(cassandraManifest());
    h.run();
    expect(h.podNames()).toEqual(['cassandra-0']);
    h.run();
    expect(h.podNames()).toEqual(['cassandra-0']);

    h.makeReady('cassandra-0');
    h.run();
    expect(h.podNames()).toEqual(['cassandra-0', 'cassandra-1']);

    h.makeReady('cassandra-1');
    h.run();
    expect(h.podNames()).toEqual(['cassandra-0', 'cassandra-1', 'cassandra-2']);

    h.makeReady('cassandra-2');
    h.run();
    expect(h.podNames()).toHaveLength(3);
    expect(h.set('cassandra').status).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      observedGeneration: 1,
    });
  });

  it('gives each pod a stable hostname under the headless Service and identity labels', () => {
    const h = harness();
    h.store.create(cassandraManifest());
    h.run();
    const set = h.set('cassandra');
    const pod = h.pod('cassandra-0');
    expect(pod?.spec.hostname).toBe('cassandra-0');
    expect(pod?.spec.subdomain).toBe('cassandra');
    expect(pod?.metadata.labels).toMatchObject({
      app: 'cassandra',
      [STATEFULSET_POD_NAME_LABEL]: 'cassandra-0',
      [POD_INDEX_LABEL]: '0',
      [CONTROLLER_REVISION_HASH_LABEL]: set.status.updateRevision,
    });
    expect(set.status.updateRevision).toMatch(/^cassandra-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(pod?.metadata.ownerReferences).toEqual([
      expect.objectContaining({ kind: 'StatefulSet', uid: set.metadata.uid, controller: true }),
    ]);
    expect(pod?.spec.terminationGracePeriodSeconds).toBe(1800);
  });

  it('keeps volumeClaimTemplates on the set without creating claims', () => {
    const h = harness();
    h.store.create(cassandraManifest());
    h.run();
    expect(h.set('cassandra').spec.volumeClaimTemplates).toHaveLength(1);
    expect(h.store.list('Pod')).toHaveLength(1);
  });
});

describe('statefulSetController pod management', () => {
  it('creates every pod at once with the Parallel policy', () => {
    const h = harness();
    h.store.create(webSet(3, { podManagementPolicy: 'Parallel' }));
    h.run();
    expect(h.podNames()).toEqual(['web-0', 'web-1', 'web-2']);
  });

  it('starts ordinals at spec.ordinals.start', () => {
    const h = harness();
    h.store.create(webSet(2, { ordinals: { start: 5 }, podManagementPolicy: 'Parallel' }));
    h.run();
    expect(h.podNames()).toEqual(['web-5', 'web-6']);
    expect(h.pod('web-5')?.metadata.labels?.[POD_INDEX_LABEL]).toBe('5');
  });

  it('scales 3 → 1 by deleting ordinal 2, and ordinal 1 only after 2 is gone', () => {
    const h = harness();
    // OrderedReady (podManagementPolicy cannot change after create, as upstream): each pod is
    // created once the one before it is Ready.
    h.store.create(webSet(3, { podManagementPolicy: 'OrderedReady' }));
    for (const name of ['web-0', 'web-1', 'web-2']) {
      h.run();
      h.makeReady(name);
    }
    h.run();
    expect(h.podNames()).toEqual(['web-0', 'web-1', 'web-2']);
    h.store.update({ ...h.set(), spec: { ...h.set().spec, replicas: 1 } });
    h.run();
    expect(h.pod('web-2')?.metadata.deletionTimestamp).toBeDefined();
    expect(h.pod('web-1')?.metadata.deletionTimestamp).toBeUndefined();
    h.run();
    expect(h.pod('web-1')?.metadata.deletionTimestamp).toBeUndefined();

    h.finishDeletion('web-2');
    h.run();
    expect(h.pod('web-1')?.metadata.deletionTimestamp).toBeDefined();
    h.finishDeletion('web-1');
    h.run();
    expect(h.podNames()).toEqual(['web-0']);
    expect(h.set().status.replicas).toBe(1);
  });

  it('does not replace a deleted pod while it is Terminating, and recreates it by name once removed', () => {
    const h = harness();
    h.store.create(webSet(2, { podManagementPolicy: 'Parallel' }));
    h.run();
    h.makeReady('web-0');
    h.makeReady('web-1');
    const oldUid = h.pod('web-1')?.metadata.uid;
    h.store.delete('Pod', 'default/web-1');
    h.run();
    expect(h.pod('web-1')?.metadata.uid).toBe(oldUid);
    expect(h.pod('web-1')?.metadata.deletionTimestamp).toBeDefined();
    expect(h.podNames()).toEqual(['web-0', 'web-1']);

    h.finishDeletion('web-1');
    h.run();
    const replacement = h.pod('web-1');
    expect(replacement?.metadata.uid).not.toBe(oldUid);
    expect(replacement?.metadata.deletionTimestamp).toBeUndefined();
    expect(replacement?.spec.hostname).toBe('web-1');
  });

  it('halts OrderedReady progress while a pod is not Ready', () => {
    const h = harness();
    h.store.create(webSet(2));
    h.run();
    h.makeReady('web-0');
    h.run();
    h.makeReady('web-1');
    h.makeNotReady('web-0');
    h.store.update({ ...h.set(), spec: { ...h.set().spec, replicas: 4 } });
    h.run();
    expect(h.podNames()).toEqual(['web-0', 'web-1']);
    expect(h.set().status.readyReplicas).toBe(1);

    h.makeReady('web-0');
    h.run();
    expect(h.podNames()).toEqual(['web-0', 'web-1', 'web-2']);
  });

  it('deletes a Failed pod and recreates it once it is gone', () => {
    const h = harness();
    h.store.create(webSet(1));
    h.run();
    h.makeReady('web-0');
    const failed = h.pod('web-0');
    if (failed === undefined) throw new TypeError('web-0 missing');
    h.store.updateStatus({ ...failed, status: { ...failed.status, phase: 'Failed' } });
    h.run();
    const recreated = h.pod('web-0');
    expect(recreated?.metadata.uid).not.toBe(failed.metadata.uid);
    expect(recreated?.status.phase).toBe('Pending');
  });

  it('adopts an orphan pod that matches its selector and name, and ignores one with another name', () => {
    const h = harness();
    const orphan = (name: string) => ({
      apiVersion: 'v1',
      kind: 'Pod' as const,
      metadata: { name, namespace: 'default', labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
    });
    h.store.create(orphan('web-0'));
    h.store.create(orphan('stray'));
    h.store.create(webSet(1));
    h.run();
    const set = h.set();
    expect(h.pod('web-0')?.metadata.ownerReferences?.[0]?.uid).toBe(set.metadata.uid);
    expect(h.pod('stray')?.metadata.ownerReferences).toBeUndefined();
    expect(h.podNames()).toEqual(['stray', 'web-0']);
    // Like upstream, an OrderedReady set repairs identity labels once the pod is Running+Ready.
    expect(h.pod('web-0')?.metadata.labels?.[STATEFULSET_POD_NAME_LABEL]).toBeUndefined();
    h.makeReady('web-0');
    h.run();
    expect(h.pod('web-0')?.metadata.labels?.[STATEFULSET_POD_NAME_LABEL]).toBe('web-0');
    expect(h.set().status.replicas).toBe(1);
  });
});
