import { describe, it, expect } from 'vitest';
import type { Controller } from '../controllers/plan.js';
import { BudgetExceededError, KubesimError } from '../errors.js';
import { endpointSliceController } from '../controllers/endpoints/endpointSliceController.js';
import { createSyncDriver } from './syncDriver.js';
import { reconcileToFixedPoint } from './reconcileToFixedPoint.js';
import { createService, runPod, storeWithNodes } from './storeFixtures.test-helper.js';

describe('reconcileToFixedPoint', () => {
  it('settles a Service with ready and not-ready pods into one slice and one Endpoints', () => {
    const store = storeWithNodes();
    createService(store, 'web', { app: 'web' });
    runPod(store, 'a', { app: 'web' }, '10.128.0.5', true);
    runPod(store, 'b', { app: 'web' }, '10.128.0.6', false, 'n2');
    reconcileToFixedPoint(store);

    const slices = store.slicesOfService('default', 'web');
    expect(slices).toHaveLength(1);
    expect(slices[0]?.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(slices[0]?.endpoints.map((e) => [e.addresses[0], e.conditions.ready, e.zone])).toEqual([
      ['10.128.0.5', true, 'zone-a'],
      ['10.128.0.6', false, 'zone-b'],
    ]);
    const ep = store.get('Endpoints', 'default/web');
    expect(ep?.subsets?.[0]?.addresses?.map((a) => a.ip)).toEqual(['10.128.0.5']);
    expect(ep?.subsets?.[0]?.notReadyAddresses?.map((a) => a.ip)).toEqual(['10.128.0.6']);
  });

  it('is a fixed point: a second call writes nothing', () => {
    const store = storeWithNodes();
    createService(store, 'web', { app: 'web' });
    runPod(store, 'a', { app: 'web' }, '10.128.0.5', true);
    reconcileToFixedPoint(store);
    const rv = store.resourceVersion;
    reconcileToFixedPoint(store);
    expect(store.resourceVersion).toBe(rv);
  });

  it('leaves the bootstrap kubernetes Service and its skip-mirror Endpoints alone', () => {
    const store = storeWithNodes();
    const before = store.slicesOfService('default', 'kubernetes');
    reconcileToFixedPoint(store);
    expect(store.slicesOfService('default', 'kubernetes')).toEqual(before);
  });

  it('mirrors a hand-written Endpoints of a selectorless Service', () => {
    const store = storeWithNodes();
    createService(store, 'ext', undefined);
    store.create({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'ext', namespace: 'default' },
      subsets: [{ addresses: [{ ip: '192.168.9.9' }], ports: [{ port: 80, protocol: 'TCP' }] }],
    });
    reconcileToFixedPoint(store);
    const slices = store.slicesOfService('default', 'ext');
    expect(
      slices.map((s) => s.metadata.labels?.['endpointslice.kubernetes.io/managed-by']),
    ).toEqual(['endpointslicemirroring-controller.k8s.io']);
    expect(slices[0]?.endpoints.map((e) => e.addresses[0])).toEqual(['192.168.9.9']);
  });
});

describe('the incremental driver', () => {
  it('follows pod changes as they happen', () => {
    const store = storeWithNodes();
    const driver = createSyncDriver(store, [endpointSliceController]);
    createService(store, 'web', { app: 'web' });
    driver.run();
    expect(store.slicesOfService('default', 'web')[0]?.endpoints).toEqual([]);
    runPod(store, 'a', { app: 'web' }, '10.128.0.5', true);
    driver.run();
    expect(
      store.slicesOfService('default', 'web')[0]?.endpoints.map((e) => e.addresses[0]),
    ).toEqual(['10.128.0.5']);
    store.delete('Pod', 'default/a', { gracePeriodSeconds: 30 });
    driver.run();
    expect(store.slicesOfService('default', 'web')[0]?.endpoints[0]?.conditions).toEqual({
      ready: false,
      serving: true,
      terminating: true,
    });
    driver.dispose();
  });

  it('leaves the last managed slices untouched when the selector is removed', () => {
    const store = storeWithNodes();
    const driver = createSyncDriver(store, [endpointSliceController]);
    const svc = createService(store, 'web', { app: 'web' });
    runPod(store, 'a', { app: 'web' }, '10.128.0.5', true);
    driver.run();
    const before = store.slicesOfService('default', 'web');
    const live = store.get('Service', 'default/web') ?? svc;
    const { selector: _s, ...spec } = live.spec;
    store.update({ ...live, spec });
    runPod(store, 'b', { app: 'web' }, '10.128.0.6', true);
    driver.run();
    expect(store.slicesOfService('default', 'web')).toEqual(before);
    driver.dispose();
  });

  it('stops with BudgetExceededError naming the controller and key of a loop', () => {
    const store = storeWithNodes();
    createService(store, 'web', { app: 'web' });
    let n = 0;
    const restless: Controller = {
      name: 'restless',
      keysFor: (ev) => (ev.kind === 'Service' && ev.key === 'default/web' ? [ev.key] : []),
      reconcile: (view, key) => {
        const svc = view.get('Service', key);
        if (svc === undefined) return { actions: [] };
        n += 1;
        return {
          actions: [
            {
              verb: 'update',
              object: { ...svc, metadata: { ...svc.metadata, labels: { n: String(n) } } },
            },
          ],
        };
      },
    };
    const driver = createSyncDriver(store, [restless], { maxReconciles: 5 });
    let caught: unknown;
    try {
      driver.run();
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(BudgetExceededError);
    expect((caught as BudgetExceededError).controller).toBe('restless');
    expect((caught as BudgetExceededError).key).toBe('default/web');
  });

  it('requeues a key whose update hit a Conflict and succeeds with a fresh read', () => {
    const store = storeWithNodes();
    createService(store, 'web', { app: 'web' });
    let calls = 0;
    const stale: Controller = {
      name: 'stale',
      keysFor: (ev) => (ev.kind === 'Service' && ev.key === 'default/web' ? [ev.key] : []),
      reconcile: (view, key) => {
        const svc = view.get('Service', key);
        calls += 1;
        if (svc === undefined || svc.metadata.labels?.done === 'yes') return { actions: [] };
        const rv = calls === 1 ? '1' : svc.metadata.resourceVersion;
        return {
          actions: [
            {
              verb: 'update',
              object: {
                ...svc,
                metadata: { ...svc.metadata, resourceVersion: rv, labels: { done: 'yes' } },
              },
            },
          ],
        };
      },
    };
    const driver = createSyncDriver(store, [stale]);
    driver.run();
    expect(store.get('Service', 'default/web')?.metadata.labels).toEqual({ done: 'yes' });
    expect(calls).toBe(3);
  });

  it('refuses evictions with code Unsupported', () => {
    const store = storeWithNodes();
    createService(store, 'web', { app: 'web' });
    const evictor: Controller = {
      name: 'evictor',
      keysFor: (ev) => (ev.kind === 'Service' ? [ev.key] : []),
      reconcile: () => ({ actions: [{ verb: 'evict', podKey: 'default/a' }] }),
    };
    const driver = createSyncDriver(store, [evictor]);
    let caught: unknown;
    try {
      driver.run();
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(KubesimError);
    expect((caught as KubesimError).code).toBe('Unsupported');
  });
});
