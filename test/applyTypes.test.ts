// Issue 15, types: `apply` results narrowed by kind, `watch` typed per kind, and client-node
// objects (Date timestamps) handed to the library through `fromClientNode`. `npm run build`
// type-checks this file (tsconfig.json); vitest runs the value-level checks.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Deployment, InertObject, Pod, Service, StoredObject } from '@kubesim/core';
import { createSimulation, fromClientNode, type ApplyResult, type WatchEvent } from '@kubesim/sim';

const labels = { app: 'web' };

function cluster() {
  const sim = createSimulation({ seed: 'types' });
  sim.addNodes(1);
  return sim;
}

describe('apply results are narrowed by kind', () => {
  it("an object gives its kind's stored type, an array the union, a tuple the tuple, YAML stored objects", () => {
    const sim = cluster();
    const [deployment] = sim.apply({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 2,
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      },
    });
    expectTypeOf(deployment).toEqualTypeOf<Deployment>();
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.strategy.type).toBe('RollingUpdate'); // defaulted, typed

    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: labels, ports: [{ port: 80 }] },
    } as const;
    const configMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cm' },
      data: { k: 'v' },
    } as const;
    const pair = sim.apply([service, configMap] as const);
    expectTypeOf(pair[0]).toEqualTypeOf<Service>();
    expectTypeOf(pair[1]).toEqualTypeOf<InertObject>();
    expect(pair[0].spec.clusterIP).toMatch(/^10\.(9[6-9]|1[01]\d)\.\d+\.\d+$/); // 10.96.0.0/12
    expect(pair[1]['data']).toEqual({ k: 'v' });
    expect(pair.warnings).toEqual([]);

    const mixed: (typeof service | typeof configMap)[] = [service, configMap];
    const both = sim.apply(mixed);
    expectTypeOf<(typeof both)[number]>().toEqualTypeOf<Service | InertObject>();
    expect(both.map((o) => o.kind)).toEqual(['Service', 'ConfigMap']);

    const fromYaml = sim.apply('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}\n');
    expectTypeOf(fromYaml).toEqualTypeOf<ApplyResult>();
    expectTypeOf(fromYaml[0]).toEqualTypeOf<StoredObject | undefined>();
    expect(fromYaml[0]?.kind).toBe('ConfigMap');
  });
});

describe('watch is typed per kind', () => {
  it('a Pod watch delivers Pods', () => {
    const sim = cluster();
    const seen: string[] = [];
    const stop = sim.watch('Pod', (ev) => {
      expectTypeOf(ev).toEqualTypeOf<WatchEvent<Pod>>();
      seen.push(`${ev.type} ${ev.object.spec.containers[0]?.name ?? ''}`);
    });
    sim.apply({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    });
    sim.runFor('1s');
    stop();
    expect(seen[0]).toBe('ADDED c');
  });
});

describe('client-node objects go in through fromClientNode', () => {
  it('Date timestamps become RFC 3339 strings, undefined fields go, and apply takes the result', () => {
    // The shape @kubernetes/client-node decodes: Dates for timestamps, undefined for absent fields.
    const fromClient = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'cm',
        creationTimestamp: new Date(Date.UTC(2025, 0, 1, 0, 0, 5)),
        deletionTimestamp: undefined,
      },
      data: { at: 'x' },
    };
    const plain = fromClientNode(fromClient);
    expectTypeOf(plain.metadata.creationTimestamp).toEqualTypeOf<string>();
    expect(plain).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cm', creationTimestamp: '2025-01-01T00:00:05Z' },
      data: { at: 'x' },
    });
    expect(
      fromClientNode({ t: new Date(Date.UTC(2025, 0, 1, 0, 0, 5, 250)), l: [new Date(0)] }),
    ).toEqual({ t: '2025-01-01T00:00:05.250Z', l: ['1970-01-01T00:00:00Z'] });
    const sim = cluster();
    const [stored] = sim.apply(plain);
    expect(stored.metadata.name).toBe('cm');
  });
});
