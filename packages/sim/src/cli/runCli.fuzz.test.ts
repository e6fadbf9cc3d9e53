// Issue 14: the fuzz suite covers the CLI. Generated command lines (known and unknown commands and
// options, missing and extra arguments) over generated files (arbitrary text, arbitrary YAML,
// mutated valid scenarios, mutated failure records): runCli always resolves with one of the
// documented exit codes (0 ok, 1 violated or refused or reproduced, 2 bad input, 3 did not
// reproduce), bad input is one `kubesim:` message, and no output carries a stack trace. A
// non-KubesimError thrown inside a command is rethrown by runCli and fails the property.
// `serve` and `advance` are left out (they listen or call a server; test/serve/cli.test.ts covers
// their bad input), and `demo` (a fixed scenario, covered by its own tests).
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/index.js';
import { webAppManifests } from '../testFixtures.test-helper.js';
import { memoryIo } from './memoryIo.test-helper.js';
import { runCli } from './runCli.js';

/** A small scenario that runs in a few milliseconds of CPU. */
const small: Scenario = {
  name: 'small',
  seed: 1,
  nodes: [{ count: 2 }],
  manifests: webAppManifests('web', 2),
  traffic: [{ from: { external: true }, to: 'web', every: '2s' }],
  horizon: '10s',
  invariants: [],
};

/** Fails at once (a 1 ms settle timeout): gives a real failure record to mutate. */
const failing: Scenario = {
  ...small,
  name: 'unsettled',
  traffic: [],
  horizon: '1ms',
  config: { settleTimeout: '1ms' },
  invariants: ['settles'],
};

const STACK_LINE = /\n\s+at \S.*:\d+:\d+\)?$/m;

/** Small leaves: never a node count or horizon that makes a legitimate run long. */
const leaf = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -3, max: 4 }),
  fc.constantFrom(0.5, -1e30, 1e30, 2 ** 53 + 2),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('1s', '-1s', '1e9d', 'NaN', '__proto__', 'web', 'Pod/web', '&a', '*a'),
  fc.constant([]),
  fc.constant({}),
);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value inside `v`. */
function pathsOf(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...at, i])));
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...at, k]));
  return out;
}

/** `base` with the value at the `pick`-th path replaced by `value` (or deleted). */
function mutate(base: unknown, pick: number, value: unknown, del: boolean): unknown {
  const copy = structuredClone(base) as Json;
  const paths = pathsOf(copy);
  const path = paths[pick % paths.length] ?? [];
  if (path.length === 0) return value;
  let parent = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (del && !Array.isArray(parent)) Reflect.deleteProperty(parent, last);
  else parent[last] = value;
  return copy;
}

const anyFile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => stringify(v)),
  fc.constantFrom('a: &x [*x]', '- !!binary x', 'kind: [', '{"kind":'),
);

const argv = fc.tuple(
  fc.constantFrom('run', 'replay', 'help', '--help', '--version', 'bogus', '', '-x'),
  fc.array(
    fc.oneof(
      fc.constantFrom('s.yaml', 's.json', 'f.json', 'missing.yaml', 'out.html', '--'),
      fc.constantFrom('--seed', '--seed=7', '--seed=-1', '--seed=x', '--json', '--report'),
      fc.constantFrom('--show', 'service/web', 'deployment/web', 'potato/x', '--no-report'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 5 },
  ),
);

/** Runs one generated command line and checks the outcome's shape. */
async function check(args: readonly string[], files: Record<string, string>): Promise<number> {
  const io = memoryIo(files);
  const out = await runCli(args, io);
  expect([0, 1, 2, 3]).toContain(out.exitCode);
  expect(typeof out.output).toBe('string');
  expect(out.output).not.toMatch(STACK_LINE);
  if (out.exitCode === 2) expect(out.output.startsWith('kubesim: ')).toBe(true);
  return out.exitCode;
}

describe('issue 14: fuzz — the CLI answers every command line with an exit code, never a crash', () => {
  it('command lines of known and unknown commands and options over arbitrary files', async () => {
    await fc.assert(
      fc.asyncProperty(argv, anyFile, anyFile, async ([cmd, rest], a, b) => {
        await check([cmd, ...rest], { 's.yaml': a, 's.json': b, 'f.json': a });
      }),
      { numRuns: 300 },
    );
  });

  it('run of mutated valid scenarios', async () => {
    const codes = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        leaf,
        fc.boolean(),
        fc.boolean(),
        async (pick, value, del, asYaml) => {
          const scenario = mutate(small, pick, value, del);
          const text = asYaml ? stringify(scenario) : JSON.stringify(scenario);
          codes.add(await check(['run', 's.yaml'], { 's.yaml': text }));
        },
      ),
      { numRuns: 150 },
    );
    // The mutations reach both sides: scenarios that still run and ones refused as bad input.
    expect([...codes].sort()).toEqual(expect.arrayContaining([0, 2]));
  });

  it('replay of mutated failure records', async () => {
    const io = memoryIo({ 's.json': JSON.stringify(failing) });
    const first = await runCli(['run', 's.json'], io);
    expect(first.exitCode).toBe(1);
    const name = [...io.files.keys()].find((k) => k.startsWith('kubesim-failure-'));
    const record = JSON.parse(io.files.get(name ?? '') ?? 'null') as unknown;
    expect(record).not.toBeNull();
    const codes = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.nat(), leaf, fc.boolean(), async (pick, value, del) => {
        codes.add(
          await check(['replay', 'f.json'], {
            'f.json': JSON.stringify(mutate(record, pick, value, del)),
          }),
        );
      }),
      { numRuns: 150 },
    );
    // Records that still reproduce, ones that do not, and ones refused as bad input.
    expect([...codes].sort()).toEqual([1, 2, 3]);
  });
});
