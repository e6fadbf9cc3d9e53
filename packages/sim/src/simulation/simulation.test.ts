import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BudgetExceededError, ConfigError, ValidationError } from '@kubesim/core';
import { createSimulation } from './createSimulation.js';
import type { Simulation } from './types.js';

const guestbook = readFileSync(
  new URL(
    '../../../../test/fixtures/kubernetes-examples/guestbook-all-in-one.yaml',
    import.meta.url,
  ),
  'utf8',
);

const service = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: { selector: { app: name }, ports: [{ port: 80 }], ...extra },
});

describe('createSimulation', () => {
  it('starts with the bootstrap namespaces and the kubernetes Service at .1', () => {
    const sim = createSimulation();
    expect(sim.list('Namespace').map((n) => n.metadata.name)).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
    expect(sim.get('Service', 'kubernetes')?.spec.clusterIP).toBe('10.96.0.1');
    expect(sim.now).toBe(0);
  });

  it('refuses a bad config value naming the field', () => {
    expect(() => createSimulation({ config: { nodeMonitorPeriod: -5 } })).toThrow(ConfigError);
    expect(() => createSimulation({ config: { nodeMonitorPeriod: -5 } })).toThrow(
      /nodeMonitorPeriod/,
    );
  });

  it('accepts Go durations in config, e.g. the ≤1.31 grace period', () => {
    expect(() => createSimulation({ config: { nodeMonitorGracePeriod: '40s' } })).not.toThrow();
  });
});

describe('apply', () => {
  it('loads the guestbook manifests whole and allocates a NodePort for the frontend', () => {
    const sim = createSimulation({ seed: 7 });
    const applied = sim.apply(guestbook);
    expect(applied.map((o) => o.kind)).toEqual([
      'Service',
      'Deployment',
      'Service',
      'Deployment',
      'Service',
      'Deployment',
    ]);
    const frontend = sim.get('Service', 'frontend');
    const nodePort = frontend?.spec.ports[0]?.nodePort ?? 0;
    expect(nodePort).toBeGreaterThanOrEqual(30086);
    expect(nodePort).toBeLessThanOrEqual(32767);
  });

  it('is all-or-nothing: an invalid document leaves nothing behind', () => {
    const sim = createSimulation();
    const before = sim.list('Service').length;
    const rvBefore = sim.snapshot().resourceVersion;
    expect(() => sim.apply([service('good'), service('1bad')])).toThrow(ValidationError);
    expect(sim.list('Service')).toHaveLength(before);
    expect(sim.get('Service', 'good')).toBeUndefined();
    expect(sim.snapshot().resourceVersion).toBe(rvBefore);
  });

  it('gives every selector Service a placeholder slice once the controller has run', () => {
    const sim = createSimulation();
    sim.apply(service('web'));
    expect(
      sim.list('EndpointSlice', { labelSelector: 'kubernetes.io/service-name=web' }),
    ).toHaveLength(0);
    sim.settle();
    const slices = sim.list('EndpointSlice', { labelSelector: 'kubernetes.io/service-name=web' });
    expect(slices).toHaveLength(1);
    expect(slices[0]?.endpoints).toEqual([]);
    expect(sim.endpointsOf('web')).toEqual([]);
  });
});

describe('virtual time', () => {
  it('runs callbacks at their absolute time and advances the clock exactly', () => {
    const sim = createSimulation();
    const seen: number[] = [];
    sim.at('1m', (s) => seen.push(s.now));
    sim.at(1500, (s) => seen.push(s.now));
    sim.runFor('30s');
    expect(seen).toEqual([1500]);
    expect(sim.now).toBe(30_000);
    sim.runFor('1m');
    expect(seen).toEqual([1500, 60_000]);
    expect(sim.now).toBe(90_000);
  });

  it('runUntil returns false on timeout with the clock at the deadline', () => {
    const sim = createSimulation();
    expect(sim.runUntil(() => false, { timeout: '10s' })).toBe(false);
    expect(sim.now).toBe(10_000);
    sim.at('12s', (s) => s.apply(service('late')));
    expect(sim.runUntil((s) => s.get('Service', 'late') !== undefined, { timeout: '1m' })).toBe(
      true,
    );
    expect(sim.now).toBe(12_000);
  });

  it('settle throws BudgetExceededError naming what is pending when it cannot settle', () => {
    const sim = createSimulation();
    const again = (s: Simulation): void => {
      s.at(s.now + 1000, again);
    };
    sim.at(0, again);
    expect(() => {
      sim.settle({ timeout: '1m' });
    }).toThrow(BudgetExceededError);
    expect(() => {
      sim.settle({ timeout: '1m' });
    }).toThrow(/user at/);
  });
});

describe('watch', () => {
  it('delivers ADDED for existing objects, then changes after the delay', () => {
    const sim = createSimulation();
    sim.apply(service('a'));
    const events: string[] = [];
    const stop = sim.watch(
      'Service',
      (ev) => events.push(`${sim.now}:${ev.type}:${ev.object.metadata.name}`),
      { delay: '2s', labelSelector: '' },
    );
    expect(events).toEqual(['0:ADDED:a', '0:ADDED:kubernetes']);
    sim.apply(service('b'));
    sim.runFor('1s');
    expect(events).toHaveLength(2);
    sim.runFor('1s');
    expect(events).toEqual(['0:ADDED:a', '0:ADDED:kubernetes', '2000:ADDED:b']);
    stop();
    sim.delete('Service', 'b');
    sim.runFor('5s');
    expect(events).toHaveLength(3);
  });
});

describe('determinism', () => {
  const run = (seed: number): string => {
    const sim = createSimulation({ seed });
    sim.addNodes(3, { zones: ['a', 'b'] });
    sim.apply(guestbook);
    sim.settle();
    sim.runFor('1m');
    return sim.trace.hash();
  };

  it('gives the same trace hash for the same seed', () => {
    expect(run(3)).toBe(run(3));
  });

  it('gives a different hash for a different seed (ClusterIPs and names are drawn)', () => {
    expect(run(3)).not.toBe(run(4));
  });
});

describe('watch with a label selector', () => {
  it('turns an object leaving the selector into DELETED and one entering it into ADDED', () => {
    const sim = createSimulation();
    sim.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'unused' } });
    sim.apply(service('a'));
    const events: string[] = [];
    sim.watch(
      'Service',
      (ev) => events.push(`${ev.type}:${ev.object.metadata.labels?.['tier'] ?? '-'}`),
      {
        labelSelector: 'tier=web',
      },
    );
    const relabel = (tier: string): void => {
      sim.update('Service', 'a', (d) => {
        d.metadata.labels = { tier };
      });
      sim.runFor(1);
    };
    relabel('web');
    relabel('web2');
    relabel('web');
    sim.update('Service', 'a', (d) => {
      d.metadata.annotations = { touched: 'yes' };
    });
    sim.runFor(1);
    sim.delete('Service', 'a');
    sim.runFor(1);
    expect(events).toEqual([
      'ADDED:web',
      'DELETED:web2',
      'ADDED:web',
      'MODIFIED:web',
      'DELETED:web',
    ]);
  });
});
