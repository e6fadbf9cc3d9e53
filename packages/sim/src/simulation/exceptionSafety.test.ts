import { describe, expect, it } from 'vitest';
import { KubesimError, ValidationError, type Controller } from '@kubesim/core';
import { webAppManifests } from '../testFixtures.test-helper.js';
import { createSimulation } from './createSimulation.js';
import type { Simulation } from './types.js';

/** A settled one-node cluster running a two-replica web app. */
function cluster(): Simulation {
  const sim = createSimulation({ seed: 'exception-safety' });
  sim.addNodes(1);
  sim.apply(webAppManifests('web', 2));
  sim.settle();
  return sim;
}

/** Everything an error must leave alone: objects, resourceVersion and the trace. */
function state(sim: Simulation): string {
  const snap = sim.snapshot();
  return JSON.stringify([
    snap.resourceVersion,
    sim.trace.hash(),
    sim.trace.entries.length,
    ...snap.kinds().map((k) => [k, snap.listInert(k)]),
  ]);
}

function expectTypedWithoutChange(sim: Simulation, fn: () => unknown): KubesimError {
  const before = state(sim);
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(KubesimError);
  expect(state(sim)).toBe(before);
  return caught as KubesimError;
}

describe('errors after commit no longer escape: typed errors with nothing changed', () => {
  it('addNodes with cpu 1e30 is refused whole, and the next addNodes still works', () => {
    const sim = cluster();
    const err = expectTypedWithoutChange(sim, () => sim.addNodes(1, { cpu: '1e30' }));
    expect(err).toBeInstanceOf(ValidationError);
    expect(sim.list('Node')).toHaveLength(1);
    const [added] = sim.addNodes(1);
    expect(added?.metadata.name).toBe('node-1');
    sim.settle();
  });

  it('bad Node status quantities in a manifest are refused at apply', () => {
    const sim = cluster();
    expectTypedWithoutChange(sim, () =>
      sim.apply({
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: 'extra' },
        status: { capacity: { cpu: 'zz', memory: '1Gi', pods: '10' } },
      }),
    );
    sim.runFor('1m');
  });

  it('a BigInt in a field is a ValidationError, not a crash of the trace', () => {
    const sim = cluster();
    expectTypedWithoutChange(sim, () =>
      sim.apply({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'c' },
        data: { n: 1n },
      } as never),
    );
    expect(sim.getInert('ConfigMap', 'c')).toBeUndefined();
  });

  it('addController({}) is refused when added, and later writes still work', () => {
    const sim = cluster();
    const err = expectTypedWithoutChange(sim, () => {
      sim.addController({} as Controller);
    });
    expect(err.message).toContain('keysFor: Required value');
    sim.apply(webAppManifests('other', 1));
    sim.settle();
    expect(sim.list('Pod')).toHaveLength(3);
  });

  it('sim.update and re-apply validate before defaulting (ports: 80 is a ValidationError)', () => {
    const sim = cluster();
    expectTypedWithoutChange(sim, () =>
      sim.update('Deployment', 'web', (d) => {
        (d.spec.template.spec.containers[0] as unknown as Record<string, unknown>)['ports'] = 80;
      }),
    );
    const [dep] = webAppManifests('web', 2) as [Record<string, unknown>];
    expectTypedWithoutChange(sim, () =>
      sim.apply({
        ...dep,
        spec: { ...(dep['spec'] as object), strategy: 'RollingUpdate' },
      } as never),
    );
  });

  it('a user updateStatus with a bad condition is refused; later runFor and table work', () => {
    const sim = cluster();
    expectTypedWithoutChange(sim, () =>
      sim.updateStatus('Node', 'node-0', (n) => {
        (n.status as Record<string, unknown>)['conditions'] = [null];
      }),
    );
    sim.runFor('2m');
    expect(sim.table('Node')).toContain('node-0');
  });

  it('metadata.labels: null is applied as no labels, and the object can be deleted', () => {
    const sim = cluster();
    sim.apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  labels:\n');
    expect(sim.getInert('ConfigMap', 'cfg')?.metadata.labels).toBeUndefined();
    sim.delete('ConfigMap', 'cfg');
    expect(sim.getInert('ConfigMap', 'cfg')).toBeUndefined();
  });
});
