import { describe, it, expect } from 'vitest';
import { defaultClusterConfig } from '../../config.js';
import type { Endpoint, EndpointSlice } from '../../objects/discovery.js';
import type { Node } from '../../objects/node.js';
import type { Pod } from '../../objects/pod.js';
import type { Service } from '../../objects/service.js';
import { makeNode, makePod, makeService, makeSlice } from '../../testing/fixtures.js';
import { deepFreeze } from './deepFreeze.test-helper.js';
import { podToEndpoint } from './podEndpoint.js';
import type { EndpointSliceChanges } from './endpointSliceChanges.js';
import { reconcileEndpointSlices } from './reconcileEndpointSlices.js';
import { serviceOwnerReference } from './sliceShape.js';

const nodes = [makeNode('n1', 'zone-a'), makeNode('n2', 'zone-b'), makeNode('n3')];
const svc = makeService({ name: 'web', selector: { app: 'web' }, uid: 'svc-uid' });

function pod(i: number, extra: Partial<Parameters<typeof makePod>[0]> = {}): Pod {
  return makePod({
    name: `web-${String(i).padStart(4, '0')}`,
    labels: { app: 'web' },
    ip: `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`,
    ready: true,
    nodeName: 'n1',
    uid: `pod-uid-${i}`,
    ...extra,
  });
}

function pods(n: number, from = 0): Pod[] {
  return Array.from({ length: n }, (_, i) => pod(from + i));
}

/** A stored slice of `service` holding `members` as the controller would have written them. */
function stored(name: string, members: readonly Pod[], service: Service = svc): EndpointSlice {
  const eps: Endpoint[] = members.map((p) =>
    podToEndpoint(
      p,
      nodes.find((n) => n.metadata.name === p.spec.nodeName),
      service,
      'IPv4',
    ),
  );
  const s = makeSlice(name, service.metadata.name, eps);
  return {
    ...s,
    metadata: {
      ...s.metadata,
      resourceVersion: '7',
      ownerReferences: [serviceOwnerReference(service)],
    },
  };
}

function run(
  p: readonly Pod[],
  existing: readonly EndpointSlice[] = [],
  service: Service = svc,
  ns: readonly Node[] = nodes,
  max = 100,
): EndpointSliceChanges {
  return reconcileEndpointSlices(
    deepFreeze({
      service,
      pods: p,
      existingSlices: existing,
      nodes: ns,
      config: { ...defaultClusterConfig, maxEndpointsPerSlice: max },
      now: 5000,
    }),
  );
}

const sizes = (slices: readonly EndpointSlice[]): number[] => slices.map((s) => s.endpoints.length);

describe('purity', () => {
  it('never mutates its inputs (all deep-frozen) across creates, updates and deletes', () => {
    const stale = { ...stored('web-stale', [pod(9)]), ports: [] };
    const before = [stored('web-a', pods(3)), stale];
    const snapshot = JSON.stringify(before);
    expect(() => run([pod(0), pod(1, { ready: false }), ...pods(150, 3)], before)).not.toThrow();
    expect(JSON.stringify(before)).toBe(snapshot);
    expect(Object.isFrozen(before[0]?.endpoints)).toBe(true);
  });
});

describe('placeholder slice', () => {
  it('creates one slice with no ports and no endpoints for a Service that selects nothing', () => {
    const r = run([]);
    expect(r.toCreate).toHaveLength(1);
    expect(r.toCreate[0]?.ports).toEqual([]);
    expect(r.toCreate[0]?.endpoints).toEqual([]);
    expect(r.toUpdate).toEqual([]);
    expect(r.toDelete).toEqual([]);
  });

  it('keeps an existing placeholder instead of recreating it', () => {
    const placeholder = { ...stored('web-ph', []), ports: [] };
    expect(run([], [placeholder])).toEqual({ toCreate: [], toUpdate: [], toDelete: [] });
  });

  it('turns the last slice into the placeholder by updating it in place when all pods go', () => {
    const r = run([], [stored('web-a', pods(3))]);
    expect(r.toCreate).toEqual([]);
    expect(r.toDelete).toEqual([]);
    expect(r.toUpdate.map((s) => [s.metadata.name, s.ports, s.endpoints.length])).toEqual([
      ['web-a', [], 0],
    ]);
  });

  it('fills an existing placeholder with pods that resolve no port', () => {
    const noPorts = makeService({
      name: 'web',
      uid: 'svc-uid',
      selector: { app: 'web' },
      ports: [{ port: 80, targetPort: 'missing' }],
    });
    const placeholder = { ...stored('web-ph', [], noPorts), ports: [] };
    const r = run(pods(2), [placeholder], noPorts);
    expect(r.toCreate).toEqual([]);
    expect(r.toUpdate.map((s) => [s.metadata.name, s.endpoints.length])).toEqual([['web-ph', 2]]);
  });
});

describe('packing new endpoints', () => {
  it('splits 250 ready pods into slices of 100, 100 and 50', () => {
    const r = run(pods(250));
    expect(sizes(r.toCreate)).toEqual([100, 100, 50]);
    expect(r.toUpdate).toEqual([]);
  });

  it('puts 10 new endpoints into one new slice rather than two half-free unchanged slices (§3.16)', () => {
    const a = stored('web-a', pods(95, 0));
    const b = stored('web-b', pods(95, 95));
    const r = run([...pods(190), ...pods(10, 190)], [a, b]);
    expect(sizes(r.toCreate)).toEqual([10]);
    expect(r.toUpdate).toEqual([]);
    expect(r.toDelete).toEqual([]);
  });

  it('fits fewer than max leftovers into the unchanged slice with the tightest fit', () => {
    const a = stored('web-a', pods(90, 0));
    const b = stored('web-b', pods(95, 90));
    const r = run([...pods(185), ...pods(4, 185)], [a, b]);
    expect(r.toCreate).toEqual([]);
    expect(r.toUpdate.map((s) => [s.metadata.name, s.endpoints.length])).toEqual([['web-b', 99]]);
  });

  it('fills slices already being updated first, fullest first', () => {
    const a = stored('web-a', pods(50, 0));
    const b = stored('web-b', pods(80, 50));
    // One pod of each slice goes away: both are updated, then 25 newcomers fill b before a.
    const keep = pods(130).filter(
      (p) => p.metadata.name !== 'web-0000' && p.metadata.name !== 'web-0050',
    );
    const r = run([...keep, ...pods(25, 130)], [a, b]);
    expect(r.toCreate).toEqual([]);
    expect(r.toUpdate.map((s) => [s.metadata.name, s.endpoints.length])).toEqual([
      ['web-a', 53],
      ['web-b', 100],
    ]);
  });

  it('never moves existing endpoints between slices (no rebalancing)', () => {
    const a = stored('web-a', pods(10, 0));
    const b = stored('web-b', pods(10, 10));
    const r = run(pods(20), [a, b]);
    expect(r).toEqual({ toCreate: [], toUpdate: [], toDelete: [] });
  });

  it('collapses a delete and a create into an update that reuses the old name', () => {
    const old = stored('web-old', pods(3, 0));
    const r = run(pods(3, 100), [old]);
    expect(r.toCreate).toEqual([]);
    expect(r.toDelete).toEqual([]);
    expect(r.toUpdate).toHaveLength(1);
    const upd = r.toUpdate[0];
    expect(upd?.metadata.name).toBe('web-old');
    expect(upd?.metadata.resourceVersion).toBe('7');
    expect(upd?.endpoints.map((e) => e.targetRef?.name)).toEqual([
      'web-0100',
      'web-0101',
      'web-0102',
    ]);
  });

  it('sorts endpoints of written slices by pod name whatever the pod order', () => {
    const r = run([pod(2), pod(0), pod(1)]);
    expect(r.toCreate[0]?.endpoints.map((e) => e.targetRef?.name)).toEqual([
      'web-0000',
      'web-0001',
      'web-0002',
    ]);
  });
});

describe('updates in place', () => {
  it('updates a slice when a pod becomes not ready, keeping it in the same slice', () => {
    const before = stored('web-a', pods(3));
    const r = run([pod(0), pod(1, { ready: false }), pod(2)], [before]);
    expect(r.toCreate).toEqual([]);
    expect(r.toUpdate).toHaveLength(1);
    expect(r.toUpdate[0]?.endpoints[1]?.conditions).toEqual({
      ready: false,
      serving: false,
      terminating: false,
    });
  });

  it('updates in place, not recreates, a pod recreated with the same name and IP', () => {
    const before = stored('web-a', [pod(0, { uid: 'old' })]);
    // targetRef.uid differs, which is a change beyond the identity key: updated in place.
    const r = run([pod(0, { uid: 'new' })], [before]);
    expect(r.toUpdate.map((s) => s.endpoints[0]?.targetRef?.uid)).toEqual(['new']);
    expect(r.toCreate).toEqual([]);
  });

  it('updates the labels of an unchanged slice when the Service labels change', () => {
    const labelled = makeService({
      name: 'web',
      uid: 'svc-uid',
      selector: { app: 'web' },
      labels: { team: 'a' },
    });
    const r = run(pods(2), [stored('web-a', pods(2))], labelled);
    expect(r.toUpdate.map((s) => s.metadata.labels?.team)).toEqual(['a']);
  });

  it('stamps the last-change-trigger-time annotation on written slices', () => {
    const r = run(pods(1));
    expect(r.toCreate[0]?.metadata.annotations).toEqual({
      'endpoints.kubernetes.io/last-change-trigger-time': '2025-01-01T00:00:05Z',
    });
  });
});

describe('ports', () => {
  const named = makeService({
    name: 'web',
    uid: 'svc-uid',
    selector: { app: 'web' },
    ports: [{ name: 'http', port: 80, targetPort: 'http' }],
  });
  const withHttp = (i: number, port: number): Pod =>
    pod(i, {
      containers: [{ name: 'c', ports: [{ name: 'http', containerPort: port, protocol: 'TCP' }] }],
    });

  it('puts pods whose named targetPort resolves to different numbers into different slices', () => {
    const r = run([withHttp(0, 8080), withHttp(1, 9090), withHttp(2, 8080)], [], named);
    expect(r.toCreate.map((s) => [s.ports.map((p) => p.port), s.endpoints.length])).toEqual([
      [[8080], 2],
      [[9090], 1],
    ]);
  });

  it('drops a port that does not resolve for a pod, leaving it in a group without that port', () => {
    const two = makeService({
      name: 'web',
      uid: 'svc-uid',
      selector: { app: 'web' },
      ports: [
        { name: 'http', port: 80, targetPort: 'http' },
        { name: 'metrics', port: 9100, targetPort: 'metrics' },
      ],
    });
    const r = run([pod(0)], [], two);
    expect(r.toCreate.map((s) => s.ports)).toEqual([
      [{ name: 'http', port: 8080, protocol: 'TCP' }],
    ]);
  });

  it('deletes the slices of a port group that no longer exists', () => {
    const stale = {
      ...stored('web-stale', [pod(5)]),
      ports: [{ name: '', port: 1234, protocol: 'TCP' as const }],
    };
    const current = stored('web-a', [pod(0)]);
    const r = run([pod(0)], [current, stale]);
    expect(r.toDelete.map((s) => s.metadata.name)).toEqual(['web-stale']);
    expect(r.toCreate).toEqual([]);
  });
});

describe('ownership, address types and labels', () => {
  it('labels new slices and owns them by the Service', () => {
    const labelled = makeService({
      name: 'web',
      uid: 'svc-uid',
      selector: { app: 'web' },
      labels: { team: 'a', 'kubernetes.io/service-name': 'spoof' },
    });
    const s = run(pods(1), [], labelled).toCreate[0];
    expect(s?.metadata.generateName).toBe('web-');
    expect(s?.metadata.labels).toEqual({
      team: 'a',
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(s?.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Service',
        name: 'web',
        uid: 'svc-uid',
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
  });

  it('labels the slices of a headless Service', () => {
    const headless = makeService({ name: 'web', selector: { app: 'web' }, clusterIP: 'None' });
    expect(
      run(pods(1), [], headless).toCreate[0]?.metadata.labels?.['service.kubernetes.io/headless'],
    ).toBe('');
  });

  it('deletes slices owned by an older Service of the same name without recycling them', () => {
    const other = makeService({ name: 'web', uid: 'old-uid', selector: { app: 'web' } });
    const orphan = stored('web-old', pods(2), other);
    const r = run(pods(2), [orphan]);
    expect(r.toDelete.map((s) => s.metadata.name)).toEqual(['web-old']);
    expect(sizes(r.toCreate)).toEqual([2]);
  });

  it('deletes slices of an address type the Service no longer has', () => {
    const v6 = { ...stored('web-v6', []), addressType: 'IPv6' as const };
    const r = run(pods(1), [v6]);
    expect(r.toDelete.map((s) => s.metadata.name)).toEqual(['web-v6']);
    expect(sizes(r.toCreate)).toEqual([1]);
  });

  it('ignores slices managed by another controller', () => {
    const user = makeSlice('web-user', 'web', [], undefined, 'default', 'someone-else');
    const r = run(pods(1), [user]);
    expect(r.toDelete).toEqual([]);
    expect(sizes(r.toCreate)).toEqual([1]);
  });

  it('publishes a dual-stack Service in one slice set per family', () => {
    const dual = makeService({
      name: 'web',
      selector: { app: 'web' },
      spec: { ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'RequireDualStack' },
    });
    const p = pod(0);
    const dualPod = {
      ...p,
      status: { ...p.status, podIPs: [{ ip: '10.1.0.1' }, { ip: 'fd00::1' }] },
    };
    const r = run([dualPod], [], dual);
    expect(r.toCreate.map((s) => [s.addressType, s.endpoints[0]?.addresses])).toEqual([
      ['IPv4', ['10.1.0.1']],
      ['IPv6', ['fd00::1']],
    ]);
  });
});

describe('Services the controller leaves alone', () => {
  it('writes nothing for a Service without selector, even with managed slices left over', () => {
    const noSelector = makeService({ name: 'web', uid: 'svc-uid' });
    expect(run(pods(2), [stored('web-a', pods(1))], noSelector)).toEqual({
      toCreate: [],
      toUpdate: [],
      toDelete: [],
    });
  });

  it('writes nothing for an ExternalName Service', () => {
    const ext = makeService({
      name: 'web',
      selector: { app: 'web' },
      spec: { type: 'ExternalName', externalName: 'example.com' },
    });
    expect(run(pods(2), [], ext).toCreate).toEqual([]);
  });
});

describe('missing nodes and hostnames', () => {
  it('skips a pod whose node object is missing', () => {
    const r = run([pod(0), pod(1, { nodeName: 'ghost' })]);
    expect(r.toCreate[0]?.endpoints.map((e) => e.targetRef?.name)).toEqual(['web-0000']);
  });

  it('keeps such a pod, without zone, when the Service publishes not-ready addresses', () => {
    const pnr = makeService({
      name: 'web',
      selector: { app: 'web' },
      spec: { publishNotReadyAddresses: true },
    });
    const eps = run([pod(1, { nodeName: 'ghost' })], [], pnr).toCreate[0]?.endpoints;
    expect(eps?.map((e) => [e.nodeName, e.zone])).toEqual([['ghost', undefined]]);
  });

  it('writes the hostname only for pods whose subdomain is the Service', () => {
    const r = run([
      pod(0, { hostname: 'h0', subdomain: 'web' }),
      pod(1, { hostname: 'h1', subdomain: 'x' }),
    ]);
    expect(r.toCreate[0]?.endpoints.map((e) => e.hostname)).toEqual(['h0', undefined]);
  });
});

describe('hints (§3.21)', () => {
  const withTd = (td: string, annotations?: Record<string, string>): Service => {
    const s = makeService({
      name: 'web',
      uid: 'svc-uid',
      selector: { app: 'web' },
      spec: { trafficDistribution: td },
    });
    return annotations ? { ...s, metadata: { ...s.metadata, annotations } } : s;
  };
  const mixed = [pod(0), pod(1, { nodeName: 'n3' }), pod(2, { ready: false, nodeName: 'n2' })];

  it('PreferClose gives ready endpoints with a zone a hint for their own zone only', () => {
    const eps = run(mixed, [], withTd('PreferClose')).toCreate[0]?.endpoints;
    expect(eps?.map((e) => e.hints)).toEqual([
      { forZones: [{ name: 'zone-a' }] },
      undefined,
      undefined,
    ]);
  });

  it('PreferSameZone behaves like PreferClose', () => {
    const eps = run(mixed, [], withTd('PreferSameZone')).toCreate[0]?.endpoints;
    expect(eps?.[0]?.hints).toEqual({ forZones: [{ name: 'zone-a' }] });
  });

  it('PreferSameNode also gives node hints to ready endpoints', () => {
    const eps = run(mixed, [], withTd('PreferSameNode')).toCreate[0]?.endpoints;
    expect(eps?.map((e) => e.hints)).toEqual([
      { forZones: [{ name: 'zone-a' }], forNodes: [{ name: 'n1' }] },
      { forNodes: [{ name: 'n3' }] },
      undefined,
    ]);
  });

  it('strips hints from an unchanged slice when trafficDistribution is removed', () => {
    const hinted = run(pods(2), [], withTd('PreferClose')).toCreate[0];
    const existing = { ...stored('web-a', []), endpoints: hinted?.endpoints ?? [] };
    const r = run(pods(2), [existing]);
    expect(r.toUpdate.map((s) => s.endpoints.map((e) => e.hints))).toEqual([
      [undefined, undefined],
    ]);
  });

  it('adds hints to an unchanged slice when trafficDistribution is set', () => {
    const r = run(pods(2), [stored('web-a', pods(2))], withTd('PreferClose'));
    expect(r.toUpdate[0]?.endpoints.map((e) => e.hints)).toEqual([
      { forZones: [{ name: 'zone-a' }] },
      { forZones: [{ name: 'zone-a' }] },
    ]);
  });

  it('ignores trafficDistribution when topology-mode is Auto (kubesim writes no Auto hints)', () => {
    const auto = withTd('PreferClose', { 'service.kubernetes.io/topology-mode': 'Auto' });
    expect(run(pods(2), [], auto).toCreate[0]?.endpoints.map((e) => e.hints)).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('writes no hints for an unknown trafficDistribution', () => {
    expect(run(pods(1), [], withTd('Nearby')).toCreate[0]?.endpoints[0]?.hints).toBeUndefined();
  });
});
