import { describe, expect, it } from 'vitest';
import { applyAction } from '../../driver/applyAction.js';
import { createService, storeWithNodes } from '../../driver/storeFixtures.test-helper.js';
import { createSyncDriver } from '../../driver/syncDriver.js';
import { ConfigError } from '../../errors.js';
import type { Service } from '../../objects/service.js';
import { Store } from '../../store/index.js';
import { LB_CLEANUP_FINALIZER, createLoadBalancerController } from './loadBalancerController.js';

function ingressIPs(store: Store, key: string): string[] {
  const svc = store.get('Service', key);
  return (svc?.status.loadBalancer?.ingress ?? []).map((i) => i.ip ?? '');
}

/** Reconciles `key` at `now` and applies the plan; returns the plan's requeueAfter. */
function step(
  store: Store,
  lb: ReturnType<typeof createLoadBalancerController>,
  key: string,
  now: number,
): number | undefined {
  const plan = lb.reconcile(store, key, now);
  for (const a of plan.actions) applyAction(store, a);
  return plan.requeueAfter;
}

describe('load-balancer controller', () => {
  it('gives a LoadBalancer Service the lowest free pool address and the cleanup finalizer', () => {
    const store = storeWithNodes();
    const driver = createSyncDriver(store, [
      createLoadBalancerController({ addressPool: '198.51.100.0/24' }),
    ]);
    createService(store, 'web', { app: 'web' }, { type: 'LoadBalancer' });
    createService(store, 'api', { app: 'api' }, { type: 'LoadBalancer' });
    createService(store, 'internal', { app: 'x' });
    driver.run();
    // Reconciled in the order they were created: web first.
    expect(ingressIPs(store, 'default/web')).toEqual(['198.51.100.1']);
    expect(ingressIPs(store, 'default/api')).toEqual(['198.51.100.2']);
    expect(ingressIPs(store, 'default/internal')).toEqual([]);
    expect(store.get('Service', 'default/web')?.metadata.finalizers).toEqual([
      LB_CLEANUP_FINALIZER,
    ]);
    expect(store.get('Service', 'default/web')?.status.loadBalancer?.ingress?.[0]).toMatchObject({
      ipMode: 'VIP',
    });
  });

  it('waits the provisioning delay before publishing the address', () => {
    const store = storeWithNodes();
    const lb = createLoadBalancerController({ provisioningDelayMs: 30_000 });
    createService(store, 'web', { app: 'web' }, { type: 'LoadBalancer' });
    expect(step(store, lb, 'default/web', 5_000)).toBe(30_000);
    expect(step(store, lb, 'default/web', 20_000)).toBe(15_000);
    expect(ingressIPs(store, 'default/web')).toEqual([]);
    step(store, lb, 'default/web', 35_000);
    expect(ingressIPs(store, 'default/web')).toEqual(['198.51.100.1']);
  });

  it('releases the address on deletion and hands it to a Service that was waiting for one', () => {
    const store = storeWithNodes();
    const driver = createSyncDriver(store, [
      createLoadBalancerController({ addressPool: '198.51.100.10-198.51.100.10' }),
    ]);
    createService(store, 'a', { app: 'a' }, { type: 'LoadBalancer' });
    driver.run();
    createService(store, 'b', { app: 'b' }, { type: 'LoadBalancer' });
    driver.run();
    expect(ingressIPs(store, 'default/a')).toEqual(['198.51.100.10']);
    expect(ingressIPs(store, 'default/b')).toEqual([]);
    const warnings = store
      .list('Event')
      .filter((e) => e.reason === 'SyncLoadBalancerFailed')
      .map((e) => e.involvedObject.name);
    expect(warnings).toContain('b');
    store.delete('Service', 'default/a');
    // The finalizer holds the Service until the controller has released its load balancer.
    expect(store.get('Service', 'default/a')?.metadata.deletionTimestamp).toBeDefined();
    driver.run();
    expect(store.get('Service', 'default/a')).toBeUndefined();
    expect(ingressIPs(store, 'default/b')).toEqual(['198.51.100.10']);
  });

  it('clears the status and the finalizer when a Service stops being a LoadBalancer', () => {
    const store = storeWithNodes();
    const driver = createSyncDriver(store, [createLoadBalancerController()]);
    createService(store, 'web', { app: 'web' }, { type: 'LoadBalancer' });
    driver.run();
    const svc = store.get('Service', 'default/web') as Service;
    const ports = svc.spec.ports.map(({ nodePort: _np, ...p }) => p);
    const { allocateLoadBalancerNodePorts: _a, externalTrafficPolicy: _e, ...spec } = svc.spec;
    store.update({ ...svc, spec: { ...spec, type: 'ClusterIP', ports } });
    driver.run();
    const after = store.get('Service', 'default/web');
    expect(after?.status.loadBalancer?.ingress ?? []).toEqual([]);
    expect(after?.metadata.finalizers ?? []).toEqual([]);
    expect(after?.metadata.annotations ?? {}).toEqual({});
  });

  it('serves only its loadBalancerClass: the default controller leaves classed Services alone', () => {
    const store = storeWithNodes();
    const driver = createSyncDriver(store, [
      createLoadBalancerController(),
      createLoadBalancerController({
        loadBalancerClass: 'example.com/metal',
        addressPool: '192.0.2.0/24',
      }),
    ]);
    createService(store, 'cloud', { app: 'a' }, { type: 'LoadBalancer' });
    createService(
      store,
      'metal',
      { app: 'b' },
      { type: 'LoadBalancer', loadBalancerClass: 'example.com/metal' },
    );
    driver.run();
    expect(ingressIPs(store, 'default/cloud')).toEqual(['198.51.100.1']);
    expect(ingressIPs(store, 'default/metal')).toEqual(['192.0.2.1']);
  });

  it('needs node ports when the load balancer targets them (allocateLoadBalancerNodePorts: false)', () => {
    const store = storeWithNodes();
    const driver = createSyncDriver(store, [
      createLoadBalancerController({ requireNodePorts: true }),
    ]);
    createService(
      store,
      'np',
      { app: 'a' },
      { type: 'LoadBalancer', allocateLoadBalancerNodePorts: false },
    );
    createService(store, 'ok', { app: 'b' }, { type: 'LoadBalancer' });
    driver.run();
    expect(store.get('Service', 'default/np')?.spec.ports[0]?.nodePort).toBeUndefined();
    expect(ingressIPs(store, 'default/np')).toEqual([]);
    expect(ingressIPs(store, 'default/ok')).toEqual(['198.51.100.1']);
  });

  it('honours spec.loadBalancerIP inside the pool', () => {
    const store = storeWithNodes();
    const driver = createSyncDriver(store, [createLoadBalancerController()]);
    createService(
      store,
      'pinned',
      { app: 'a' },
      { type: 'LoadBalancer', loadBalancerIP: '198.51.100.77' },
    );
    createService(
      store,
      'outside',
      { app: 'b' },
      { type: 'LoadBalancer', loadBalancerIP: '10.0.0.1' },
    );
    driver.run();
    expect(ingressIPs(store, 'default/pinned')).toEqual(['198.51.100.77']);
    expect(ingressIPs(store, 'default/outside')).toEqual([]);
  });

  it('rejects a malformed pool with a ConfigError naming the option', () => {
    expect(() => createLoadBalancerController({ addressPool: '198.51.100.0/33' })).toThrow(
      ConfigError,
    );
    expect(() =>
      createLoadBalancerController({ addressPool: '198.51.100.9-198.51.100.1' }),
    ).toThrow(/loadBalancer\.addressPool/);
  });
});
