import { describe, it, expect } from 'vitest';
import type { Endpoint } from '../objects/discovery.js';
import { makeService } from '../testing/fixtures.js';
import { categorizeEndpoints, topologyModeFromHints } from './categorizeEndpoints.js';
import { toProxyEndpoint } from './proxyEndpoint.js';
import type { ProxyEndpoint } from './proxyEndpoint.js';

interface Ep {
  ip: string;
  node?: string;
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
  zones?: string[];
  nodes?: string[];
}

function ep(o: Ep): ProxyEndpoint {
  const raw: Endpoint = {
    addresses: [o.ip],
    conditions: {
      ...(o.ready !== undefined ? { ready: o.ready } : {}),
      ...(o.serving !== undefined ? { serving: o.serving } : {}),
      ...(o.terminating !== undefined ? { terminating: o.terminating } : {}),
    },
    ...(o.node !== undefined ? { nodeName: o.node } : {}),
    ...(o.zones !== undefined || o.nodes !== undefined
      ? {
          hints: {
            ...(o.zones ? { forZones: o.zones.map((name) => ({ name })) } : {}),
            ...(o.nodes ? { forNodes: o.nodes.map((name) => ({ name })) } : {}),
          },
        }
      : {}),
  };
  const out = toProxyEndpoint(raw, 8080);
  if (out === undefined) throw new TypeError('fixture endpoint without address');
  return out;
}

const svc = makeService({ name: 'web' });
const localSvc = makeService({
  name: 'web',
  spec: { internalTrafficPolicy: 'Local', externalTrafficPolicy: 'Local' },
});
const node1 = { name: 'node-1', zone: 'a' };
const ips = (eps: readonly ProxyEndpoint[]): string[] => eps.map((e) => e.ip);

const terminatingServing = { ready: false, serving: true, terminating: true };
const terminatingNotServing = { ready: false, serving: false, terminating: true };
const notReady = { ready: false, serving: false, terminating: false };

describe('categorizeEndpoints: Cluster policy', () => {
  it('uses every ready endpoint and leaves out not-ready and terminating ones', () => {
    const r = categorizeEndpoints(
      [
        ep({ ip: '10.0.0.1' }),
        ep({ ip: '10.0.0.2', ...notReady }),
        ep({ ip: '10.0.0.3', ...terminatingServing }),
        ep({ ip: '10.0.0.4', ready: true }),
      ],
      svc,
      node1,
    );
    expect(ips(r.cluster)).toEqual(['10.0.0.1', '10.0.0.4']);
    expect(r.hasAnyEndpoints).toBe(true);
  });

  it('reads a missing ready condition as ready', () => {
    const r = categorizeEndpoints([ep({ ip: '10.0.0.1' })], svc, node1);
    expect(r.cluster).toHaveLength(1);
  });

  it('falls back to a serving terminating endpoint when none is ready, never to a non-serving one', () => {
    const r = categorizeEndpoints(
      [
        ep({ ip: '10.0.0.1', ...terminatingNotServing }),
        ep({ ip: '10.0.0.2', ...terminatingServing }),
        ep({ ip: '10.0.0.3', ...notReady }),
      ],
      svc,
      node1,
    );
    expect(ips(r.cluster)).toEqual(['10.0.0.2']);
    expect(r.hasAnyEndpoints).toBe(true);
  });

  it('has no endpoints when only not-ready and non-serving terminating ones exist', () => {
    const r = categorizeEndpoints(
      [ep({ ip: '10.0.0.1', ...notReady }), ep({ ip: '10.0.0.2', ...terminatingNotServing })],
      svc,
      node1,
    );
    expect(r.cluster).toEqual([]);
    expect(r.local).toEqual([]);
    expect(r.hasAnyEndpoints).toBe(false);
  });
});

describe('categorizeEndpoints: Local policy', () => {
  it('uses ready endpoints on this node only', () => {
    const r = categorizeEndpoints(
      [ep({ ip: '10.0.0.1', node: 'node-2' }), ep({ ip: '10.0.0.2', node: 'node-1' })],
      localSvc,
      node1,
    );
    expect(ips(r.local)).toEqual(['10.0.0.2']);
    expect(r.internal).toBe(r.local);
    expect(r.external).toBe(r.local);
  });

  it('is empty without a local endpoint although endpoints exist elsewhere', () => {
    const r = categorizeEndpoints([ep({ ip: '10.0.0.1', node: 'node-2' })], localSvc, node1);
    expect(r.local).toEqual([]);
    expect(r.hasAnyEndpoints).toBe(true);
  });

  it('falls back to a local serving terminating endpoint independently of the cluster set', () => {
    const r = categorizeEndpoints(
      [
        ep({ ip: '10.0.0.1', node: 'node-2' }),
        ep({ ip: '10.0.0.2', node: 'node-1', ...terminatingServing }),
        ep({ ip: '10.0.0.3', node: 'node-1', ...terminatingNotServing }),
      ],
      localSvc,
      node1,
    );
    expect(ips(r.local)).toEqual(['10.0.0.2']);
    // The cluster set still has a ready endpoint, so it does not fall back.
    expect(ips(r.cluster)).toEqual(['10.0.0.1']);
  });

  it('prefers a local ready endpoint over a local terminating one', () => {
    const r = categorizeEndpoints(
      [
        ep({ ip: '10.0.0.1', node: 'node-1', ...terminatingServing }),
        ep({ ip: '10.0.0.2', node: 'node-1' }),
      ],
      localSvc,
      node1,
    );
    expect(ips(r.local)).toEqual(['10.0.0.2']);
  });
});

describe('categorizeEndpoints: topology hints', () => {
  const zoned = [
    ep({ ip: '10.0.0.1', node: 'node-1', zones: ['a'] }),
    ep({ ip: '10.0.0.2', node: 'node-2', zones: ['b'] }),
    ep({ ip: '10.0.0.3', node: 'node-3', zones: ['a'] }),
  ];

  it('keeps only endpoints hinted for this zone when every ready endpoint is hinted', () => {
    const r = categorizeEndpoints(zoned, svc, node1);
    expect(r.topologyMode).toBe('PreferSameZone');
    expect(ips(r.cluster)).toEqual(['10.0.0.1', '10.0.0.3']);
  });

  it('ignores zone hints when one ready endpoint has none', () => {
    const r = categorizeEndpoints([...zoned, ep({ ip: '10.0.0.4' })], svc, node1);
    expect(r.topologyMode).toBe('');
    expect(r.cluster).toHaveLength(4);
  });

  it('does not let an unhinted not-ready endpoint disable the hints', () => {
    const r = categorizeEndpoints([...zoned, ep({ ip: '10.0.0.4', ...notReady })], svc, node1);
    expect(r.topologyMode).toBe('PreferSameZone');
  });

  it('ignores zone hints when no endpoint is hinted for this zone', () => {
    const r = categorizeEndpoints(zoned, svc, { name: 'node-9', zone: 'c' });
    expect(r.topologyMode).toBe('');
    expect(r.cluster).toHaveLength(3);
  });

  it('ignores zone hints on a node without zone label', () => {
    const r = categorizeEndpoints(zoned, svc, { name: 'node-9' });
    expect(r.topologyMode).toBe('');
    expect(r.cluster).toHaveLength(3);
  });

  it('uses node hints before zone hints when every ready endpoint has one', () => {
    const eps = [
      ep({ ip: '10.0.0.1', node: 'node-1', zones: ['a'], nodes: ['node-1'] }),
      ep({ ip: '10.0.0.3', node: 'node-3', zones: ['a'], nodes: ['node-3'] }),
    ];
    expect(topologyModeFromHints(eps, node1)).toBe('PreferSameNode');
    expect(ips(categorizeEndpoints(eps, svc, node1).cluster)).toEqual(['10.0.0.1']);
    // Another node in zone a with no endpoint of its own falls back to zone hints.
    const r = categorizeEndpoints(eps, svc, { name: 'node-7', zone: 'a' });
    expect(r.topologyMode).toBe('PreferSameZone');
    expect(r.cluster).toHaveLength(2);
  });

  it('falls back to serving terminating endpoints when nothing is ready, whatever the hints', () => {
    const r = categorizeEndpoints(
      [ep({ ip: '10.0.0.2', zones: ['b'], ...terminatingServing })],
      svc,
      node1,
    );
    expect(ips(r.cluster)).toEqual(['10.0.0.2']);
  });
});
