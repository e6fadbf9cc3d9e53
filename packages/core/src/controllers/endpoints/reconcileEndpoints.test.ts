import { describe, it, expect } from 'vitest';
import { defaultClusterConfig } from '../../config.js';
import type { Endpoints } from '../../objects/discovery.js';
import type { Pod } from '../../objects/pod.js';
import type { Service } from '../../objects/service.js';
import { makePod, makeService } from '../../testing/fixtures.js';
import { deepFreeze } from './deepFreeze.test-helper.js';
import { packSubsets } from './endpointSubsets.js';
import { desiredSubsets, reconcileEndpoints, type EndpointsChange } from './reconcileEndpoints.js';

const svc = makeService({ name: 'web', selector: { app: 'web' }, labels: { team: 'a' } });

const pod = (i: number, o: Partial<Parameters<typeof makePod>[0]> = {}): Pod =>
  makePod({
    name: `web-${String(i).padStart(4, '0')}`,
    uid: `u${i}`,
    labels: { app: 'web' },
    ip: `10.2.${Math.floor(i / 250)}.${(i % 250) + 1}`,
    ready: true,
    nodeName: 'n1',
    ...o,
  });

function run(
  pods: readonly Pod[],
  existing?: Endpoints,
  service: Service = svc,
  max = 1000,
): EndpointsChange | undefined {
  return reconcileEndpoints(
    deepFreeze({
      service,
      pods,
      existing,
      config: { ...defaultClusterConfig, maxEndpointsPerEndpoints: max },
      now: 0,
    }),
  );
}

function stored(change: EndpointsChange | undefined): Endpoints {
  if (change === undefined) throw new Error('expected a change');
  return {
    ...change.object,
    metadata: { ...change.object.metadata, uid: 'e1', resourceVersion: '3' },
  };
}

describe('legacy Endpoints controller', () => {
  it('creates the Endpoints named after the Service with ready and not-ready addresses', () => {
    const r = run([pod(0), pod(1, { ready: false })]);
    expect(r?.verb).toBe('create');
    expect(r?.object.metadata.name).toBe('web');
    expect(r?.object.metadata.labels).toEqual({ team: 'a' });
    expect(r?.object.subsets).toEqual([
      {
        addresses: [
          {
            ip: '10.2.0.1',
            nodeName: 'n1',
            targetRef: { kind: 'Pod', namespace: 'default', name: 'web-0000', uid: 'u0' },
          },
        ],
        notReadyAddresses: [
          {
            ip: '10.2.0.2',
            nodeName: 'n1',
            targetRef: { kind: 'Pod', namespace: 'default', name: 'web-0001', uid: 'u1' },
          },
        ],
        ports: [{ name: '', port: 8080, protocol: 'TCP' }],
      },
    ]);
  });

  it('excludes terminating pods, unless the Service publishes not-ready addresses', () => {
    const pods = [pod(0), pod(1, { deleting: true })];
    expect(run(pods)?.object.subsets?.[0]?.addresses?.map((a) => a.ip)).toEqual(['10.2.0.1']);
    expect(run(pods)?.object.subsets?.[0]?.notReadyAddresses).toBeUndefined();
    const pnr = makeService({
      name: 'web',
      selector: { app: 'web' },
      spec: { publishNotReadyAddresses: true },
    });
    expect(
      run([...pods, pod(2, { ready: false })], undefined, pnr)?.object.subsets?.[0]?.addresses?.map(
        (a) => a.ip,
      ),
    ).toEqual(['10.2.0.1', '10.2.0.2', '10.2.0.3']);
  });

  it('repacks pods by the ports they offer', () => {
    const two = makeService({
      name: 'web',
      selector: { app: 'web' },
      ports: [
        { name: 'http', port: 80, targetPort: 'http' },
        { name: 'admin', port: 9000, targetPort: 'admin' },
      ],
    });
    const withAdmin = pod(1, {
      containers: [
        {
          name: 'c',
          ports: [
            { name: 'http', containerPort: 8080, protocol: 'TCP' },
            { name: 'admin', containerPort: 9000, protocol: 'TCP' },
          ],
        },
      ],
    });
    const subsets = run([pod(0), withAdmin], undefined, two)?.object.subsets;
    expect(
      subsets?.map((s) => [s.ports?.map((p) => p.name), s.addresses?.map((a) => a.ip)]),
    ).toEqual([
      [['admin'], ['10.2.0.2']],
      [['http'], ['10.2.0.1', '10.2.0.2']],
    ]);
  });

  it('writes nothing when the stored Endpoints is already right', () => {
    const first = stored(run([pod(0)]));
    expect(run([pod(0)], first)).toBeUndefined();
    const next = run([pod(0), pod(1)], first);
    expect(next?.verb).toBe('update');
    expect(next?.object.metadata.resourceVersion).toBe('3');
  });

  it('labels the Endpoints of a headless Service and lists its pods even without ports', () => {
    const headless = makeService({
      name: 'web',
      selector: { app: 'web' },
      clusterIP: 'None',
      ports: [],
    });
    const noPorts = { ...headless, spec: { ...headless.spec, ports: [] } };
    const r = run([pod(0)], undefined, noPorts);
    expect(r?.object.metadata.labels).toEqual({ 'service.kubernetes.io/headless': '' });
    expect(r?.object.subsets).toEqual([
      { addresses: [expect.objectContaining({ ip: '10.2.0.1' })] },
    ]);
  });

  it('does nothing for a Service without selector', () => {
    expect(run([pod(0)], undefined, makeService({ name: 'web' }))).toBeUndefined();
  });
});

describe('Endpoints capacity (§3.24)', () => {
  const many = (ready: number, notReady: number): Pod[] => [
    ...Array.from({ length: ready }, (_, i) => pod(i)),
    ...Array.from({ length: notReady }, (_, i) => pod(ready + i, { ready: false })),
  ];
  const count = (e: Endpoints | undefined, f: 'addresses' | 'notReadyAddresses'): number =>
    (e?.subsets ?? []).reduce((n, s) => n + (s[f]?.length ?? 0), 0);

  it('truncates to 1000 addresses, keeping ready ones first, and annotates over-capacity', () => {
    const r = run(many(900, 300));
    expect(count(r?.object, 'addresses')).toBe(900);
    expect(count(r?.object, 'notReadyAddresses')).toBe(100);
    expect(r?.object.metadata.annotations?.['endpoints.kubernetes.io/over-capacity']).toBe(
      'truncated',
    );
  });

  it('drops every not-ready address when ready ones alone exceed the cap', () => {
    const r = run(many(1100, 50));
    expect(count(r?.object, 'addresses')).toBe(1000);
    expect(count(r?.object, 'notReadyAddresses')).toBe(0);
  });

  it('does not rewrite an unchanged over-capacity Endpoints', () => {
    const first = stored(run(many(1001, 0)));
    expect(run(many(1001, 0), first)).toBeUndefined();
  });

  it('removes the annotation once back under capacity', () => {
    const first = stored(run(many(1001, 0)));
    const r = run(many(999, 0), first);
    expect(r?.verb).toBe('update');
    expect(
      r?.object.metadata.annotations?.['endpoints.kubernetes.io/over-capacity'],
    ).toBeUndefined();
    expect(count(r?.object, 'addresses')).toBe(999);
  });

  it('shares the not-ready budget across subsets proportionally, rounding up', () => {
    const two = makeService({
      name: 'web',
      selector: { app: 'web' },
      ports: [
        { name: 'http', port: 80, targetPort: 'http' },
        { name: 'admin', port: 81, targetPort: 'admin' },
      ],
    });
    const only = (i: number, name: string): Pod =>
      pod(i, {
        ready: false,
        containers: [
          {
            name: 'c',
            ports: [{ name, containerPort: name === 'http' ? 8080 : 9000, protocol: 'TCP' }],
          },
        ],
      });
    const both = pod(0, {
      containers: [
        {
          name: 'c',
          ports: [
            { name: 'http', containerPort: 8080, protocol: 'TCP' },
            { name: 'admin', containerPort: 9000, protocol: 'TCP' },
          ],
        },
      ],
    });
    // Ready: 1 address in each subset (2). Not ready: 3 per subset (6). Cap 5 → 3 not-ready slots:
    // the first subset gets ceil(3/6 × 3) = 2, the second what is left, 1.
    const pods = [
      both,
      only(1, 'http'),
      only(2, 'http'),
      only(3, 'http'),
      only(4, 'admin'),
      only(5, 'admin'),
      only(6, 'admin'),
    ];
    const r = run(pods, undefined, two, 5);
    expect(
      r?.object.subsets?.map((s) => [
        s.ports?.[0]?.name,
        s.addresses?.length,
        s.notReadyAddresses?.length,
      ]),
    ).toEqual([
      ['admin', 1, 2],
      ['http', 1, 1],
    ]);
  });

  it('orders pods sharing an IP (host network) by uid, then name, as the full address key does', () => {
    // Same IP: the tie is broken by the full key (IP, uid, name), built only for such ties.
    const pods = [
      pod(1, { uid: 'u-b', ip: '10.9.0.1' }),
      pod(2, { uid: 'u-a', ip: '10.9.0.1' }),
      pod(3, { uid: 'u-a0', ip: '10.9.0.1' }),
      pod(4, { uid: 'u-c', ip: '10.8.0.1' }),
    ];
    const refs = run(pods)?.object.subsets?.[0]?.addresses?.map((a) => a.targetRef?.uid);
    expect(refs).toEqual(['u-c', 'u-a', 'u-a0', 'u-b']);
  });

  it('keeps apart pods that share a uid but not an address (keys by uid fall back to full keys)', () => {
    // Not what a store holds (uids are unique), but the packing must not merge such addresses.
    const pods = [
      pod(1, { uid: 'same', ip: '10.9.0.2' }),
      pod(2, { uid: 'same', ip: '10.9.0.1', ready: false }),
      pod(3, { uid: 'same', ip: '10.9.0.1', ready: false }),
    ];
    const subsets = desiredSubsets(svc, pods);
    expect(subsets[0]?.addresses?.map((a) => a.ip)).toEqual(['10.9.0.2']);
    expect(subsets[0]?.notReadyAddresses?.map((a) => a.targetRef?.name)).toEqual([
      'web-0002',
      'web-0003',
    ]);
    // The same as packing every fact under its full key.
    const facts = subsets.flatMap((s) =>
      [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])].map((address) => ({
        address,
        port: s.ports?.[0],
        ready: s.addresses?.includes(address) === true,
      })),
    );
    expect(packSubsets(facts)).toEqual(subsets);
  });
});
