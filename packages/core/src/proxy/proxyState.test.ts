import { describe, it, expect } from 'vitest';
import type { Endpoint } from '../objects/discovery.js';
import { makeService, makeSlice } from '../testing/fixtures.js';
import { ProxyState } from './proxyState.js';

const ready = (ip: string, nodeName?: string): Endpoint => ({
  addresses: [ip],
  conditions: { ready: true, serving: true, terminating: false },
  ...(nodeName !== undefined ? { nodeName } : {}),
});

const httpPort = [{ name: 'http', port: 8080, protocol: 'TCP' as const }];
const web = makeService({
  name: 'web',
  clusterIP: '10.96.0.15',
  ports: [{ name: 'http', port: 80, targetPort: 'http' }],
});

function ipsIn(from: number, count: number): Endpoint[] {
  return Array.from({ length: count }, (_, i) =>
    ready(`10.128.${Math.floor((from + i) / 250)}.${((from + i) % 250) + 1}`),
  );
}

describe('ProxyState', () => {
  it('merges every slice of a Service: 250 endpoints across 3 slices are all present', () => {
    const state = new ProxyState();
    state.applyService('ADDED', web);
    state.applySlice('ADDED', makeSlice('web-aaaaa', 'web', ipsIn(0, 100), httpPort));
    state.applySlice('ADDED', makeSlice('web-bbbbb', 'web', ipsIn(100, 100), httpPort));
    state.applySlice('ADDED', makeSlice('web-ccccc', 'web', ipsIn(200, 50), httpPort));
    const eps = state.endpointsOf('default/web', 'http');
    expect(eps).toHaveLength(250);
    expect(new Set(eps.map((e) => e.ip)).size).toBe(250);
    expect(eps.every((e) => e.port === 8080)).toBe(true);
  });

  it('de-duplicates an endpoint listed in two slices and keeps rule order sorted by ip:port', () => {
    const state = new ProxyState();
    state.applySlice(
      'ADDED',
      makeSlice('web-a', 'web', [ready('10.0.0.9'), ready('10.0.0.10')], httpPort),
    );
    state.applySlice(
      'ADDED',
      makeSlice('web-b', 'web', [ready('10.0.0.9'), ready('10.0.0.2')], httpPort),
    );
    // String order, as kube-proxy sorts Endpoint.String(): "10.0.0.10:8080" < "10.0.0.2:8080".
    expect(state.endpointsOf('default/web', 'http').map((e) => e.ip)).toEqual([
      '10.0.0.10',
      '10.0.0.2',
      '10.0.0.9',
    ]);
  });

  it('prefers the copy on its own node when a duplicate disagrees about the node', () => {
    const state = new ProxyState({ nodeName: 'node-1' });
    state.applySlice('ADDED', makeSlice('web-a', 'web', [ready('10.0.0.9', 'node-2')], httpPort));
    state.applySlice('ADDED', makeSlice('web-b', 'web', [ready('10.0.0.9', 'node-1')], httpPort));
    expect(state.endpointsOf('default/web', 'http')[0]?.nodeName).toBe('node-1');
  });

  it('reads nil conditions as ready, serving and not terminating', () => {
    const state = new ProxyState();
    state.applySlice(
      'ADDED',
      makeSlice('web-a', 'web', [{ addresses: ['10.0.0.1'], conditions: {} }], httpPort),
    );
    const [ep] = state.endpointsOf('default/web', 'http');
    expect(ep).toMatchObject({ ready: true, serving: true, terminating: false });
  });

  it('drops endpoints when their slice is modified or deleted', () => {
    const state = new ProxyState();
    const a = makeSlice('web-a', 'web', [ready('10.0.0.1'), ready('10.0.0.2')], httpPort);
    state.applySlice('ADDED', a);
    state.applySlice('MODIFIED', { ...a, endpoints: [ready('10.0.0.2')] });
    expect(state.endpointsOf('default/web', 'http').map((e) => e.ip)).toEqual(['10.0.0.2']);
    state.applySlice('DELETED', a);
    expect(state.endpointsOf('default/web', 'http')).toEqual([]);
  });

  it('moves a slice to another Service when its service-name label changes', () => {
    const state = new ProxyState();
    const a = makeSlice('s-1', 'web', [ready('10.0.0.1')], httpPort);
    state.applySlice('ADDED', a);
    const relabelled = makeSlice('s-1', 'api', [ready('10.0.0.1')], httpPort);
    state.applySlice('MODIFIED', relabelled);
    expect(state.endpointsOf('default/web', 'http')).toEqual([]);
    expect(state.endpointsOf('default/api', 'http')).toHaveLength(1);
  });

  it('touches only the changed Service: another Service keeps its merged list', () => {
    const state = new ProxyState();
    state.applySlice('ADDED', makeSlice('web-a', 'web', [ready('10.0.0.1')], httpPort));
    state.applySlice('ADDED', makeSlice('api-a', 'api', [ready('10.0.1.1')], httpPort));
    const before = state.endpointsOf('default/api', 'http');
    state.applySlice('MODIFIED', makeSlice('web-a', 'web', [ready('10.0.0.2')], httpPort));
    expect(state.endpointsOf('default/api', 'http')).toBe(before);
  });

  it('pairs endpoints with the slice port of the same name and protocol only', () => {
    const state = new ProxyState();
    state.applySlice(
      'ADDED',
      makeSlice(
        'web-a',
        'web',
        [ready('10.0.0.1')],
        [
          { name: 'http', port: 8080, protocol: 'TCP' },
          { name: 'dns', port: 53, protocol: 'UDP' },
        ],
      ),
    );
    expect(state.endpointsOf('default/web', 'dns', 'UDP')[0]?.port).toBe(53);
    expect(state.endpointsOf('default/web', 'dns', 'TCP')).toEqual([]);
    expect(state.endpointsOf('default/web', undefined)).toEqual([]);
  });

  it('registers ClusterIP, external IP, LB IP and node port frontends, and removes them on delete', () => {
    const state = new ProxyState();
    const lb = makeService({
      name: 'lb',
      clusterIP: '10.96.0.20',
      ports: [{ name: 'http', port: 80, nodePort: 30080 }],
      spec: { type: 'LoadBalancer', externalIPs: ['192.0.2.7'], externalTrafficPolicy: 'Cluster' },
    });
    state.applyService('ADDED', {
      ...lb,
      status: { loadBalancer: { ingress: [{ ip: '203.0.113.5' }] } },
    });
    expect(state.frontendAt('10.96.0.20', 80)?.kind).toBe('ClusterIP');
    expect(state.frontendAt('192.0.2.7', 80)?.kind).toBe('ExternalIP');
    expect(state.frontendAt('203.0.113.5', 80)?.kind).toBe('LoadBalancer');
    expect(state.frontendAtNodePort(30080)?.serviceKey).toBe('default/lb');
    expect(state.frontendAt('10.96.0.20', 80, 'UDP')).toBeUndefined();
    state.applyService('DELETED', lb);
    expect(state.frontendAt('10.96.0.20', 80)).toBeUndefined();
    expect(state.frontendAtNodePort(30080)).toBeUndefined();
    expect(state.serviceCount).toBe(0);
  });

  it('programs nothing for headless and ExternalName Services', () => {
    const state = new ProxyState();
    state.applyService('ADDED', makeService({ name: 'db', clusterIP: 'None' }));
    state.applyService(
      'ADDED',
      makeService({ name: 'ext', spec: { type: 'ExternalName', externalName: 'example.com' } }),
    );
    expect(state.frontendAt('None', 80)).toBeUndefined();
    expect(state.frontendAt('10.96.0.100', 80)).toBeUndefined();
    expect(state.serviceCount).toBe(2);
  });

  it('handles 10,000 Services with 150,000 endpoints and re-merges only the touched one', () => {
    const state = new ProxyState();
    for (let s = 0; s < 10_000; s++) {
      const name = `svc-${s}`;
      const eps = Array.from({ length: 15 }, (_, i) => ready(`10.${s >> 8}.${s & 255}.${i + 1}`));
      state.applySlice('ADDED', makeSlice(`${name}-a`, name, eps, httpPort));
    }
    expect(state.endpointsOf('default/svc-9999', 'http')).toHaveLength(15);
    const untouched = state.endpointsOf('default/svc-1', 'http');
    state.applySlice('MODIFIED', makeSlice('svc-0-a', 'svc-0', [ready('10.0.0.1')], httpPort));
    expect(state.endpointsOf('default/svc-0', 'http')).toHaveLength(1);
    expect(state.endpointsOf('default/svc-1', 'http')).toBe(untouched);
  });
});

describe('ProxyState.clone', () => {
  it('is an independent copy that later changes to the original do not reach', () => {
    const svc = makeService({ name: 'web', selector: { app: 'web' }, clusterIP: '10.96.0.50' });
    const ep = (ip: string) => ({ addresses: [ip], conditions: { ready: true } });
    const original = new ProxyState();
    original.applyService('ADDED', svc);
    original.applySlice('ADDED', makeSlice('web-a', 'web', [ep('10.128.0.5')]));
    const frozen = original.clone({ nodeName: 'node-1' });
    original.applySlice('MODIFIED', makeSlice('web-a', 'web', [ep('10.128.0.6')]));
    const ips = (s: ProxyState) =>
      s.slicesOf('default/web').flatMap((x) => x.endpoints.flatMap((e) => e.addresses));
    expect(ips(frozen)).toEqual(['10.128.0.5']);
    expect(ips(original)).toEqual(['10.128.0.6']);
    expect(frozen.nodeName).toBe('node-1');
    expect(frozen.getService('default/web')).toBe(svc);
  });
});

describe('ProxyState and IP families', () => {
  it('ignores IPv6 slices: the IPv4 proxier never routes a ClusterIP to an IPv6 endpoint', () => {
    const svc = makeService({ name: 'web', clusterIP: '10.96.0.60' });
    const state = new ProxyState();
    state.applyService('ADDED', svc);
    state.applySlice(
      'ADDED',
      makeSlice('web-v4', 'web', [{ addresses: ['10.1.2.3'], conditions: {} }]),
    );
    const v6 = {
      ...makeSlice('web-v6', 'web', [{ addresses: ['fd00::5'], conditions: {} }]),
      addressType: 'IPv6' as const,
    };
    state.applySlice('ADDED', v6);
    const frontend = state.frontendAt('10.96.0.60', 80);
    expect(frontend).toBeDefined();
    if (frontend === undefined) return;
    const usable = state.categorize(frontend, { name: 'node-0' });
    expect(usable.cluster.map((e) => e.ip)).toEqual(['10.1.2.3']);
  });
});
