// Issue 14: the fuzz suite. For generated bad input at every public entry point — arbitrary JSON,
// mutated valid manifests of every simulated kind, YAML edits, update/updateStatus recipes, every
// Simulation method with wrong argument types, and scenarios — only a KubesimError escapes, the
// store (every kind, resourceVersion), the clock and the trace are unchanged after an error, and
// no call hangs. Seeds are fixed so CI replays the same cases; a failure prints its seed and path.
/* eslint-disable @typescript-eslint/no-confusing-void-expression, @typescript-eslint/no-dynamic-delete --
   the table of calls returns what each method returns (void for most), and the mutations delete
   fields by generated paths. */
import process from 'node:process';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { KubesimError } from '@kubesim/core';
import { createSimulation, parseScenario, type Simulation } from '@kubesim/sim';
import { describe, expect, it } from 'vitest';
import { fingerprint } from './storeFingerprint.js';

type Obj = Record<string, unknown>;

/**
 * Fixed seeds in CI. `KUBESIM_FUZZ_SCALE=10 KUBESIM_FUZZ_SEED=7` runs ten times the cases from
 * other seeds (a longer campaign on a developer's machine).
 */
function runs(seed: number, numRuns: number): { seed: number; numRuns: number } {
  const scale = Number(process.env.KUBESIM_FUZZ_SCALE ?? '1');
  const offset = Number(process.env.KUBESIM_FUZZ_SEED ?? '0');
  return { seed: seed + offset, numRuns: Math.round(numRuns * scale) };
}

/** A settled cluster with one object of most kinds, the base every case starts from. */
function cluster(): Simulation {
  const sim = createSimulation({ seed: 'fuzz' });
  sim.addNodes(2, { zones: ['a', 'b'] });
  sim.apply(VALID);
  sim.settle();
  return sim;
}

const labels = { app: 'web' };
const template = {
  metadata: { labels },
  spec: {
    containers: [
      {
        name: 'c',
        image: 'nginx',
        ports: [{ containerPort: 8080, name: 'http' }],
        readinessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 5 },
      },
    ],
  },
};
/** One valid manifest of each simulated kind a user writes (and two inert ones). */
const VALID: Obj[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { replicas: 2, selector: { matchLabels: labels }, template },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'rs' },
    spec: { replicas: 1, selector: { matchLabels: { app: 'rs' } }, template: relabel('rs') },
  },
  {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db' },
    spec: {
      replicas: 1,
      serviceName: 'db',
      selector: { matchLabels: { app: 'db' } },
      template: relabel('db'),
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web' },
    spec: { selector: labels, ports: [{ port: 80, targetPort: 'http' }] },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'client', labels: { role: 'client' } },
    spec: { containers: [{ name: 'c', image: 'busybox' }] },
  },
  {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'web' },
    spec: { minAvailable: 1, selector: { matchLabels: labels } },
  },
  {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'ext-1', labels: { 'kubernetes.io/service-name': 'ext' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['192.0.2.10'], conditions: { ready: true } }],
    ports: [{ port: 80, protocol: 'TCP' }],
  },
  {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'legacy' },
    subsets: [{ addresses: [{ ip: '192.0.2.11' }], ports: [{ port: 80 }] }],
  },
  {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: 'lock' },
    spec: { holderIdentity: 'me', leaseDurationSeconds: 15 },
  },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: 'b' } },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'ing' },
    spec: { defaultBackend: { service: { name: 'web', port: { number: 80 } } } },
  },
];

function relabel(app: string): Obj {
  return { ...template, metadata: { labels: { app } } };
}

/** Runs `fn`; when it throws, the error must be a KubesimError and nothing may have changed. */
function checkRefusal(
  sim: Simulation,
  what: string,
  fn: () => unknown,
  advancesTime = false,
): 'ok' | 'refused' {
  const before = fingerprint(sim);
  const t0 = performance.now();
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  const ms = performance.now() - t0;
  // No call hangs: the slowest legitimate case here (a settle of a small cluster) takes < 1 s.
  expect(ms, `${what} took ${ms.toFixed(0)} ms`).toBeLessThan(5000);
  if (error === undefined) return 'ok';
  if (!(error instanceof KubesimError)) {
    throw new Error(
      `${what}: escaped ${error instanceof Error ? String(error.stack) : show(error)}`,
    );
  }
  // settle and runUntil run the cluster before they give up (BudgetExceededError): not bad input.
  if (advancesTime && error.code === 'BudgetExceeded') return 'refused';
  expect(fingerprint(sim), `${what}: state changed by a refused call (${String(error)})`).toBe(
    before,
  );
  return 'refused';
}

/** JSON leaves plus a few values JSON lacks (what a buggy caller hands over). */
const leaf = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '0', '-1', '1e30', '100m', '9Ei', 'Always', 'None', '__proto__', '10.0.0.1'),
  fc.constantFrom(2 ** 31, 2 ** 53, -0, Number.NaN, Infinity),
  fc.bigInt({ min: -10n, max: 10n }),
);
const anyValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** The paths of a manifest (objects and arrays), to mutate one of them. */
function pathsOf(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...prefix, i], out));
  else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) pathsOf(x, [...prefix, k], out);
  }
  return out;
}

type Mutation = { op: 'set' | 'delete' | 'null'; value: unknown };

function mutate(obj: Obj, path: (string | number)[], m: Mutation): unknown {
  if (path.length === 0) return m.op === 'set' ? m.value : null;
  const copy = structuredClone<Obj>(obj);
  let cur: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) cur = cur[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (m.op === 'delete') {
    if (Array.isArray(cur)) cur.splice(Number(last), 1);
    else delete cur[last];
  } else cur[last] = m.op === 'null' ? null : m.value;
  return copy;
}

const mutation = fc.record({
  op: fc.constantFrom<Mutation['op']>('set', 'delete', 'null'),
  value: anyValue,
});

describe('issue 14: fuzz — only KubesimError escapes and a refusal changes nothing', () => {
  it('apply of arbitrary JSON-like values', () => {
    const sim = cluster();
    fc.assert(
      fc.property(anyValue, (v) => {
        checkRefusal(sim, `apply(${show(v)})`, () => sim.apply(v as Obj));
      }),
      runs(14_001, 400),
    );
  });

  it('apply of arbitrary objects that look like manifests', () => {
    const sim = cluster();
    const kinds = VALID.map((m) => [m.apiVersion, m.kind] as const);
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.dictionary(fc.constantFrom('metadata', 'spec', 'status', 'data', 'x'), anyValue),
        ([apiVersion, kind], rest) => {
          checkRefusal(sim, `apply ${show(kind)}`, () =>
            sim.apply({ apiVersion, kind, ...rest } as Obj),
          );
        },
      ),
      runs(14_002, 400),
    );
  });

  it('apply of mutated valid manifests of every kind (create and re-apply)', () => {
    const sim = cluster();
    let refusedCount = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: VALID.length - 1 }),
        fc.nat(),
        mutation,
        fc.boolean(),
        (i, pick, m, rename) => {
          const base = VALID[i]!;
          const paths = pathsOf(base);
          const path = paths[pick % paths.length]!;
          let input: unknown = mutate(base, path, m);
          // Half the cases create a new object (a new name), half update the existing one.
          if (rename && input !== null && typeof input === 'object' && !Array.isArray(input)) {
            const meta = (input as Obj).metadata;
            if (meta !== null && typeof meta === 'object' && !Array.isArray(meta)) {
              input = { ...(input as Obj), metadata: { ...(meta as Obj), name: 'fuzzed' } };
            }
          }
          const r = checkRefusal(
            sim,
            `${String(base.kind)} ${path.join('.')} ${m.op} ${show(m.value)}`,
            () => sim.apply(input as Obj),
          );
          if (r === 'refused') refusedCount += 1;
          else
            checkRefusal(sim, `run after ${String(base.kind)} ${path.join('.')} ${m.op}`, () =>
              sim.runFor('30s'),
            );
        },
      ),
      runs(14_003, 500),
    );
    // The generator reaches both sides: some mutations are refused, some accepted.
    expect(refusedCount).toBeGreaterThan(20);
  });

  it('apply of YAML text with random edits', () => {
    const sim = cluster();
    const text = VALID.map((m) => stringify(m)).join('---\n');
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.nat(),
            del: fc.nat({ max: 4 }),
            ins: fc.oneof(
              fc.string({ maxLength: 4 }),
              fc.constantFrom(
                ': ',
                '- ',
                '\n',
                '  ',
                '&a ',
                '*a',
                '[',
                '{',
                '"',
                "'",
                '---\n',
                '~',
              ),
            ),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (edits) => {
          let t = text;
          for (const e of edits) {
            const at = e.at % (t.length + 1);
            t = t.slice(0, at) + e.ins + t.slice(at + e.del);
          }
          checkRefusal(sim, `yaml edit ${JSON.stringify(edits)}`, () => sim.apply(t));
        },
      ),
      runs(14_004, 300),
    );
  });

  it('update and updateStatus recipes that write arbitrary values', () => {
    // A fresh cluster per case: a failure replays from its seed and shrinks to one write.
    let sim = cluster();
    const targets = [
      ['Deployment', 'default/web'],
      ['Service', 'default/web'],
      ['Pod', 'default/client'],
      ['Node', 'node-0'],
      ['PodDisruptionBudget', 'default/web'],
      ['StatefulSet', 'default/db'],
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...targets),
        fc.boolean(),
        fc.nat(),
        mutation,
        ([kind, key], status, pick, m) => {
          sim = cluster();
          const live = sim.get(kind, key);
          if (live === undefined) return;
          const paths = pathsOf(live).filter((p) => p.length > 0);
          const path = paths[pick % paths.length]!;
          const recipe = (d: unknown): void => {
            let cur = d as Record<string | number, unknown>;
            for (const step of path.slice(0, -1))
              cur = cur[step] as Record<string | number, unknown>;
            const last = path[path.length - 1]!;
            if (m.op === 'delete') delete cur[last];
            else cur[last] = m.op === 'null' ? null : structuredCloneSafe(m.value);
          };
          const r = checkRefusal(
            sim,
            `${status ? 'updateStatus' : 'update'} ${kind} ${path.join('.')}`,
            () => (status ? sim.updateStatus(kind, key, recipe) : sim.update(kind, key, recipe)),
          );
          if (r === 'ok')
            checkRefusal(sim, 'run after an accepted update', () => sim.runFor('20s'));
        },
      ),
      runs(14_005, 150),
    );
  });

  it('every Simulation method with arguments of the wrong type', () => {
    const sim = cluster();
    const calls: Record<string, (a: unknown, b: unknown, c: unknown) => unknown> = {
      apply: (a, b) => sim.apply(a as Obj, b as never),
      addNodes: (a, b) => sim.addNodes(a as number, b as never),
      get: (a, b) => sim.get(a as 'Pod', b as string),
      getInert: (a, b) => sim.getInert(a as string, b as string),
      list: (a, b) => sim.list(a as 'Pod', b as never),
      listInert: (a, b) => sim.listInert(a as string, b as never),
      update: (a, b, c) => sim.update(a as 'Pod', b as string, c as never),
      updateStatus: (a, b, c) => sim.updateStatus(a as 'Pod', b as string, c as never),
      delete: (a, b, c) => sim.delete(a as 'Pod', b as string, c as never),
      evict: (a) => sim.evict(a as string),
      drain: (a) => sim.drain(a as string),
      at: (a, b) => sim.at(a as string, b as never),
      runFor: (a) => sim.runFor(a as string),
      runUntil: (a, b) => sim.runUntil(a as never, b as never),
      settle: (a) => sim.settle(a as never),
      endpointsOf: (a) => sim.endpointsOf(a as string),
      connect: (a) => sim.connect(a as never),
      traffic: (a) => sim.traffic(a as never),
      resolve: (a, b) => sim.resolve(a as string, b as never),
      watch: (a, b, c) => sim.watch(a as 'Pod', b as never, c as never),
      table: (a, b) => sim.table(a as 'Pod', b as never),
      describe: (a, b) => sim.describe(a as 'Pod', b as string),
      addController: (a) => sim.addController(a as never),
      crashNode: (a) => sim.faults.crashNode(a as string),
      partitionNode: (a) => sim.faults.partitionNode(a as string),
      killPod: (a) => sim.faults.killPod(a as string),
      failReadiness: (a, b) => sim.faults.failReadiness(a as string, b as never),
      zoneOutage: (a, b) => sim.faults.zoneOutage(a as string, b as never),
      scheduleFaults: (a) => sim.faults.schedule(a as never),
    };
    // Wrong types: everything but what each parameter takes.
    const wrong = fc.oneof(
      leaf,
      fc.constant({}),
      fc.constant([]),
      fc.constant(() => undefined),
      fc.constant({ kind: 'Pod' }),
      fc.constantFrom('Potato', 'default/nope', '1x', 'node-9'),
    );
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(calls)), wrong, wrong, wrong, (name, a, b, c) => {
        checkRefusal(
          sim,
          `${name}(${[a, b, c].map(show).join(', ')})`,
          () => calls[name]!(a, b, c),
          name === 'settle' || name === 'runUntil',
        );
      }),
      runs(14_006, 1500),
    );
  });

  it('scenarios: arbitrary YAML documents and objects', () => {
    fc.assert(
      fc.property(anyValue, (v) => {
        let text: string;
        try {
          text = stringify(v);
        } catch {
          return; // a BigInt is not YAML; nothing to parse
        }
        try {
          parseScenario(text);
        } catch (e) {
          if (!(e instanceof KubesimError)) throw e;
        }
      }),
      runs(14_007, 400),
    );
  });
});

function show(v: unknown): string {
  if (typeof v === 'function') return 'fn';
  if (typeof v === 'bigint') return `${v}n`;
  const text = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x)) as
    string | undefined;
  return text ?? 'undefined';
}

function structuredCloneSafe(v: unknown): unknown {
  try {
    return structuredClone(v);
  } catch {
    return v;
  }
}
