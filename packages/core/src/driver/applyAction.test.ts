import { describe, expect, it } from 'vitest';
import { KubesimError } from '../errors.js';
import type { Pod } from '../objects/pod.js';
import { Store } from '../store/index.js';
import { applyAction } from './applyAction.js';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default' },
  spec: { containers: [{ name: 'c', image: 'x' }] },
};

describe('applyAction', () => {
  it('performs a write and reports done', () => {
    const store = new Store();
    expect(applyAction(store, { verb: 'create', object: pod as unknown as Pod })).toBe('done');
    expect(store.get('Pod', 'default/p')).toBeDefined();
  });

  it('asks for a retry on a stale resourceVersion (Conflict) and on AlreadyExists', () => {
    const store = new Store();
    const created = store.create(pod) as Pod;
    store.update({ ...created, metadata: { ...created.metadata, labels: { a: 'b' } } });
    const stale = { ...created, metadata: { ...created.metadata, labels: { a: 'c' } } };
    expect(applyAction(store, { verb: 'update', object: stale })).toBe('retry');
    expect(applyAction(store, { verb: 'create', object: pod as unknown as Pod })).toBe('retry');
  });

  it('reports gone for a write to an object that no longer exists', () => {
    const store = new Store();
    const created = store.create(pod) as Pod;
    store.delete('Pod', 'default/p');
    expect(applyAction(store, { verb: 'updateStatus', object: created })).toBe('gone');
    expect(applyAction(store, { verb: 'delete', kind: 'Pod', key: 'default/p' })).toBe('gone');
  });

  it('refuses an eviction without an Eviction API, and hands it over when there is one', () => {
    const store = new Store();
    expect(() => applyAction(store, { verb: 'evict', podKey: 'default/p' })).toThrow(KubesimError);
    const evicted: string[] = [];
    expect(applyAction(store, { verb: 'evict', podKey: 'default/p' }, (k) => evicted.push(k))).toBe(
      'done',
    );
    expect(evicted).toEqual(['default/p']);
  });
});
