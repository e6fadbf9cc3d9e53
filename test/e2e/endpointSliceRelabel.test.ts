// A tracked EndpointSlice relabelled away (service-name or managed-by) and back, then deleted by
// someone else: upstream never forgets a slice on a relabel, so onEndpointSliceDelete resyncs the
// Service and the slice is recreated. kubesim forgets it on the relabel away (its StaleSlices rule)
// and tracks it again when it comes back (endpointSliceController.ts trackedSliceKeys). Controls:
// a Service deleted and recreated, and a deletion in a fork only.
import { describe, expect, it } from 'vitest';
import type { EndpointSlice } from '@kubesim/core';
import type { Simulation } from '@kubesim/sim';
import { settledWeb } from './helpers.js';

const slicesOf = (sim: Simulation, service = 'web'): EndpointSlice[] =>
  sim.list('EndpointSlice', { labelSelector: `kubernetes.io/service-name=${service}` });
const keyOf = (s: EndpointSlice): string => `${s.metadata.namespace}/${s.metadata.name}`;
const addresses = (sim: Simulation): string[] =>
  slicesOf(sim)
    .flatMap((s) => s.endpoints.flatMap((e) => [...e.addresses]))
    .sort();

describe('EndpointSlice tracker: a slice relabelled away and back is tracked again', () => {
  for (const label of ['kubernetes.io/service-name', 'endpointslice.kubernetes.io/managed-by']) {
    it(`${label} away and back, then a user deletion: the Service gets its slice back`, () => {
      const sim = settledWeb();
      const [slice] = slicesOf(sim);
      if (slice === undefined) throw new Error('no slice');
      const good = addresses(sim);
      expect(good).toHaveLength(2);
      const original = slice.metadata.labels?.[label];
      sim.update('EndpointSlice', keyOf(slice), (d) => {
        d.metadata.labels = { ...d.metadata.labels, [label]: 'someone-else' };
      });
      sim.update('EndpointSlice', keyOf(slice), (d) => {
        d.metadata.labels = { ...d.metadata.labels, [label]: original as string };
      });
      sim.settle();
      expect(addresses(sim)).toEqual(good);
      sim.delete('EndpointSlice', keyOf(slicesOf(sim)[0] as EndpointSlice));
      sim.settle();
      expect(addresses(sim)).toEqual(good);
    });
  }

  it('Service deleted and recreated at once, then a user deletes the new slice: it comes back', () => {
    const sim = settledWeb();
    const good = addresses(sim);
    const svc = sim.get('Service', 'default/web');
    if (svc === undefined) throw new Error('no service');
    sim.delete('Service', 'default/web');
    sim.apply({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: svc.spec.selector, ports: svc.spec.ports },
    });
    sim.settle();
    expect(addresses(sim)).toEqual(good);
    for (const s of slicesOf(sim)) sim.delete('EndpointSlice', keyOf(s));
    sim.settle();
    expect(addresses(sim)).toEqual(good);
  });

  it('a fork: relabel round trip and deletion in the fork only; the parent is unaffected and the fork repairs', () => {
    const sim = settledWeb();
    const good = addresses(sim);
    const fork = sim.fork();
    const [slice] = slicesOf(fork);
    if (slice === undefined) throw new Error('no slice');
    fork.delete('EndpointSlice', keyOf(slice));
    fork.settle();
    expect(addresses(fork)).toEqual(good);
    sim.delete('EndpointSlice', keyOf(slice));
    sim.settle();
    expect(addresses(sim)).toEqual(good);
  });
});
