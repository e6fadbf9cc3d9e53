/**
 * Property tests over generated scenarios in one line: run the code under test in every scenario,
 * shrink a failure, and report it as a person wants to read it.
 * @packageDocumentation
 */
import fc from 'fast-check';
import { KubesimError } from '@kubesim/core';
import type { Check, CheckFunction } from '../invariants/check.js';
import type { Invariant, Violation } from '../invariants/types.js';
import { runScenario, type ScenarioResult } from '../scenario/runScenario.js';
import type { Scenario } from '../scenario/types.js';
import type { Simulation } from '../simulation/types.js';
import { ClusterCache } from './_internals/clusterCache.js';
import { DEFAULT_FAILURE_DIR, writeFailure } from './_internals/writeFailure.js';
import { minimize } from './_internals/minimize.js';
import { printScenario } from './printScenario.js';
import { scenarioArb, type ScenarioConstraints } from './scenarioArb.js';
import { scenarioSize, type ScenarioSize } from './scenarioSize.js';

/** Options of {@link checkScenarios} and {@link scenarioTest}. */
export interface ScenarioPropertyOptions<S = unknown> {
  /** The code under test, started in every run (see `runScenario`'s `attach`). */
  readonly attach?: (sim: Simulation) => S;
  /** Checks of the subject, after every instant and at the end. @defaultValue `[]` */
  readonly checks?: readonly (Check<NoInfer<S>> | CheckFunction<NoInfer<S>>)[];
  /**
   * The built-in invariants to check besides: a factory of fresh instances, or `[]` for none.
   * @defaultValue every built-in invariant
   */
  readonly invariants?: () => readonly Invariant[];
  /** Where scenarios come from. @defaultValue `scenarioArb(constraints)` */
  readonly arbitrary?: fc.Arbitrary<Scenario>;
  /** Constraints of the default `scenarioArb`. @defaultValue `{}` (every edge on) */
  readonly constraints?: ScenarioConstraints;
  /** Scenarios to run. @defaultValue `100` */
  readonly numRuns?: number;
  /** fast-check seed (and `path`) to replay a reported failure. @defaultValue fast-check's */
  readonly seed?: number;
  readonly path?: string;
  /**
   * Folder for the failure record (`kubesim-failure-<hash>.json`, the file `kubesim run` writes,
   * replayed by `kubesim replay`), created when needed; `false` writes nothing.
   * @defaultValue `process.env.KUBESIM_FAILURE_DIR`, else `'.kubesim/failures'`
   */
  readonly failureDir?: string | false;
  /** Test timeout in ms for {@link scenarioTest}. @defaultValue `60_000 + 500 × numRuns` */
  readonly timeout?: number;
}

/** A property over scenarios failed; the message holds all a person needs. */
export class ScenarioPropertyError extends KubesimError {
  /** The first violation of the shrunk (and trimmed) counterexample, if the run reported one. */
  readonly violation: Violation | undefined;
  /** The shrunk counterexample, its horizon cut to just after the violation. */
  readonly scenario: Scenario;
  readonly size: ScenarioSize;
  /** The failure record's path, when one was written. */
  readonly recordFile: string | undefined;
  /** Scenarios run before the first failure. */
  readonly numRuns: number;
  constructor(
    message: string,
    details: {
      violation: Violation | undefined;
      scenario: Scenario;
      recordFile: string | undefined;
      numRuns: number;
    },
  ) {
    super('PropertyFailed', message);
    this.violation = details.violation;
    this.scenario = details.scenario;
    this.size = scenarioSize(details.scenario);
    this.recordFile = details.recordFile;
    this.numRuns = details.numRuns;
  }
}

/**
 * Runs `numRuns` generated scenarios with the code under test attached and checked; on a failure
 * shrinks it, cuts its horizon to just after the first violation, writes the failure record and
 * throws a {@link ScenarioPropertyError} naming the violated check or invariant, the instant, the
 * message, the scenario as YAML with its size, the replay command and the fast-check seed.
 * @example checkScenarios({ attach: (sim) => new Client(sim), checks: [agreesWithKubeProxy((c, s) => c.backends(s))] })
 */
export function checkScenarios<S>(opts: ScenarioPropertyOptions<S> = {}): void {
  // Runs and shrinking steps that share a cluster part fork it (see ClusterCache).
  const cache = new ClusterCache();
  const run = (s: Scenario, stop: boolean): ScenarioResult<S> =>
    cache.run(s, {
      ...(opts.attach !== undefined ? { attach: opts.attach } : {}),
      ...(opts.checks !== undefined ? { checks: opts.checks } : {}),
      ...(opts.invariants !== undefined ? { invariants: opts.invariants } : {}),
      stopOnViolation: stop,
      keepTrace: false,
    });
  const arbitrary = opts.arbitrary ?? scenarioArb(opts.constraints ?? {});
  const out = fc.check(
    fc.property(arbitrary, (s) => run(s, true).violations.length === 0),
    {
      numRuns: opts.numRuns ?? 100,
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      ...(opts.path !== undefined ? { path: opts.path } : {}),
    },
  );
  if (!out.failed) return;
  const found = out.counterexample?.[0];
  if (found === undefined)
    throw new ScenarioPropertyError(fc.defaultReportMessage(out) ?? 'failed', {
      violation: undefined,
      scenario: { seed: 0, horizon: 0 },
      recordFile: undefined,
      numRuns: out.numRuns,
    });
  let scenario = found;
  let violations: readonly Violation[] = [];
  let thrown: unknown;
  let extraRuns = 0;
  try {
    violations = run(found, true).violations;
    const small = minimize(found, violations, (c) => run(c, true).violations);
    scenario = small.scenario;
    violations = small.violations;
    extraRuns = small.runs;
  } catch (err) {
    thrown = err;
  }
  const violation = violations[0];
  const dir = failureDir(opts.failureDir);
  let recordFile: string | undefined;
  if (dir !== undefined && thrown === undefined) {
    // The record replays the cluster side: the hash of a run without the code under test.
    const plain = runScenario(scenario, { invariants: [], keepTrace: false });
    recordFile = writeFailure(dir, plain, violations);
  }
  const size = scenarioSize(scenario);
  const lines = [
    violation !== undefined
      ? `${violation.invariant} violated at t=${violation.t} ms`
      : `the run threw: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
    ...(violation !== undefined ? [`  ${violation.message}`] : []),
    ...violations.slice(1, 3).map((v) => `  also ${v.invariant} at t=${v.t} ms: ${v.message}`),
    `after ${out.numRuns} scenario(s), shrunk ${out.numShrinks} + ${extraRuns} time(s) to ${size.objects} object(s), ${size.actions} action(s), ${size.faults} fault(s), ${size.nodes} node(s):`,
    '',
    printScenario(scenario).trimEnd(),
    '',
    ...(recordFile !== undefined
      ? [
          `failure record: ${recordFile}`,
          `replay the cluster side: npx kubesim replay ${recordFile}`,
        ]
      : []),
    `rerun this property: { seed: ${out.seed}, path: '${out.counterexamplePath ?? ''}' }`,
  ];
  throw new ScenarioPropertyError(lines.join('\n'), {
    violation,
    scenario,
    recordFile,
    numRuns: out.numRuns,
  });
}

function failureDir(option: string | false | undefined): string | undefined {
  if (option === false) return undefined;
  if (option !== undefined) return option;
  const env = process.env['KUBESIM_FAILURE_DIR'];
  return env !== undefined && env !== '' ? env : DEFAULT_FAILURE_DIR;
}

/** The shape of vitest's (and jest's) `test` / `it`: name, body, timeout. */
export type TestFunction = (name: string, fn: () => void, timeout: number) => unknown;

/**
 * A vitest (or jest) test in one line: `test(name, () => checkScenarios(opts), timeout)` with a
 * timeout that fits the runs (60 s + 0.5 s per scenario unless `timeout` is given), failing with
 * the violated check's name, the instant, the message and the shrunk scenario as YAML.
 * @example
 * ```ts
 * import { test } from 'vitest';
 * scenarioTest(test, 'my client agrees with kube-proxy', {
 *   attach: (sim) => new MyClient(sim),
 *   checks: [agreesWithKubeProxy((client, service) => client.backends(service))],
 * });
 * ```
 */
export function scenarioTest<S>(
  test: TestFunction,
  name: string,
  opts: ScenarioPropertyOptions<S> = {},
): void {
  const timeout = opts.timeout ?? 60_000 + 500 * (opts.numRuns ?? 100);
  test(
    name,
    () => {
      checkScenarios(opts);
    },
    timeout,
  );
}
