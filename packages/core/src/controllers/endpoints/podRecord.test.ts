import { describe, it, expect } from 'vitest';
import { defaultClusterConfig } from '../../config.js';
import type { Pod } from '../../objects/pod.js';
import type { Service } from '../../objects/service.js';
import { makeNode, makePod, makeService } from '../../testing/fixtures.js';
import { deepFreeze } from './deepFreeze.test-helper.js';
import { reconcileEndpoints } from './reconcileEndpoints.js';
import { reconcileEndpointSlices } from './reconcileEndpointSlices.js';

const nodes = [makeNode('n1', 'zone-a')];
const pod = (i: number, o: Partial<Parameters<typeof makePod>[0]> = {}): Pod =>
  deepFreeze(
    makePod({
      name: `web-${i}`,
      uid: `u${i}`,
      labels: { app: 'web' },
      ip: `10.3.0.${i + 1}`,
      ready: true,
      nodeName: 'n1',
      ...o,
    }),
  );

function both(service: Service, pods: readonly Pod[]) {
  const config = defaultClusterConfig;
  const endpoints = reconcileEndpoints({ service, pods, existing: undefined, config, now: 0 });
  const slices = reconcileEndpointSlices({
    service,
    pods,
    existingSlices: [],
    nodes,
    config,
    now: 0,
  });
  return {
    addresses: endpoints?.object.subsets?.[0]?.addresses ?? [],
    endpoints: slices.toCreate[0]?.endpoints ?? [],
  };
}

describe('the per-pod record of the endpoint controllers', () => {
  it('gives the Endpoints address and the slice endpoint of a frozen pod one targetRef', () => {
    const svc = deepFreeze(makeService({ name: 'web', selector: { app: 'web' } }));
    const pods = [pod(0), pod(1)];
    const { addresses, endpoints } = both(svc, pods);
    expect(addresses.map((a) => a.targetRef?.uid)).toEqual(['u0', 'u1']);
    expect(endpoints.map((e) => e.targetRef?.uid)).toEqual(['u0', 'u1']);
    expect(addresses[0]?.targetRef).toBe(endpoints[0]?.targetRef);
    expect(addresses[1]?.targetRef).toBe(endpoints[1]?.targetRef);
    expect(Object.isFrozen(addresses[0]?.targetRef)).toBe(true);
  });

  it('keeps each controller right when a pod alternates between two Services', () => {
    // One record per pod: every field is checked against the Service it holds for.
    const a = deepFreeze(makeService({ name: 'a', selector: { app: 'web' } }));
    const b = deepFreeze(
      makeService({
        name: 'b',
        selector: { app: 'web' },
        ports: [{ name: 'x', port: 81, targetPort: 9000 }],
      }),
    );
    const pods = [pod(0), pod(1, { ready: false })];
    const first = both(a, pods);
    const other = both(b, pods);
    const again = both(a, pods);
    expect(again).toEqual(first);
    expect(other.endpoints.map((e) => e.conditions.ready)).toEqual([true, false]);
    const endpointsB = reconcileEndpoints({
      service: b,
      pods,
      existing: undefined,
      config: defaultClusterConfig,
      now: 0,
    });
    expect(endpointsB?.object.subsets?.[0]?.ports?.map((p) => p.port)).toEqual([9000]);
  });
});
