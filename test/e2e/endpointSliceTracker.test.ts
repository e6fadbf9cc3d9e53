// The EndpointSlice controller's tracker in a running simulation (k8s.io/endpointslice
// util/endpointslice_tracker.go, pkg/controller/endpointslice/endpointslice_controller.go
// onEndpointSliceAdd/Update/Delete): its own slice writes do not resync the Service; a user's edit
// or deletion of one of its slices does, and is repaired; forks keep their own tracker.
import { describe, expect, it } from 'vitest';
import type { EndpointSlice } from '@kubesim/core';
import { createSimulation, type Simulation } from '@kubesim/sim';
import { settledWeb } from './helpers.js';

const CONTROLLER = 'endpointslice-controller';
const reconciles = (sim: Simulation): number => sim.stats().reconciles[CONTROLLER] ?? 0;

function sliceOf(sim: Simulation, service = 'web'): EndpointSlice {
  const slices = sim.list('EndpointSlice', {
    labelSelector: `kubernetes.io/service-name=${service}`,
  });
  expect(slices).toHaveLength(1);
  const [slice] = slices;
  if (slice === undefined) throw new Error('no slice');
  return slice;
}

const keyOf = (s: EndpointSlice): string => `${s.metadata.namespace}/${s.metadata.name}`;
const addresses = (s: EndpointSlice): string[] =>
  s.endpoints.flatMap((e) => [...e.addresses]).sort();

describe('EndpointSlice tracker', () => {
  it('a Service whose slice the controller writes once is reconciled once, not again for its own write', () => {
    const sim = createSimulation({ seed: 3 });
    sim.addNodes(1);
    sim.settle();
    const before = reconciles(sim);
    sim.apply({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'lonely' },
      spec: { selector: { app: 'none' }, ports: [{ port: 80 }] },
    });
    sim.settle();
    // The placeholder slice was created by the one reconcile of the Service's ADDED event.
    expect(sliceOf(sim, 'lonely').endpoints).toEqual([]);
    expect(reconciles(sim) - before).toBe(1);
  });

  it('a user edit of a controller slice (a newer generation) resyncs the Service and is repaired', () => {
    const sim = settledWeb();
    const slice = sliceOf(sim);
    const good = addresses(slice);
    expect(good).toHaveLength(2);
    const before = reconciles(sim);
    sim.update('EndpointSlice', keyOf(slice), (d) => {
      d.endpoints = [];
    });
    expect(sliceOf(sim).metadata.generation).toBe((slice.metadata.generation ?? 0) + 1);
    sim.settle();
    expect(addresses(sliceOf(sim))).toEqual(good);
    expect(reconciles(sim) - before).toBe(1);
  });

  it('a user relabel of a controller slice moves its generation and is reverted', () => {
    const sim = settledWeb();
    const slice = sliceOf(sim);
    sim.update('EndpointSlice', keyOf(slice), (d) => {
      d.metadata.labels = { ...d.metadata.labels, extra: 'x' };
    });
    sim.settle();
    expect(sliceOf(sim).metadata.labels?.['extra']).toBeUndefined();
  });

  it('an annotation-only user edit keeps the generation and syncs nothing (as upstream)', () => {
    const sim = settledWeb();
    const slice = sliceOf(sim);
    const before = reconciles(sim);
    sim.update('EndpointSlice', keyOf(slice), (d) => {
      d.metadata.annotations = { ...d.metadata.annotations, note: 'mine' };
    });
    sim.settle();
    expect(reconciles(sim) - before).toBe(0);
    expect(sliceOf(sim).metadata.annotations?.['note']).toBe('mine');
  });

  it('a user deletion of a controller slice resyncs the Service, which recreates it', () => {
    const sim = settledWeb();
    const slice = sliceOf(sim);
    const good = addresses(slice);
    sim.delete('EndpointSlice', keyOf(slice));
    sim.settle();
    const again = sliceOf(sim);
    expect(again.metadata.uid).not.toBe(slice.metadata.uid);
    expect(addresses(again)).toEqual(good);
  });

  it('a fork keeps its own tracker: a write in the parent does not hide a user edit in the fork', () => {
    const sim = settledWeb();
    const fork = sim.fork();
    const slice = sliceOf(sim);
    // The parent's controller writes the next generation of the slice (a third endpoint) ...
    sim.update('Deployment', 'web', (d) => {
      d.spec.replicas = 3;
    });
    sim.settle();
    expect(sliceOf(sim).metadata.generation).toBeGreaterThan(slice.metadata.generation ?? 0);
    // ... while in the fork a user writes that same generation number: a tracker shared with the
    // parent would take it for its own write and never repair it.
    const good = addresses(sliceOf(fork));
    const target = sliceOf(sim).metadata.generation ?? 0;
    for (let i = 0; (sliceOf(fork).metadata.generation ?? 0) < target; i++) {
      fork.update('EndpointSlice', keyOf(slice), (d) => {
        d.endpoints = [];
        d.metadata.labels = { ...d.metadata.labels, edit: String(i) };
      });
    }
    expect(sliceOf(fork).metadata.generation).toBe(sliceOf(sim).metadata.generation);
    fork.settle();
    expect(addresses(sliceOf(fork))).toEqual(good);
  });

  it('the same seed gives the same trace with user slice edits and a fork', () => {
    const run = (): string[] => {
      const sim = settledWeb(11);
      const fork = sim.fork();
      for (const s of [sim, fork]) {
        s.update('EndpointSlice', keyOf(sliceOf(s)), (d) => {
          d.endpoints = [];
        });
        s.runFor('30s');
      }
      return [sim.trace.hash(), fork.trace.hash()];
    };
    expect(run()).toEqual(run());
  });
});
