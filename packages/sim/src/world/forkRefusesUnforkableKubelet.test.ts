import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '@kubesim/core';
import { createSimulation } from '../simulation/createSimulation.js';
import type { KubeletAgent } from './agentHost.js';

describe('sim.fork() and a custom kubelet that cannot be copied', () => {
  it('refuses up front, naming the node, and leaves the parent running as before', () => {
    const plain = (_host: unknown, nodeName: string): KubeletAgent => ({
      nodeName,
      onPodEvent: () => undefined,
      setPodCIDR: () => undefined,
    });
    const sim = createSimulation({ seed: 1, kubelet: plain });
    sim.addNodes(2);
    sim.runFor('10s');
    const before = sim.trace.hash();
    let caught: unknown;
    try {
      sim.fork();
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InvalidArgumentError);
    expect((caught as Error).message).toMatch(/kubelet of node node-0 .*forkInto/);
    expect(sim.trace.hash()).toBe(before);
    sim.runFor('10s');
    expect(sim.now).toBeGreaterThan(0);
  });

  it('forks when every kubelet can be copied (the default kubelet)', () => {
    const sim = createSimulation({ seed: 1 });
    sim.addNodes(2);
    sim.runFor('10s');
    expect(() => sim.fork()).not.toThrow();
  });
});
