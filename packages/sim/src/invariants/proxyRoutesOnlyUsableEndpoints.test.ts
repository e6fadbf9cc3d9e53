import { describe, expect, it, vi } from 'vitest';
import {
  ProxyState,
  type CategorizedEndpoints,
  type Frontend,
  type ProxyNode,
} from '@kubesim/core';
import { worldOf } from './_internals/worldOf.js';
import { proxyRoutesOnlyUsableEndpoints } from './proxyRoutesOnlyUsableEndpoints.js';
import { runChecked, webCluster } from './_internals/checkedRun.test-helper.js';

/** A kube-proxy that routes to every endpoint it knows, usable or not. */
class RoutesToEverything extends ProxyState {
  override categorize(frontend: Frontend, node: ProxyNode): CategorizedEndpoints {
    const real = super.categorize(frontend, node);
    const all = this.endpointsOf(frontend.serviceKey, frontend.port.name, frontend.port.protocol);
    return { ...real, cluster: all, internal: all };
  }
}

describe('proxy-routes-only-usable-endpoints', () => {
  it('holds while a pod fails readiness and while its node is down', () => {
    const sim = webCluster(2);
    const inv = proxyRoutesOnlyUsableEndpoints();
    sim.faults.schedule([{ at: '10s', type: 'crashNode', target: 'node-0', duration: '3m' }]);
    sim.at('20s', (s) => {
      const pod = s.list('Pod').find((p) => p.spec.nodeName !== 'node-0');
      if (pod !== undefined) s.faults.failReadiness(`default/${pod.metadata.name}`, '1m');
    });
    expect(runChecked(sim, [inv], 5 * 60_000)).toEqual([]);
  });

  it('flags a kube-proxy that routes to an endpoint that is not ready in its view', () => {
    const sim = webCluster(2);
    sim.runFor('30s');
    const pod = sim.list('Pod')[0];
    if (pod === undefined) throw new Error('no pod');
    sim.faults.failReadiness(`default/${pod.metadata.name}`);
    sim.runFor('1m');
    const world = worldOf(sim);
    const fake = new RoutesToEverything({ nodeName: 'node-1' });
    fake.applyService('ADDED', sim.get('Service', 'web') ?? (undefined as never));
    for (const s of sim.list('EndpointSlice', { labelSelector: 'kubernetes.io/service-name=web' }))
      fake.applySlice('ADDED', s);
    const real = world.proxies.stateFor.bind(world.proxies);
    vi.spyOn(world.proxies, 'stateFor').mockImplementation((n) =>
      n === 'node-1' ? fake : real(n),
    );
    const found = proxyRoutesOnlyUsableEndpoints().check(sim, 'step');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(
      /node-1 routes default\/web:80 \(Cluster\) to .* neither ready nor serving\+terminating/,
    );
  });
});
