// Issue 14, input guards: each bullet of the issue about arguments, sizes and late errors has a
// regression test named after it. Every refusal is a typed KubesimError with the argument or field
// path, and leaves the store, the clock and the trace unchanged.
import {
  InvalidArgumentError,
  KubesimError,
  ManifestParseError,
  NotFoundError,
  ValidationError,
} from '@kubesim/core';
import { createSimulation, type Simulation } from '@kubesim/sim';
import { describe, expect, it } from 'vitest';
import { fingerprint } from './storeFingerprint.js';

type Obj = Record<string, unknown>;

function cluster(): Simulation {
  const sim = createSimulation({ seed: 'guards' });
  sim.addNodes(2, { zones: ['a', 'b'] });
  return sim;
}

/** Calls `fn` expecting a refusal of class `cls`; returns it after checking nothing changed. */
function refusedWith<E extends KubesimError>(
  sim: Simulation,
  cls: abstract new (...args: never[]) => E,
  fn: () => unknown,
): E {
  const before = fingerprint(sim);
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(cls);
  expect(fingerprint(sim)).toBe(before);
  return error as E;
}

const statefulSet = (spec: Obj = {}): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'db' },
  spec: {
    replicas: 1,
    serviceName: 'db',
    selector: { matchLabels: { app: 'db' } },
    template: {
      metadata: { labels: { app: 'db' } },
      spec: { containers: [{ name: 'c', image: 'postgres' }] },
    },
    ...spec,
  },
});

describe('issue 14: input guards', () => {
  it("addNodes(-1 | NaN | 1.5 | '2') corrupts node numbering — now refused, numbering intact", () => {
    const sim = cluster();
    for (const bad of [-1, Number.NaN, 1.5, '2', null, undefined]) {
      const e = refusedWith(sim, InvalidArgumentError, () => sim.addNodes(bad as number));
      expect(e.message).toMatch(/^addNodes\(count\): must be a whole number from 0 to \d+, got /);
    }
    expect(sim.addNodes(1).map((n) => n.metadata.name)).toEqual(['node-2']);
  });

  it('No size limits: 1e9 nodes runs out of memory — now refused by config.maxNodes, which a test can raise', () => {
    const sim = cluster();
    const e = refusedWith(sim, InvalidArgumentError, () => sim.addNodes(1e9));
    expect(e.message).toContain('from 0 to 19998'); // 20,000 (maxNodes) minus the 2 nodes there
    // A setting given at the top level instead of in config is refused, not silently dropped.
    expect(() => createSimulation({ seed: 1, maxNodes: 3 } as never)).toThrow(
      'config.maxNodes: is not an option of createSimulation',
    );
    const small = createSimulation({ seed: 1, config: { maxNodes: 3 } });
    small.addNodes(3);
    refusedWith(small, InvalidArgumentError, () => small.addNodes(1));
  });

  it('replicas: 1e6 takes 31 s to fail with a misleading "never converges" — now refused at once by config.maxReplicas', () => {
    const sim = cluster();
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 1e6,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'c', image: 'nginx' }] },
        },
      },
    };
    const t0 = performance.now();
    const e = refusedWith(sim, KubesimError, () => sim.apply(deployment));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(e.message).toContain(
      'spec.replicas: Invalid value: 1000000: must be no more than 200000',
    );
  });

  it('20,000-deep nesting and cyclic YAML aliases overflow the stack — now a ManifestParseError', () => {
    const sim = cluster();
    const flow = `a: ${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    expect(refusedWith(sim, ManifestParseError, () => sim.apply(flow)).message).toContain(
      'nesting deeper than 200 levels (config maxNestingDepth)',
    );
    const block = Array.from({ length: 20_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    refusedWith(sim, ManifestParseError, () => sim.apply(block));
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    refusedWith(sim, ManifestParseError, () => sim.apply(bomb));
    // An object nested 20,000 deep (not text) is refused too, with the path where it stops.
    let deep: Obj = {};
    for (let i = 0; i < 20_000; i++) deep = { a: deep };
    refusedWith(sim, KubesimError, () =>
      sim.apply({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'x' },
        data: deep,
      } as never),
    );
  });

  it('scenario horizons above 2^53 ms end in a TimeTravelError — now refused as an argument', () => {
    const sim = cluster();
    const e = refusedWith(sim, InvalidArgumentError, () => {
      sim.runFor(2 ** 60);
    });
    expect(e.message).toContain('runFor(d)');
    refusedWith(sim, InvalidArgumentError, () => {
      sim.runFor('200000000000000d');
    });
    sim.runFor('1m');
    expect(sim.now).toBe(60_000);
  });

  it('Traffic from a client pod that is then deleted throws NotFound out of runFor — now that source simply stops sending', () => {
    const sim = cluster();
    sim.apply({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'client' },
      spec: { containers: [{ name: 'c', image: 'busybox' }] },
    });
    sim.settle();
    const load = sim.traffic({ from: 'client', to: 'kubernetes', every: '1s' });
    sim.runFor('5s');
    const sentWhileAlive = load.sent;
    expect(sentWhileAlive).toBeGreaterThan(3);
    sim.delete('Pod', 'client', { gracePeriodSeconds: 0 });
    sim.runFor('1m');
    expect(sim.get('Pod', 'client')).toBeUndefined();
    expect(load.sent).toBeLessThanOrEqual(sentWhileAlive + 1);
  });

  it("zoneOutage('a', 'zz') crashes the zone and then throws — now refused before any node crashes", () => {
    const sim = cluster();
    const e = refusedWith(sim, InvalidArgumentError, () => {
      sim.faults.zoneOutage('a', 'zz');
    });
    expect(e.message).toContain('zoneOutage(d)');
    refusedWith(sim, NotFoundError, () => {
      sim.faults.zoneOutage('nowhere');
    });
    refusedWith(sim, KubesimError, () => {
      sim.faults.schedule([
        { at: '1m', type: 'crashNode', target: 'node-0' },
        { at: 'soon', type: 'crashNode', target: 'node-1' },
      ]);
    });
    sim.runFor('2m'); // the valid first fault was not scheduled either
    expect(sim.trace.entries.some((t) => t.type === 'CrashNode')).toBe(false);
  });

  it('~35 calls with wrong argument types throw TypeError/RangeError (runFor(undefined), get(Pod, null), traffic({every: 0})) — now InvalidArgumentError naming the argument', () => {
    const sim = cluster();
    const cases: [string, () => unknown][] = [
      [
        'runFor(d)',
        () => {
          sim.runFor(undefined as never);
        },
      ],
      ['get(key)', () => sim.get('Pod', null as never)],
      ['traffic(spec).every', () => sim.traffic({ from: { node: 'node-0' }, to: 'x', every: 0 })],
      ['traffic(spec)', () => sim.traffic(null as never)],
      [
        'at(fn)',
        () => {
          sim.at('1m', 5 as never);
        },
      ],
      [
        'at(time)',
        () => {
          sim.at(null as never, () => undefined);
        },
      ],
      ['update(recipe)', () => sim.update('Node', 'node-0', 5 as never)],
      [
        'delete(key)',
        () => {
          sim.delete('Pod', 7 as never);
        },
      ],
      ['connect(req)', () => sim.connect(null as never)],
      ['connect(req).to', () => sim.connect({ to: 5 as never })],
      ['endpointsOf(serviceKey)', () => sim.endpointsOf(null as never)],
      ['runUntil(pred)', () => sim.runUntil(5 as never)],
      [
        'settle(opts).timeout',
        () => {
          sim.settle({ timeout: -1 });
        },
      ],
      ['watch(handler)', () => sim.watch('Pod', 5 as never)],
      ['drain(nodeName)', () => sim.drain(7 as never)],
      [
        'evict(podKey)',
        () => {
          sim.evict(null as never);
        },
      ],
      ['addNodes(template).cpu', () => sim.addNodes(1, { cpu: 5 as never })],
      ['apply(opts).fieldValidation', () => sim.apply('', { fieldValidation: 'Loose' as never })],
      ['apply(input)', () => sim.apply(42 as never)],
      ['apply(input)[1]', () => sim.apply([{ kind: 'Pod' }, null] as never)],
      ['list(opts).labelSelector', () => sim.list('Pod', { labelSelector: 5 as never })],
    ];
    for (const [path, call] of cases) {
      const e = refusedWith(sim, InvalidArgumentError, call);
      expect(e.message.startsWith(`${path}: `), `${path} → ${e.message}`).toBe(true);
    }
  });

  it("list('Potato') returns [] instead of an error — now the API server's NotFound", () => {
    const sim = cluster();
    for (const call of [
      () => sim.list('Potato' as never),
      () => {
        sim.get('Potato' as never, 'x');
      },
      () => sim.table('Potato'),
      () => sim.watch('Potato', () => undefined),
    ]) {
      expect(refusedWith(sim, NotFoundError, call).message).toBe(
        `the server doesn't have a resource type "Potato"`,
      );
    }
    // Inert and custom kinds stay readable.
    expect(sim.listInert('ConfigMap')).toEqual([]);
  });

  it("StatefulSet immutable fields can be updated — now refused in upstream's words", () => {
    const sim = cluster();
    sim.apply(statefulSet());
    sim.settle();
    for (const recipe of [
      (d: Obj) => {
        (d.spec as Obj).serviceName = 'other';
      },
      (d: Obj) => {
        (d.spec as Obj).podManagementPolicy = 'Parallel';
      },
      (d: Obj) => {
        (d.spec as Obj).volumeClaimTemplates = [
          { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } },
        ];
      },
    ]) {
      const e = refusedWith(sim, KubesimError, () =>
        sim.update('StatefulSet', 'db', recipe as never),
      );
      expect(e.message).toContain(
        "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      );
    }
    // The allowed ones still change.
    sim.update('StatefulSet', 'db', (d) => {
      d.spec.replicas = 2;
      d.spec.minReadySeconds = 5;
    });
    expect(sim.get('StatefulSet', 'db')?.spec.replicas).toBe(2);
  });

  it("Re-apply and sim.update default before they validate: ports: 80, strategy: RollingUpdate, httpGet: /healthz give a TypeError — now the API server's 400 decode error", () => {
    const sim = cluster();
    sim.apply({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
    });
    const e = refusedWith(sim, ValidationError, () =>
      sim.update('Service', 'web', (d) => {
        (d.spec as Obj).ports = 80;
      }),
    );
    expect(e.message).toBe(
      'Service in version "v1" cannot be handled as a Service: spec.ports: Invalid value: 80: json: cannot unmarshal number into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort',
    );
    const d = refusedWith(sim, KubesimError, () =>
      sim.apply({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: {
          strategy: 'RollingUpdate',
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'c', image: 'nginx' }] },
          },
        },
      } as never),
    );
    expect(d.message).toContain(
      'cannot unmarshal string into Go struct field DeploymentSpec.spec.strategy',
    );
    // A ValidationError whose code is upstream's 400 BadRequest, with the field as an issue.
    expect(e.code).toBe('BadRequest');
    expect(e.issues.map((i) => i.path)).toEqual(['spec.ports']);
  });
});
