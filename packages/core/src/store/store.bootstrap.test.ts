import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ConfigError, ValidationError } from '../errors.js';
import { podGracePeriod } from './gracePeriod.js';
import { Store } from './store.js';
import { podManifest, serviceManifest } from './testManifests.js';

describe('bootstrap', () => {
  it('creates the four namespaces and the kubernetes Service at .1 with its endpoints', () => {
    const store = new Store({ config: { apiServerAddress: '172.18.0.2', apiServerPort: 8443 } });
    expect(store.list('Namespace').map((n) => n.metadata.name)).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
    const svc = store.get('Service', 'default/kubernetes');
    expect(svc?.spec.clusterIP).toBe('10.96.0.1');
    expect(svc?.spec.selector).toBeUndefined();
    expect(svc?.metadata.labels).toEqual({ component: 'apiserver', provider: 'kubernetes' });
    expect(svc?.spec.ports).toEqual([
      { name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 },
    ]);
    const [slice] = store.slicesOfService('default', 'kubernetes');
    expect(slice?.endpoints[0]?.addresses).toEqual(['172.18.0.2']);
    expect(slice?.ports).toEqual([{ name: 'https', port: 8443, protocol: 'TCP' }]);
    expect(store.get('Endpoints', 'kubernetes')?.subsets?.[0]?.addresses).toEqual([
      { ip: '172.18.0.2' },
    ]);
  });

  it('reserves the cluster DNS address .10', () => {
    const store = new Store();
    const dns = serviceManifest('dns', { app: 'dns' });
    expect(() => store.create({ ...dns, spec: { ...dns.spec, clusterIP: '10.96.0.10' } })).toThrow(
      ValidationError,
    );
  });

  it('follows a custom Service range', () => {
    const store = new Store({ config: { serviceCIDR: '10.0.0.0/24' } });
    expect(store.get('Service', 'kubernetes')?.spec.clusterIP).toBe('10.0.0.1');
  });

  it('can be skipped', () => {
    expect(new Store({ bootstrap: false }).list('Namespace')).toEqual([]);
  });
});

describe('config validation', () => {
  it.each([
    [{ serviceCIDR: '10.96.0.0' }, 'serviceCIDR'],
    [{ serviceCIDR: '10.0.0.0/8' }, 'serviceCIDR'],
    [{ clusterCIDR: '10.96.0.0/16' }, 'clusterCIDR'],
    [{ maxEndpointsPerSlice: 0 }, 'maxEndpointsPerSlice'],
    [{ maxEndpointsPerSlice: 1001 }, 'maxEndpointsPerSlice'],
    [{ nodePortRange: '32767-30000' }, 'nodePortRange'],
    [{ nodeCIDRMaskSize: 8 }, 'nodeCIDRMaskSize'],
    [{ apiServerAddress: 'apiserver' }, 'apiServerAddress'],
    [{ apiServerPort: 70000 }, 'apiServerPort'],
  ])('refuses %j naming %s', (config, field) => {
    let error: unknown;
    try {
      new Store({ config });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).field).toBe(field);
  });
});

describe('events', () => {
  it('a repeated event increments count and lastTimestamp', () => {
    const clock = { now: 0 };
    const store = new Store({ clock: () => clock.now });
    const pod = store.create(podManifest('web'));
    const first = store.recordEvent(
      { kind: 'Pod', key: 'web' },
      'Warning',
      'BackOff',
      'restarting',
    );
    clock.now = 10_000;
    const second = store.recordEvent(
      { kind: 'Pod', key: 'web' },
      'Warning',
      'BackOff',
      'restarting',
    );
    store.recordEvent({ kind: 'Pod', key: 'web' }, 'Normal', 'Pulled', 'pulled');
    expect(second?.metadata.name).toBe(first?.metadata.name);
    expect(second?.count).toBe(2);
    expect(second?.firstTimestamp).toBe('2025-01-01T00:00:00Z');
    expect(second?.lastTimestamp).toBe('2025-01-01T00:00:10Z');
    expect(second?.involvedObject.uid).toBe(pod.metadata.uid);
    expect(store.list('Event')).toHaveLength(2);
  });
});

describe('podGracePeriod', () => {
  it('is 0 for unscheduled or terminal pods, at least 1 otherwise when positive is asked', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: -100, max: 100 }), { nil: undefined }),
        fc.integer({ min: 0, max: 100 }),
        fc.option(fc.constantFrom('n1', ''), { nil: undefined }),
        fc.constantFrom('Pending', 'Running', 'Succeeded', 'Failed'),
        (requested, specGrace, nodeName, phase) => {
          const g = podGracePeriod(
            {
              spec: {
                terminationGracePeriodSeconds: specGrace,
                ...(nodeName === undefined ? {} : { nodeName }),
              },
              status: { phase },
            },
            requested,
          );
          const unscheduled = nodeName === undefined || nodeName === '';
          const terminal = phase === 'Succeeded' || phase === 'Failed';
          if (unscheduled || terminal) expect(g).toBe(0);
          else if (requested !== undefined) expect(g).toBe(requested < 0 ? 1 : requested);
          else expect(g).toBe(specGrace);
        },
      ),
    );
  });
});
