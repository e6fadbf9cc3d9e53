import { describe, it, expect } from 'vitest';
import { ConflictError, NotFoundError } from '../errors.js';
import { ForbiddenError } from './forbiddenError.js';
import { Store } from './store.js';
import {
  deploymentManifest,
  namespaceManifest,
  podManifest,
  replicaSetManifest,
} from './testManifests.js';

const T0 = '2025-01-01T00:00:00Z';

function storeAt(ms: { now: number }): Store {
  return new Store({ clock: () => ms.now });
}

describe('graceful deletion of pods (§5.10)', () => {
  it('a scheduled pod gets deletionTimestamp = now + 30 s by default and stays', () => {
    const clock = { now: 5_000 };
    const store = storeAt(clock);
    store.create(podManifest('p', { nodeName: 'n1' }));
    store.delete('Pod', 'p');
    const pod = store.get('Pod', 'p');
    expect(pod?.metadata.deletionTimestamp).toBe('2025-01-01T00:00:35Z');
    expect(pod?.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(pod?.metadata.generation).toBe(2);
  });

  it('the delete option overrides the pod grace period', () => {
    const store = new Store();
    store.create(podManifest('p', { nodeName: 'n1', grace: 60 }));
    store.delete('Pod', 'p', { gracePeriodSeconds: 10 });
    expect(store.get('Pod', 'p')?.metadata.deletionGracePeriodSeconds).toBe(10);
    expect(store.get('Pod', 'p')?.metadata.deletionTimestamp).toBe('2025-01-01T00:00:10Z');
  });

  it('an unscheduled pod is removed immediately', () => {
    const store = new Store();
    store.create(podManifest('p'));
    store.delete('Pod', 'p');
    expect(store.get('Pod', 'p')).toBeUndefined();
  });

  it('a Succeeded or Failed pod is removed immediately', () => {
    const store = new Store();
    for (const phase of ['Succeeded', 'Failed'] as const) {
      const pod = store.create(podManifest(`p-${phase.toLowerCase()}`, { nodeName: 'n1' }));
      store.updateStatus({ ...pod, status: { phase } });
      store.delete('Pod', pod.metadata.name);
      expect(store.get('Pod', pod.metadata.name)).toBeUndefined();
    }
  });

  it('a negative grace period means 1 second', () => {
    const store = new Store();
    store.create(podManifest('p', { nodeName: 'n1' }));
    store.delete('Pod', 'p', { gracePeriodSeconds: -5 });
    expect(store.get('Pod', 'p')?.metadata.deletionGracePeriodSeconds).toBe(1);
    expect(store.get('Pod', 'p')?.metadata.deletionTimestamp).toBe('2025-01-01T00:00:01Z');
  });

  it('grace 0 removes the pod at once', () => {
    const store = new Store();
    store.create(podManifest('p', { nodeName: 'n1' }));
    store.delete('Pod', 'p', { gracePeriodSeconds: 0 });
    expect(store.get('Pod', 'p')).toBeUndefined();
  });

  it('a second delete may shorten the grace period, keeping the original start', () => {
    const clock = { now: 0 };
    const store = storeAt(clock);
    store.create(podManifest('p', { nodeName: 'n1' }));
    store.delete('Pod', 'p');
    clock.now = 4_000;
    store.delete('Pod', 'p', { gracePeriodSeconds: 10 });
    const pod = store.get('Pod', 'p');
    expect(pod?.metadata.deletionGracePeriodSeconds).toBe(10);
    expect(pod?.metadata.deletionTimestamp).toBe('2025-01-01T00:00:10Z');
  });

  it('a second delete never lengthens the grace period', () => {
    const store = new Store();
    store.create(podManifest('p', { nodeName: 'n1' }));
    store.delete('Pod', 'p', { gracePeriodSeconds: 5 });
    const before = store.get('Pod', 'p');
    store.delete('Pod', 'p', { gracePeriodSeconds: 60 });
    store.delete('Pod', 'p');
    expect(store.get('Pod', 'p')).toBe(before);
  });

  it('remove is the final removal after the grace period', () => {
    const store = new Store();
    const pod = store.create(podManifest('p', { nodeName: 'n1' }));
    store.delete('Pod', 'p');
    expect(() => {
      store.remove('Pod', 'p', { uid: 'someone-else' });
    }).toThrow(ConflictError);
    store.remove('Pod', 'p', { uid: pod.metadata.uid });
    expect(store.get('Pod', 'p')).toBeUndefined();
  });

  it('deleting a missing object is NotFound', () => {
    const store = new Store();
    expect(() => {
      store.delete('Pod', 'x');
    }).toThrow(new NotFoundError('pods "x" not found'));
  });
});

describe('finalizers', () => {
  it('an object with finalizers is marked and removed once they are cleared', () => {
    const store = new Store();
    store.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cfg', finalizers: ['example.com/hold'] },
    });
    store.delete('ConfigMap', 'cfg');
    const held = store.getInert('ConfigMap', 'cfg');
    expect(held?.metadata.deletionTimestamp).toBe(T0);
    expect(held?.metadata.deletionGracePeriodSeconds).toBe(0);
    if (held === undefined) throw new Error('missing');
    store.update({ ...held, metadata: { ...held.metadata, finalizers: [] } });
    expect(store.getInert('ConfigMap', 'cfg')).toBeUndefined();
  });
});

describe('garbage collection', () => {
  it('deleting a Deployment removes its ReplicaSets and deletes their pods gracefully', () => {
    const store = new Store();
    const d = store.create(deploymentManifest('web'));
    const dRef = { kind: 'Deployment', name: 'web', uid: d.metadata.uid };
    const rs = store.create(replicaSetManifest('web-1', 'web', dRef));
    const rsRef = { kind: 'ReplicaSet', name: 'web-1', uid: rs.metadata.uid };
    store.create(podManifest('web-1-a', { nodeName: 'n1', owner: rsRef, labels: { app: 'web' } }));
    store.create(podManifest('web-1-b', { owner: rsRef, labels: { app: 'web' } }));
    store.create(podManifest('other', { nodeName: 'n1' }));

    store.delete('Deployment', 'web');

    expect(store.get('Deployment', 'web')).toBeUndefined();
    expect(store.get('ReplicaSet', 'web-1')).toBeUndefined();
    expect(store.get('Pod', 'web-1-a')?.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(store.get('Pod', 'web-1-b')).toBeUndefined();
    expect(store.get('Pod', 'other')?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('a dependent with another live owner keeps living and loses the dangling reference', () => {
    const store = new Store();
    const a = store.create(deploymentManifest('a'));
    const b = store.create(deploymentManifest('b'));
    const pod = store.create({
      ...podManifest('p'),
      metadata: {
        name: 'p',
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'Deployment', name: 'a', uid: a.metadata.uid },
          { apiVersion: 'apps/v1', kind: 'Deployment', name: 'b', uid: b.metadata.uid },
        ],
      },
    });
    store.delete('Deployment', 'a');
    const after = store.get('Pod', 'p');
    expect(after?.metadata.uid).toBe(pod.metadata.uid);
    expect(after?.metadata.ownerReferences?.map((o) => o.name)).toEqual(['b']);
    expect(store.ownedBy(a.metadata.uid)).toEqual([]);
  });
});

describe('namespace deletion', () => {
  it('deletes the content (pods gracefully) and the namespace once empty', () => {
    const store = new Store();
    store.create(namespaceManifest('team'));
    store.create(podManifest('running', { namespace: 'team', nodeName: 'n1' }));
    store.create(podManifest('pending', { namespace: 'team' }));
    store.delete('Namespace', 'team');
    expect(store.get('Namespace', 'team')?.status.phase).toBe('Terminating');
    expect(store.get('Pod', 'team/pending')).toBeUndefined();
    expect(store.get('Pod', 'team/running')?.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(() => store.create(podManifest('new', { namespace: 'team' }))).toThrow(ForbiddenError);
    store.remove('Pod', 'team/running');
    expect(store.get('Namespace', 'team')).toBeUndefined();
  });

  it('refuses to delete default, kube-system and kube-public', () => {
    const store = new Store();
    expect(() => {
      store.delete('Namespace', 'default');
    }).toThrow('namespaces "default" is forbidden: this namespace may not be deleted');
    expect(store.get('Namespace', 'kube-system')).toBeDefined();
  });
});
