import { describe, it, expect } from 'vitest';
import { defaultClusterConfig } from '../config.js';
import type { ClusterConfig } from '../config.js';
import type { Endpoint, EndpointSlice } from '../objects/discovery.js';
import type { Service } from '../objects/service.js';
import type { ClusterView } from '../store/view.js';
import { makeService, makeSlice } from '../testing/fixtures.js';
import { resolveDns } from './resolveDns.js';

/** A ClusterView over plain Services and slices: what DNS reads. */
function viewOf(
  services: Service[],
  slices: EndpointSlice[] = [],
  config: Partial<ClusterConfig> = {},
): ClusterView {
  const key = (s: Service): string => `${s.metadata.namespace}/${s.metadata.name}`;
  const unsupported = (): never => {
    throw new TypeError('not used by DNS');
  };
  const view = {
    config: { ...defaultClusterConfig, ...config },
    get: (kind: string, k: string) =>
      kind === 'Service' ? services.find((s) => key(s) === k) : undefined,
    list: (kind: string, opts?: { namespace?: string }) =>
      kind === 'Service'
        ? services.filter(
            (s) => opts?.namespace === undefined || s.metadata.namespace === opts.namespace,
          )
        : [],
    slicesOfService: (ns: string, name: string) =>
      slices.filter(
        (s) =>
          s.metadata.namespace === ns && s.metadata.labels?.['kubernetes.io/service-name'] === name,
      ),
    podsOnNode: unsupported,
    servicesSelecting: unsupported,
    podsMatching: unsupported,
    ownedBy: unsupported,
  };
  return view as unknown as ClusterView;
}

const ep = (ip: string, ready?: boolean, hostname?: string): Endpoint => ({
  addresses: [ip],
  conditions: ready === undefined ? {} : { ready },
  ...(hostname !== undefined ? { hostname } : {}),
});

const web = makeService({
  name: 'web',
  clusterIP: '10.96.0.15',
  ports: [
    { name: 'http', port: 80, targetPort: 8080 },
    { port: 9000, targetPort: 9000, protocol: 'UDP' },
  ],
});
const db = makeService({
  name: 'db',
  clusterIP: 'None',
  ports: [{ name: 'pg', port: 5432, targetPort: 5432 }],
});
const pgPort = [{ name: 'pg', port: 5432, protocol: 'TCP' as const }];
const FQDN = 'web.default.svc.cluster.local';

describe('resolveDns: ClusterIP Services', () => {
  it('answers one A record with the cluster IP, even without endpoints', () => {
    const a = resolveDns(viewOf([web]), FQDN);
    expect(a).toEqual({
      query: FQDN,
      fqdn: FQDN,
      rcode: 'NOERROR',
      records: [{ name: FQDN, type: 'A', ttl: 5, data: '10.96.0.15' }],
    });
  });

  it('answers SRV for a named port, targeting the Service name', () => {
    const name = `_http._tcp.${FQDN}`;
    expect(resolveDns(viewOf([web]), name, { type: 'SRV' }).records).toEqual([
      { name, type: 'SRV', ttl: 5, data: { priority: 0, weight: 100, port: 80, target: FQDN } },
    ]);
  });

  it('has no SRV for an unnamed port or a wrong protocol', () => {
    expect(resolveDns(viewOf([web]), `_http._udp.${FQDN}`, { type: 'SRV' }).rcode).toBe('NXDOMAIN');
  });

  it('answers PTR for a cluster IP', () => {
    const a = resolveDns(viewOf([web]), '15.0.96.10.in-addr.arpa', { type: 'PTR' });
    expect(a.records).toEqual([
      { name: '15.0.96.10.in-addr.arpa', type: 'PTR', ttl: 5, data: FQDN },
    ]);
    expect(resolveDns(viewOf([web]), '16.0.96.10.in-addr.arpa', { type: 'PTR' }).rcode).toBe(
      'NXDOMAIN',
    );
  });

  it('answers NODATA for a type the name does not hold', () => {
    const a = resolveDns(viewOf([web]), FQDN, { type: 'PTR' });
    expect(a.rcode).toBe('NOERROR');
    expect(a.records).toEqual([]);
  });

  it('uses the TTL asked for', () => {
    expect(resolveDns(viewOf([web]), FQDN, { ttl: 30 }).records[0]?.ttl).toBe(30);
  });

  it('answers NXDOMAIN for unknown Services, names outside the zone and pod names', () => {
    const view = viewOf([web]);
    expect(resolveDns(view, 'api.default.svc.cluster.local').rcode).toBe('NXDOMAIN');
    expect(resolveDns(view, 'example.com').rcode).toBe('NXDOMAIN');
    expect(resolveDns(view, '10-128-0-5.default.pod.cluster.local').rcode).toBe('NXDOMAIN');
  });
});

describe('resolveDns: headless Services', () => {
  const slice = makeSlice(
    'db-abcde',
    'db',
    [ep('10.128.0.7'), ep('10.128.0.5', true), ep('10.128.0.6', false)],
    pgPort,
  );

  it('answers one A record per ready endpoint, reading a missing ready as ready', () => {
    const a = resolveDns(viewOf([db], [slice]), 'db.default.svc.cluster.local');
    expect(a.records.map((r) => r.data)).toEqual(['10.128.0.5', '10.128.0.7']);
  });

  it('merges endpoints across slices', () => {
    const other = makeSlice('db-fghij', 'db', [ep('10.128.1.9')], pgPort);
    const a = resolveDns(viewOf([db], [slice, other]), 'db.default.svc.cluster.local');
    expect(a.records).toHaveLength(3);
  });

  it('names each ready endpoint by its hostname field, else by its dashed IP', () => {
    const view = viewOf(
      [db],
      [makeSlice('db-a', 'db', [ep('10.128.0.5', true, 'db-0'), ep('10.128.0.6')], pgPort)],
    );
    expect(resolveDns(view, 'db-0.db.default.svc.cluster.local').records).toEqual([
      { name: 'db-0.db.default.svc.cluster.local', type: 'A', ttl: 5, data: '10.128.0.5' },
    ]);
    expect(resolveDns(view, '10-128-0-6.db.default.svc.cluster.local').records[0]?.data).toBe(
      '10.128.0.6',
    );
    expect(resolveDns(view, 'db-1.db.default.svc.cluster.local').rcode).toBe('NXDOMAIN');
  });

  it('answers a pod hostname/subdomain record through the slice hostname field', () => {
    // Pod with hostname "web-0" and subdomain "db": the controller sets hostname on its endpoint.
    const view = viewOf([db], [makeSlice('db-a', 'db', [ep('10.128.3.4', true, 'web-0')], pgPort)]);
    const a = resolveDns(view, 'web-0.db', { fromNamespace: 'default' });
    expect(a.fqdn).toBe('web-0.db.default.svc.cluster.local');
    expect(a.records[0]?.data).toBe('10.128.3.4');
  });

  it('answers SRV per ready endpoint targeting its hostname, with weights sharing 100', () => {
    const view = viewOf(
      [db],
      [
        makeSlice(
          'db-a',
          'db',
          [ep('10.128.0.5', true, 'db-0'), ep('10.128.0.6', true), ep('10.128.0.8', false)],
          pgPort,
        ),
      ],
    );
    const a = resolveDns(view, '_pg._tcp.db.default.svc.cluster.local', { type: 'SRV' });
    expect(a.records.map((r) => r.data)).toEqual([
      { priority: 0, weight: 50, port: 5432, target: 'db-0.db.default.svc.cluster.local' },
      { priority: 0, weight: 50, port: 5432, target: '10-128-0-6.db.default.svc.cluster.local' },
    ]);
  });

  it('answers NODATA without a ready endpoint by default, NXDOMAIN under ignore-emptyservice', () => {
    const notReady = makeSlice('db-a', 'db', [ep('10.128.0.6', false)], pgPort);
    const nodata = resolveDns(viewOf([db], [notReady]), 'db.default.svc.cluster.local');
    expect(nodata).toMatchObject({ rcode: 'NOERROR', records: [] });
    const nx = resolveDns(
      viewOf([db], [notReady], { headlessEmptyAnswer: 'NXDOMAIN' }),
      'db.default.svc.cluster.local',
    );
    expect(nx.rcode).toBe('NXDOMAIN');
  });

  it('publishes not-ready pods of a publishNotReadyAddresses Service (the controller marks them ready)', () => {
    const pub = makeService({
      name: 'db',
      clusterIP: 'None',
      spec: { publishNotReadyAddresses: true },
    });
    // The EndpointSlice controller writes ready: true for every pod of such a Service (§3.11).
    const slice = makeSlice(
      'db-a',
      'db',
      [
        {
          addresses: ['10.128.0.6'],
          conditions: { ready: true, serving: false, terminating: true },
        },
      ],
      pgPort,
    );
    expect(
      resolveDns(viewOf([pub], [slice]), 'db.default.svc.cluster.local').records[0]?.data,
    ).toBe('10.128.0.6');
  });
});

describe('resolveDns: ExternalName', () => {
  it('answers a CNAME to the external name, for A queries too', () => {
    const ext = makeService({
      name: 'ext',
      spec: { type: 'ExternalName', externalName: 'db.example.com' },
    });
    const { clusterIP: _c, clusterIPs: _cs, ...spec } = ext.spec;
    const view = viewOf([{ ...ext, spec }]);
    for (const type of ['A', 'CNAME'] as const) {
      expect(resolveDns(view, 'ext.default.svc.cluster.local', { type }).records).toEqual([
        { name: 'ext.default.svc.cluster.local', type: 'CNAME', ttl: 5, data: 'db.example.com' },
      ]);
    }
  });
});

describe('resolveDns: search path', () => {
  const other = makeService({ name: 'web', namespace: 'shop', clusterIP: '10.96.0.99' });
  const view = viewOf([web, other]);

  it('tries <ns>.svc.<zone> first for a short name', () => {
    expect(resolveDns(view, 'web', { fromNamespace: 'shop' })).toMatchObject({
      fqdn: 'web.shop.svc.cluster.local',
      records: [{ data: '10.96.0.99' }],
    });
    expect(resolveDns(view, 'web', { fromNamespace: 'default' }).records[0]?.data).toBe(
      '10.96.0.15',
    );
  });

  it('reaches another namespace through svc.<zone>', () => {
    expect(resolveDns(view, 'web.default', { fromNamespace: 'shop' }).fqdn).toBe(FQDN);
    expect(resolveDns(view, 'web.default.svc', { fromNamespace: 'shop' }).fqdn).toBe(FQDN);
  });

  it('tries the name as given after the suffixes when it has fewer than 5 dots', () => {
    // 4 dots: suffixed candidates miss, then the name as given answers.
    expect(resolveDns(view, FQDN, { fromNamespace: 'shop' }).fqdn).toBe(FQDN);
  });

  it('does not search an absolute name', () => {
    expect(resolveDns(view, 'web.', { fromNamespace: 'shop' }).rcode).toBe('NXDOMAIN');
    expect(resolveDns(view, `${FQDN}.`, { fromNamespace: 'shop' }).fqdn).toBe(FQDN);
  });

  it('does not search without a namespace, and ignores case', () => {
    expect(resolveDns(view, 'web').rcode).toBe('NXDOMAIN');
    expect(resolveDns(view, 'WEB.Default.svc.cluster.local').fqdn).toBe(FQDN);
  });
});
