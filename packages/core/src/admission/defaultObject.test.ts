import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultClusterConfig } from '../config.js';
import type { PodDisruptionBudget } from '../objects/apps.js';
import type { EndpointSlice, Endpoints } from '../objects/discovery.js';
import type { Namespace, Node } from '../objects/node.js';
import type { Service } from '../objects/service.js';
import { defaultObject } from './defaultObject.js';

const config = defaultClusterConfig;

describe('defaultObject', () => {
  it('never mutates nor freezes its input, and returns a frozen copy', () => {
    const input = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { ports: [{ port: 80 }] },
    };
    const before = structuredClone(input);
    const out = defaultObject(input, config);
    expect(input).toEqual(before);
    expect(Object.isFrozen(input.metadata)).toBe(false);
    expect(Object.isFrozen(out)).toBe(true);
    expect(out.metadata.labels).not.toBe(input.metadata.labels);
  });

  it('keeps fields kubesim does not model', () => {
    const out = defaultObject(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: { containers: [{ name: 'a', imagePullPolicy: 'Always' }], volumes: [{ name: 'v' }] },
      },
      config,
    );
    expect(out.spec.volumes).toEqual([{ name: 'v' }]);
    expect(out.spec.containers[0]?.imagePullPolicy).toBe('Always');
  });

  it('leaves Lease, Event and inert kinds as written', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } };
    expect(defaultObject(cm, config)).toEqual(cm);
    const lease = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'n1' },
      spec: {},
    };
    expect(defaultObject(lease, config)).toEqual(lease);
  });

  it('defaults a Namespace: finalizers kubernetes, phase Active, metadata.name label', () => {
    const ns = defaultObject(
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
      config,
    ) as unknown as Namespace;
    expect(ns.spec.finalizers).toEqual(['kubernetes']);
    expect(ns.status.phase).toBe('Active');
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'shop' });
  });

  it('defaults a Node: spec and status present, allocatable from capacity', () => {
    const bare = defaultObject(
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' } },
      config,
    ) as unknown as Node;
    expect(bare.spec).toEqual({});
    expect(bare.status).toEqual({});
    const withCapacity = defaultObject(
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: 'n' },
        status: { capacity: { cpu: '4' } },
      },
      config,
    ) as unknown as Node;
    expect(withCapacity.status.allocatable).toEqual({ cpu: '4' });
  });

  it('defaults EndpointSlice ports (name "", TCP) and present lists', () => {
    const slice = defaultObject(
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: 's' },
        addressType: 'IPv4',
        ports: [{ port: 80 }, { name: 'dns', port: 53, protocol: 'UDP' }],
      },
      config,
    ) as unknown as EndpointSlice;
    expect(slice.ports).toEqual([
      { name: '', port: 80, protocol: 'TCP' },
      { name: 'dns', port: 53, protocol: 'UDP' },
    ]);
    expect(slice.endpoints).toEqual([]);
    const bare = defaultObject(
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: 's' },
        addressType: 'IPv4',
      },
      config,
    ) as unknown as EndpointSlice;
    expect(bare.ports).toEqual([]);
  });

  it('defaults Endpoints subset ports to TCP', () => {
    const ep = defaultObject(
      {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: { name: 'e' },
        subsets: [{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }],
      },
      config,
    ) as unknown as Endpoints;
    expect(ep.subsets?.[0]?.ports).toEqual([{ port: 80, protocol: 'TCP' }]);
  });

  it('keeps a PodDisruptionBudget spec as written (policy/v1 has no defaults) with a zero status', () => {
    const pdb = defaultObject(
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: 'p' },
        spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } },
      },
      config,
    ) as unknown as PodDisruptionBudget;
    expect(pdb.spec).toEqual({ minAvailable: 1, selector: { matchLabels: { app: 'web' } } });
    expect(pdb.status).toEqual({
      disruptionsAllowed: 0,
      currentHealthy: 0,
      desiredHealthy: 0,
      expectedPods: 0,
    });
  });

  it('is idempotent on Services of any shape', () => {
    const port = fc.record(
      {
        port: fc.integer({ min: 1, max: 65535 }),
        targetPort: fc.oneof(
          fc.constant(0),
          fc.constant(''),
          fc.integer({ min: 1, max: 65535 }),
          fc.constantFrom('http', 'dns'),
        ),
        protocol: fc.constantFrom('TCP', 'UDP', 'SCTP'),
      },
      { requiredKeys: ['port'] },
    );
    const spec = fc.record(
      {
        type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'),
        sessionAffinity: fc.constantFrom('None', 'ClientIP'),
        externalIPs: fc.constant(['1.2.3.4']),
        ports: fc.array(port, { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(spec, (s) => {
        const once = defaultObject(
          { apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: s },
          config,
        ) as unknown as Service;
        expect(defaultObject(once, config)).toEqual(once);
        for (const p of once.spec.ports) {
          expect(p.targetPort === 0 || p.targetPort === '').toBe(false);
          expect(p.protocol).toBeDefined();
        }
      }),
    );
  });
});

describe('defaultObject on EndpointSlices', () => {
  it('stores an omitted endpoint conditions as {} (all nil) and keeps written ones', () => {
    const slice = defaultObject(
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: 'web-a', labels: { 'kubernetes.io/service-name': 'web' } },
        addressType: 'IPv4',
        endpoints: [
          { addresses: ['10.0.0.1'] },
          { addresses: ['10.0.0.2'], conditions: { ready: false } },
        ],
      },
      config,
    ) as unknown as EndpointSlice;
    expect(slice.endpoints[0]?.conditions).toEqual({});
    expect(slice.endpoints[1]?.conditions).toEqual({ ready: false });
  });
});
