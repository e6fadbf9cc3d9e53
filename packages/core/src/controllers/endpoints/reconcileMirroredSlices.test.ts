import { describe, it, expect } from 'vitest';
import { defaultClusterConfig } from '../../config.js';
import type { EndpointSlice, Endpoints, EndpointSubset } from '../../objects/discovery.js';
import type { Service } from '../../objects/service.js';
import { makeService } from '../../testing/fixtures.js';
import { deepFreeze } from './deepFreeze.test-helper.js';
import { reconcileMirroredSlices, type MirroringChanges } from './reconcileMirroredSlices.js';

const selectorless = makeService({ name: 'ext' });

function endpoints(subsets: EndpointSubset[], labels?: Record<string, string>): Endpoints {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'ext',
      namespace: 'default',
      uid: 'ep-uid',
      resourceVersion: '2',
      creationTimestamp: '2025-01-01T00:00:00Z',
      ...(labels ? { labels } : {}),
    },
    subsets,
  };
}

const oneSubset = endpoints([
  {
    addresses: [{ ip: '192.168.1.1' }, { ip: '192.168.1.2' }],
    notReadyAddresses: [{ ip: '192.168.1.3' }],
    ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
  },
]);

function run(
  ep: Endpoints | undefined,
  service: Service | undefined = selectorless,
  existing: EndpointSlice[] = [],
  cap = 1000,
): MirroringChanges {
  return reconcileMirroredSlices(
    deepFreeze({
      endpoints: ep,
      service,
      existingSlices: existing,
      config: { ...defaultClusterConfig, mirroringMaxEndpointsPerSubset: cap },
    }),
  );
}

function asStored(s: EndpointSlice | undefined, name: string): EndpointSlice {
  if (s === undefined) throw new Error('expected a slice');
  return { ...s, metadata: { ...s.metadata, name, uid: `${name}-uid`, resourceVersion: '5' } };
}

describe('EndpointSlice mirroring', () => {
  it('mirrors a selectorless Service’s Endpoints into a labelled slice owned by the Endpoints', () => {
    const r = run(oneSubset);
    expect(r.toCreate).toHaveLength(1);
    const s = r.toCreate[0];
    expect(s?.metadata.labels).toEqual({
      'kubernetes.io/service-name': 'ext',
      'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io',
    });
    expect(s?.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Endpoints',
      uid: 'ep-uid',
      controller: true,
    });
    expect(s?.ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP' }]);
    expect(s?.endpoints.map((e) => [e.addresses[0], e.conditions.ready])).toEqual([
      ['192.168.1.1', true],
      ['192.168.1.2', true],
      ['192.168.1.3', false],
    ]);
  });

  it('writes nothing when the mirrored slice is already right', () => {
    const first = asStored(run(oneSubset).toCreate[0], 'ext-abcde');
    const r = run(oneSubset, selectorless, [first]);
    expect([r.toCreate, r.toUpdate, r.toDelete]).toEqual([[], [], []]);
  });

  it('updates the slice in place when an address changes', () => {
    const first = asStored(run(oneSubset).toCreate[0], 'ext-abcde');
    const changed = endpoints([
      { addresses: [{ ip: '192.168.1.9' }], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] },
    ]);
    const r = run(changed, selectorless, [first]);
    expect(
      r.toUpdate.map((s) => [s.metadata.name, s.metadata.resourceVersion, s.endpoints.length]),
    ).toEqual([['ext-abcde', '5', 1]]);
  });

  it('skips Endpoints labelled skip-mirror and deletes slices it mirrored before', () => {
    const first = asStored(run(oneSubset).toCreate[0], 'ext-abcde');
    const skip = endpoints(oneSubset.subsets ?? [], {
      'endpointslice.kubernetes.io/skip-mirror': 'true',
    });
    const r = run(skip, selectorless, [first]);
    expect(r.toCreate).toEqual([]);
    expect(r.toDelete.map((s) => s.metadata.name)).toEqual(['ext-abcde']);
  });

  it('does not mirror Endpoints of a Service with a selector, or without a Service', () => {
    expect(run(oneSubset, makeService({ name: 'ext', selector: { app: 'x' } })).toCreate).toEqual(
      [],
    );
    const noService = reconcileMirroredSlices({
      endpoints: oneSubset,
      service: undefined,
      existingSlices: [],
      config: defaultClusterConfig,
    });
    expect(noService.toCreate).toEqual([]);
  });

  it('mirrors at most the per-subset cap, ready addresses first, and counts the rest', () => {
    const r = run(oneSubset, selectorless, [], 2);
    expect(r.toCreate[0]?.endpoints.map((e) => e.addresses[0])).toEqual([
      '192.168.1.1',
      '192.168.1.2',
    ]);
    expect(r.skippedOverCap).toBe(1);
  });

  it('writes one slice per address family and port list', () => {
    const r = run(
      endpoints([
        {
          addresses: [{ ip: '192.168.1.1' }, { ip: 'fd00::1' }],
          ports: [{ name: 'a', port: 80, protocol: 'TCP' }],
        },
        { addresses: [{ ip: '192.168.1.2' }], ports: [{ name: 'b', port: 81, protocol: 'TCP' }] },
      ]),
    );
    expect(r.toCreate.map((s) => [s.addressType, s.ports[0]?.name, s.endpoints.length])).toEqual([
      ['IPv4', 'a', 1],
      ['IPv4', 'b', 1],
      ['IPv6', 'a', 1],
    ]);
  });

  it('leaves out addresses that are not IPs', () => {
    const r = run(
      endpoints([
        {
          addresses: [{ ip: 'not-an-ip' }, { ip: '192.168.1.1' }],
          ports: [{ port: 80, protocol: 'TCP' }],
        },
      ]),
    );
    expect(r.toCreate[0]?.endpoints.map((e) => e.addresses[0])).toEqual(['192.168.1.1']);
    expect(r.skippedInvalid).toBe(1);
  });
});
