// The engine's contract with users (issue: engine): timeline A, crash loops and settle, runaway
// controllers, determinism.
import { describe, expect, it } from 'vitest';
import { BudgetExceededError, type Controller } from '@kubesim/core';
import { createSimulation } from '@kubesim/sim';
import { podsOf, runTo, webApp } from './helpers.js';

describe('timeline A: deleting a pod of a 3-replica Deployment (grace 30 s)', () => {
  it('endpoint goes terminating after the EndpointSlice watch delay, a replacement follows the ReplicaSet delay, and the old endpoint disappears when the pod is gone plus that delay', () => {
    const DELAY = 500;
    const EXIT_AFTER_TERM = 12_000;
    const sim = createSimulation({ seed: 21, config: { controllerWatchDelay: DELAY } });
    sim.addNodes(3);
    sim.apply(
      webApp('web', 3, {
        annotations: { 'kubesim.io/behavior': `{terminationDelay: ${EXIT_AFTER_TERM}}` },
      }),
    );
    sim.settle();
    const [victim] = podsOf(sim, 'web');
    const key = `default/${victim?.metadata.name ?? ''}`;
    const endpoint = () => sim.endpointsOf('web').find((e) => e.podKey === key);
    const T = sim.now + 10_000;
    runTo(sim, T);
    sim.delete('Pod', key); // grace 30 s from the pod spec default
    expect(sim.get('Pod', key)?.metadata.deletionGracePeriodSeconds).toBe(30);

    runTo(sim, T + DELAY - 1);
    expect(endpoint()).toMatchObject({ ready: true, terminating: false });
    expect(podsOf(sim, 'web')).toHaveLength(3);
    runTo(sim, T + DELAY);
    // Still Ready: the kubelet keeps probing during shutdown, so serving stays true (§3.B).
    expect(endpoint()).toMatchObject({ ready: false, serving: true, terminating: true });
    expect(
      podsOf(sim, 'web').filter((p) => p.metadata.deletionTimestamp === undefined),
    ).toHaveLength(3);

    // The app exits 12 s after TERM; the kubelet sees the deletion after its own delay (0 here),
    // the pod reaches a terminal phase and is removed; the endpoint goes one watch delay later.
    const gone = T + EXIT_AFTER_TERM;
    runTo(sim, gone - 1);
    expect(sim.get('Pod', key)).toBeDefined();
    expect(endpoint()).toBeDefined();
    runTo(sim, gone);
    expect(sim.get('Pod', key)).toBeUndefined();
    runTo(sim, gone + DELAY - 1);
    expect(endpoint()).toBeDefined();
    runTo(sim, gone + DELAY);
    expect(endpoint()).toBeUndefined();
    expect(
      sim.runUntil((s) => s.endpointsOf('web').filter((e) => e.ready).length === 3, {
        timeout: '1m',
      }),
    ).toBe(true);
  });
});

describe('settle', () => {
  it('returns on a crash-looping pod: scripted crashes are the application, not convergence work', () => {
    const sim = createSimulation();
    sim.addNodes(1);
    sim.apply(
      webApp('loop', 1, {
        annotations: { 'kubesim.io/behavior': '{crashAfter: 1s, exitCode: 2}' },
      }),
    );
    sim.settle({ timeout: '1h' });
    // Settled once the pod runs; the loop goes on in virtual time.
    expect(sim.now).toBeLessThan(10_000);
    expect(podsOf(sim, 'loop')[0]?.status.phase).toBe('Running');
    sim.runFor('30m');
    const restarts = podsOf(sim, 'loop')[0]?.status.containerStatuses?.[0]?.restartCount ?? 0;
    expect(restarts).toBeGreaterThanOrEqual(6);
    // At the back-off cap a settle returns at once, and the next restart comes 300 s + 1 s later.
    sim.settle();
    sim.runFor('302s');
    expect(podsOf(sim, 'loop')[0]?.status.containerStatuses?.[0]?.restartCount).toBe(restarts + 1);
  });

  it('does not wait for a crash or a readiness failure scripted far in the future', () => {
    for (const behavior of ['{crashAfter: 2h}', '{readinessFailing: [{from: 1h, for: 30s}]}']) {
      const sim = createSimulation();
      sim.addNodes(1);
      sim.apply(
        webApp('app', 1, {
          annotations: { 'kubesim.io/behavior': behavior },
          readinessProbe: true,
        }),
      );
      sim.settle();
      expect(sim.now).toBeLessThan(60_000);
      expect(sim.endpointsOf('app').filter((e) => e.ready)).toHaveLength(1);
    }
  });

  it('throws BudgetExceededError naming a runaway controller and its key', () => {
    const sim = createSimulation();
    // A controller that rewrites a label on every reconcile never converges at one instant.
    const runaway: Controller = {
      name: 'runaway-controller',
      keysFor: (ev) => (ev.kind === 'Namespace' ? [ev.key] : []),
      reconcile: (view, key) => {
        const ns = view.get('Namespace', key);
        if (ns === undefined) return { actions: [] };
        const n = Number(ns.metadata.labels?.['flip'] ?? '0') + 1;
        return {
          actions: [
            {
              verb: 'update',
              object: { ...ns, metadata: { ...ns.metadata, labels: { flip: String(n) } } },
            },
          ],
        };
      },
    };
    sim.addController(runaway);
    sim.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'spin' } });
    let error: unknown;
    try {
      sim.settle();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect((error as BudgetExceededError).controller).toBe('runaway-controller');
    expect((error as BudgetExceededError).key).toBe('spin');
    expect((error as Error).message).toContain('runaway-controller');
  });
});

describe('determinism', () => {
  const scenario = (seed: number): string => {
    const sim = createSimulation({ seed });
    sim.addNodes(5, { zones: ['a', 'b'] });
    sim.apply(
      webApp('web', 6, {
        annotations: { 'kubesim.io/behavior': '{readyAfter: 3s}' },
        readinessProbe: true,
      }),
    );
    sim.settle();
    sim.at(sim.now + 5_000, (s) => {
      s.faults.crashNode('node-1');
    });
    sim.traffic({ from: { node: 'node-0' }, to: 'web', every: '250ms', until: '3m' });
    sim.runFor('8m');
    return sim.trace.hash();
  };

  it('the same scenario and seed give an identical trace hash', () => {
    expect(scenario(42)).toBe(scenario(42));
  });

  it('a different seed changes the hash of a scenario that makes random choices', () => {
    expect(scenario(42)).not.toBe(scenario(43));
  });
});
