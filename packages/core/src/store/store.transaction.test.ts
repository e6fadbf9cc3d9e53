import { describe, it, expect } from 'vitest';
import { ValidationError } from '../errors.js';
import type { StoreEvent } from './view.js';
import { Store } from './store.js';
import { podManifest, serviceManifest } from './testManifests.js';

describe('transactions', () => {
  it('a refused create inside a transaction leaves no trace', () => {
    const store = new Store();
    const seen: StoreEvent[] = [];
    store.watch((ev) => seen.push(ev));
    const rv = store.resourceVersion;
    const before = store.snapshot();
    let ip: string | undefined;
    expect(() => {
      store.transaction(() => {
        ip = store.create(serviceManifest('web', { app: 'web' })).spec.clusterIP;
        store.recordEvent({ kind: 'Service', key: 'web' }, 'Normal', 'Created', 'made it');
        store.create(podManifest('Invalid_Name'));
      });
    }).toThrow(ValidationError);
    expect(store.get('Service', 'web')).toBeUndefined();
    expect(store.list('Event')).toEqual([]);
    expect(store.resourceVersion).toBe(rv);
    expect(seen).toEqual([]);
    expect(store.list('Service')).toEqual(before.list('Service'));
    // The ClusterIP the undone Service took is free again: it can be requested explicitly.
    expect(ip).toMatch(/^10\./);
    const again = serviceManifest('again', { app: 'web' });
    const svc = store.create({ ...again, spec: { ...again.spec, clusterIP: ip ?? 'none' } });
    expect(svc.spec.clusterIP).toBe(ip);
  });

  it('events are delivered at commit, in write order, with increasing resourceVersions', () => {
    const store = new Store();
    const seen: string[] = [];
    const rvs: number[] = [];
    store.watch((ev) => {
      seen.push(`${ev.type} ${ev.kind} ${ev.key}`);
      rvs.push(ev.resourceVersion);
    });
    store.transaction(() => {
      store.create(podManifest('a', { nodeName: 'n1' }));
      store.create(serviceManifest('s', { app: 'a' }));
      expect(seen).toEqual([]);
      store.delete('Pod', 'a');
    });
    store.remove('Pod', 'a');
    expect(seen).toEqual([
      'ADDED Pod default/a',
      'ADDED Service default/s',
      'MODIFIED Pod default/a',
      'DELETED Pod default/a',
    ]);
    expect(rvs).toEqual([...rvs].sort((x, y) => x - y));
    expect(new Set(rvs).size).toBe(rvs.length);
  });

  it('a nested transaction that fails is undone while the outer one continues', () => {
    const store = new Store();
    store.transaction(() => {
      store.create(podManifest('kept'));
      expect(() =>
        store.transaction(() => {
          store.create(podManifest('undone'));
          throw new ValidationError([]);
        }),
      ).toThrow(ValidationError);
      store.create(podManifest('after'));
    });
    expect(store.list('Pod').map((p) => p.metadata.name)).toEqual(['after', 'kept']);
  });

  it('a listener that writes sees its own events after the current ones', () => {
    const store = new Store();
    const order: string[] = [];
    store.watch((ev) => {
      order.push(`first:${ev.key}`);
      if (ev.key === 'default/a') store.create(podManifest('b'));
    });
    store.watch((ev) => order.push(`second:${ev.key}`));
    store.create(podManifest('a'));
    expect(order).toEqual([
      'first:default/a',
      'second:default/a',
      'first:default/b',
      'second:default/b',
    ]);
  });

  it('unsubscribing stops delivery', () => {
    const store = new Store();
    const seen: string[] = [];
    const stop = store.watch((ev) => seen.push(ev.key));
    store.create(podManifest('a'));
    stop();
    store.create(podManifest('b'));
    expect(seen).toEqual(['default/a']);
  });
});
