// Foreground deletion in the store (registry/store.go deletionFinalizersForGarbageCollection,
// garbagecollector.go attemptToDeleteItem and processDeletingDependentsItem).
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.js';
import type { OwnerReference } from '../objects/meta.js';
import { Store } from './store.js';
import { podManifest } from './testManifests.js';
import type { StoredObject } from './types.js';

const ref = (o: StoredObject, block = true): OwnerReference => ({
  apiVersion: 'v1',
  kind: o.kind,
  name: o.metadata.name,
  uid: o.metadata.uid,
  blockOwnerDeletion: block,
});

function configMap(store: Store, name: string, owners: OwnerReference[] = []): StoredObject {
  return store.create({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, ...(owners.length > 0 ? { ownerReferences: owners } : {}) },
  });
}

/** A scheduled pod (30 s grace: it stays, terminating, after a delete) owned by `owners`. */
function pod(store: Store, name: string, owners: OwnerReference[]): StoredObject {
  const base = podManifest(name, { nodeName: 'n1' });
  return store.create({ ...base, metadata: { name, ownerReferences: owners } });
}

describe('Store.delete with propagationPolicy: Foreground', () => {
  it('keeps the owner marked until its terminating pod is removed', () => {
    const store = new Store();
    const owner = configMap(store, 'owner');
    pod(store, 'p', [ref(owner)]);
    store.delete('ConfigMap', 'owner', { propagationPolicy: 'Foreground' });
    expect(store.getInert('ConfigMap', 'owner')?.metadata).toMatchObject({
      deletionTimestamp: '2025-01-01T00:00:00Z',
      deletionGracePeriodSeconds: 0,
      finalizers: ['foregroundDeletion'],
    });
    expect(store.get('Pod', 'p')?.metadata.deletionGracePeriodSeconds).toBe(30);
    store.remove('Pod', 'p');
    expect(store.getInert('ConfigMap', 'owner')).toBeUndefined();
  });

  it('a dependent with another, solid owner only loses its reference to the deleting owner', () => {
    const store = new Store();
    const a = configMap(store, 'a');
    const b = configMap(store, 'b');
    pod(store, 'p', [ref(a), ref(b)]);
    store.delete('ConfigMap', 'a', { propagationPolicy: 'Foreground' });
    expect(store.getInert('ConfigMap', 'a')).toBeUndefined();
    const p = store.get('Pod', 'p');
    expect(p?.metadata.deletionTimestamp).toBeUndefined();
    expect(p?.metadata.ownerReferences?.map((o) => o.name)).toEqual(['b']);
  });

  it('an update that makes the last blocking reference non-blocking releases the owner', () => {
    const store = new Store();
    const owner = configMap(store, 'owner');
    pod(store, 'p', [ref(owner)]);
    store.delete('ConfigMap', 'owner', { propagationPolicy: 'Foreground' });
    const p = store.get('Pod', 'p');
    if (p === undefined) throw new Error('pod missing');
    store.update({ ...p, metadata: { ...p.metadata, ownerReferences: [ref(owner, false)] } });
    expect(store.getInert('ConfigMap', 'owner')).toBeUndefined();
    expect(store.get('Pod', 'p')?.metadata.deletionTimestamp).toBeDefined();
  });

  it('two objects owning each other both go (the cycle is unblocked)', () => {
    const store = new Store();
    const a = configMap(store, 'a');
    const b = configMap(store, 'b', [ref(a)]);
    const liveA = store.getInert('ConfigMap', 'a');
    if (liveA === undefined) throw new Error('a missing');
    store.update({ ...liveA, metadata: { ...liveA.metadata, ownerReferences: [ref(b)] } });
    store.delete('ConfigMap', 'a', { propagationPolicy: 'Foreground' });
    expect(store.getInert('ConfigMap', 'a')).toBeUndefined();
    expect(store.getInert('ConfigMap', 'b')).toBeUndefined();
  });

  it('a later Background delete drops the finalizer: the owner goes, its pods are collected', () => {
    const store = new Store();
    const owner = configMap(store, 'owner');
    pod(store, 'p', [ref(owner)]);
    store.delete('ConfigMap', 'owner', { propagationPolicy: 'Foreground' });
    store.delete('ConfigMap', 'owner', { propagationPolicy: 'Background' });
    expect(store.getInert('ConfigMap', 'owner')).toBeUndefined();
    expect(store.get('Pod', 'p')?.metadata.deletionTimestamp).toBeDefined();
  });

  it('an object carrying the foregroundDeletion finalizer deletes in the foreground by default', () => {
    const store = new Store();
    const owner = store.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'owner', finalizers: ['foregroundDeletion'] },
    });
    pod(store, 'p', [ref(owner)]);
    store.delete('ConfigMap', 'owner');
    expect(store.getInert('ConfigMap', 'owner')?.metadata.finalizers).toEqual([
      'foregroundDeletion',
    ]);
    store.remove('Pod', 'p');
    expect(store.getInert('ConfigMap', 'owner')).toBeUndefined();
  });

  it('a pod deleted in the foreground keeps its grace period without the finalizer', () => {
    const store = new Store();
    pod(store, 'p', []);
    store.delete('Pod', 'p', { propagationPolicy: 'Foreground' });
    const p = store.get('Pod', 'p');
    expect(p?.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(p?.metadata.finalizers).toBeUndefined();
  });

  it('refuses an unknown policy naming the field, and writes nothing', () => {
    const store = new Store();
    configMap(store, 'owner');
    const rv = store.resourceVersion;
    const attempt = (): void => {
      store.delete('ConfigMap', 'owner', { propagationPolicy: 'Sideways' as never });
    };
    expect(attempt).toThrow(InvalidArgumentError);
    expect(attempt).toThrow(/^propagationPolicy: Unsupported value: "Sideways"/);
    expect(store.resourceVersion).toBe(rv);
  });
});
