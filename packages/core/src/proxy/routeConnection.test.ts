import { describe, it, expect } from 'vitest';
import type { Endpoint } from '../objects/discovery.js';
import type { ServiceSpec } from '../objects/service.js';
import type { RandomSource } from '../sources.js';
import { makeService, makeSlice } from '../testing/fixtures.js';
import { AffinityTable } from './affinityTable.js';
import { ProxyState } from './proxyState.js';
import { routeConnection } from './routeConnection.js';
import type { RouteRequest, RouteResult } from './routeConnection.js';
import { RouteRequestError } from './routeRequestError.js';

const ep = (ip: string, nodeName: string, conditions: Endpoint['conditions'] = {}): Endpoint => ({
  addresses: [ip],
  nodeName,
  conditions: { ready: true, serving: true, terminating: false, ...conditions },
});
const terminatingServing = { ready: false, serving: true, terminating: true };

/** Always takes the first rule of the chain. */
const firstRule: RandomSource = { nextInt: () => 0 };
/** Never matches a probability rule: the chain falls through to the last endpoint. */
const lastRule: RandomSource = { nextInt: (bound) => bound - 1 };

const node1 = { name: 'node-1', zone: 'a' };
const node2 = { name: 'node-2', zone: 'b' };
const nodes = [
  { ...node1, addresses: ['192.168.1.1'] },
  { ...node2, addresses: ['192.168.1.2'] },
];

function setup(spec: Partial<ServiceSpec>, endpoints: Endpoint[]): ProxyState {
  const state = new ProxyState();
  state.applyService(
    'ADDED',
    makeService({
      name: 'web',
      clusterIP: '10.96.0.15',
      ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }],
      spec,
    }),
  );
  state.applySlice(
    'ADDED',
    makeSlice('web-a', 'web', endpoints, [
      { name: 'metrics', port: 9090, protocol: 'TCP' },
      { name: 'http', port: 8080, protocol: 'TCP' },
    ]),
  );
  return state;
}

const fromPod = (node = node1): RouteRequest['from'] => ({ kind: 'pod', ip: '10.128.0.50', node });
const toClusterIP = { host: '10.96.0.15', port: 80 };
const outcome = (r: RouteResult): string =>
  r.outcome === 'ok' ? `ok ${r.ip}:${r.port}` : r.outcome;

describe('routeConnection', () => {
  it('routes ClusterIP traffic to an endpoint on the slice port named like the Service port', () => {
    const state = setup({}, [ep('10.128.1.5', 'node-2')]);
    expect(outcome(routeConnection(state, { from: fromPod(), to: toClusterIP }, firstRule))).toBe(
      'ok 10.128.1.5:8080',
    );
  });

  it('finds no rule at an unknown address or port', () => {
    const state = setup({}, [ep('10.128.1.5', 'node-2')]);
    const r = routeConnection(
      state,
      { from: fromPod(), to: { host: '10.96.0.15', port: 81 } },
      firstRule,
    );
    expect(r.outcome).toBe('no-rule');
  });

  it('refuses when the Service has no usable endpoint (only not-ready ones)', () => {
    const state = setup({}, [ep('10.128.1.5', 'node-2', { ready: false, serving: false })]);
    expect(routeConnection(state, { from: fromPod(), to: toClusterIP }, firstRule).outcome).toBe(
      'refused',
    );
  });

  it('routes to a serving terminating endpoint when none is ready', () => {
    const state = setup({}, [ep('10.128.1.5', 'node-2', terminatingServing)]);
    expect(outcome(routeConnection(state, { from: fromPod(), to: toClusterIP }, firstRule))).toBe(
      'ok 10.128.1.5:8080',
    );
  });

  it('drops ClusterIP traffic under internalTrafficPolicy Local without a local endpoint', () => {
    const state = setup({ internalTrafficPolicy: 'Local' }, [ep('10.128.1.5', 'node-2')]);
    expect(routeConnection(state, { from: fromPod(), to: toClusterIP }, firstRule).outcome).toBe(
      'dropped',
    );
  });

  it('uses a local terminating endpoint under Local policy when no local one is ready', () => {
    const state = setup({ internalTrafficPolicy: 'Local' }, [
      ep('10.128.1.5', 'node-2'),
      ep('10.128.0.7', 'node-1', terminatingServing),
    ]);
    expect(outcome(routeConnection(state, { from: fromPod(), to: toClusterIP }, firstRule))).toBe(
      'ok 10.128.0.7:8080',
    );
  });

  it('routes a NodePort by node name or node IP, with Local external policy per receiving node', () => {
    const state = setup({ type: 'NodePort', externalTrafficPolicy: 'Local' }, [
      ep('10.128.1.5', 'node-2'),
    ]);
    const external = { kind: 'external', ip: '198.51.100.1' } as const;
    const at = (host: string): string =>
      outcome(
        routeConnection(state, { from: external, to: { host, port: 30080 }, nodes }, firstRule),
      );
    expect(at('node-2')).toBe('ok 10.128.1.5:8080');
    expect(at('192.168.1.2')).toBe('ok 10.128.1.5:8080');
    expect(at('node-1')).toBe('dropped');
    expect(at('192.168.1.1')).toBe('dropped');
    expect(at('node-9')).toBe('no-rule');
  });

  it('gives pod traffic to a Local NodePort Cluster semantics', () => {
    const state = setup({ type: 'NodePort', externalTrafficPolicy: 'Local' }, [
      ep('10.128.1.5', 'node-2'),
    ]);
    const lookup = (h: string) => nodes.find((n) => n.name === h);
    const r = routeConnection(
      state,
      { from: fromPod(), to: { host: 'node-1', port: 30080 }, nodes: lookup },
      firstRule,
    );
    expect(outcome(r)).toBe('ok 10.128.1.5:8080');
  });

  it('gives in-cluster traffic to an external IP Cluster semantics and outside traffic Local', () => {
    const state = setup({ externalIPs: ['192.0.2.7'], externalTrafficPolicy: 'Local' }, [
      ep('10.128.1.5', 'node-2'),
    ]);
    const to = { host: '192.0.2.7', port: 80 };
    expect(routeConnection(state, { from: fromPod(), to }, firstRule).outcome).toBe('ok');
    const outside = { kind: 'external', ip: '198.51.100.1' } as const;
    expect(routeConnection(state, { from: outside, to, via: node1 }, firstRule).outcome).toBe(
      'dropped',
    );
    expect(routeConnection(state, { from: outside, to, via: node2 }, firstRule).outcome).toBe('ok');
    expect(() => routeConnection(state, { from: outside, to }, firstRule)).toThrow(
      RouteRequestError,
    );
  });

  it('refuses a Local-policy Service with no usable endpoint anywhere', () => {
    const state = setup({ internalTrafficPolicy: 'Local' }, []);
    expect(routeConnection(state, { from: fromPod(), to: toClusterIP }, firstRule).outcome).toBe(
      'refused',
    );
  });
});

describe('routeConnection with ClientIP affinity', () => {
  const sticky = (timeoutSeconds?: number): Partial<ServiceSpec> => ({
    sessionAffinity: 'ClientIP',
    ...(timeoutSeconds !== undefined
      ? { sessionAffinityConfig: { clientIP: { timeoutSeconds } } }
      : {}),
  });
  const three = [
    ep('10.128.1.1', 'node-2'),
    ep('10.128.1.2', 'node-2'),
    ep('10.128.1.3', 'node-2'),
  ];
  const req: RouteRequest = { from: fromPod(), to: toClusterIP };

  it('keeps a client on the same endpoint within the timeout, whatever the draw', () => {
    const state = setup(sticky(), three);
    const table = new AffinityTable();
    expect(outcome(routeConnection(state, req, firstRule, table, 0))).toBe('ok 10.128.1.1:8080');
    expect(outcome(routeConnection(state, req, lastRule, table, 10_799_000))).toBe(
      'ok 10.128.1.1:8080',
    );
  });

  it('slides the window: each connection restarts the timeout', () => {
    const state = setup(sticky(10), three);
    const table = new AffinityTable();
    routeConnection(state, req, firstRule, table, 0);
    expect(outcome(routeConnection(state, req, lastRule, table, 9_000))).toBe('ok 10.128.1.1:8080');
    expect(outcome(routeConnection(state, req, lastRule, table, 18_000))).toBe(
      'ok 10.128.1.1:8080',
    );
  });

  it('draws afresh once the timeout has passed since the last use, and records the new choice', () => {
    const state = setup(sticky(10), three);
    const table = new AffinityTable();
    routeConnection(state, req, firstRule, table, 0);
    expect(outcome(routeConnection(state, req, lastRule, table, 10_000))).toBe(
      'ok 10.128.1.3:8080',
    );
    expect(outcome(routeConnection(state, req, firstRule, table, 11_000))).toBe(
      'ok 10.128.1.3:8080',
    );
  });

  it('moves the client when its endpoint stops being usable', () => {
    const state = setup(sticky(), three);
    const table = new AffinityTable();
    routeConnection(state, req, firstRule, table, 0);
    state.applySlice(
      'MODIFIED',
      makeSlice(
        'web-a',
        'web',
        [ep('10.128.1.1', 'node-2', { ready: false, serving: false }), ...three.slice(1)],
        [{ name: 'http', port: 8080, protocol: 'TCP' }],
      ),
    );
    expect(outcome(routeConnection(state, req, firstRule, table, 1_000))).toBe(
      'ok 10.128.1.2:8080',
    );
  });

  it('keeps clients apart: another client IP gets its own draw', () => {
    const state = setup(sticky(), three);
    const table = new AffinityTable();
    routeConnection(state, req, firstRule, table, 0);
    const other: RouteRequest = {
      from: { kind: 'pod', ip: '10.128.0.51', node: node1 },
      to: toClusterIP,
    };
    expect(outcome(routeConnection(state, other, lastRule, table, 1))).toBe('ok 10.128.1.3:8080');
    expect(table.size).toBe(2);
  });

  it('refuses affinity without the current time', () => {
    const state = setup(sticky(), three);
    expect(() => routeConnection(state, req, firstRule, new AffinityTable())).toThrow(
      RouteRequestError,
    );
  });
});
