/**
 * Failure records: a failing run as JSON that `kubesim replay` reruns exactly.
 * @packageDocumentation
 */
import { ScenarioError } from '@kubesim/core';
import type { Violation } from '../invariants/types.js';
import { isMap, readList, readName } from './fieldReaders.js';
import { runScenario, type RunScenarioOptions, type ScenarioResult } from './runScenario.js';
import type { Scenario } from './types.js';
import { validateScenario } from './validateScenario.js';
import { TRACE_FORMAT_VERSION } from '../world/trace.js';
import { KUBESIM_VERSION } from './version.js';

/** A failing run, as written to `kubesim-failure-<hash>.json`. Plain JSON. */
export interface FailureRecord {
  readonly kind: 'kubesim-failure';
  /** The `@kubesim/sim` version that produced it. */
  readonly version: string;
  /** The scenario, with `seed` set to the seed that ran. */
  readonly scenario: Scenario;
  readonly seed: string;
  /** The trace hash of the failing run ('' when not known). */
  readonly hash: string;
  /**
   * The trace format the hash was computed in ({@link TRACE_FORMAT_VERSION}); a record without one
   * predates format 2 and was format 1. Hashes of two formats never match.
   */
  readonly traceFormat?: number;
  readonly violations: readonly Violation[];
}

/** What a replay found. */
export interface ReplayResult {
  readonly hash: string;
  /** True when the replay's trace hash equals the record's. */
  readonly sameHash: boolean;
  readonly violations: readonly Violation[];
  /** The whole run, for reports. */
  readonly result: ScenarioResult;
}

/**
 * Builds a failure record from a run's result (or from a scenario and seed), JSON-serialisable.
 * @example
 * ```ts
 * const r = runScenario(s);
 * writeFileSync(`kubesim-failure-${r.hash}.json`, JSON.stringify(failureRecord(r, r.violations)));
 * ```
 */
export function failureRecord(
  from: ScenarioResult | { scenario: Scenario; seed: number | string; hash?: string },
  violations: readonly Violation[],
): FailureRecord {
  const seed = String(from.seed);
  const plain = JSON.parse(JSON.stringify({ ...from.scenario, seed: from.seed })) as Scenario;
  return {
    kind: 'kubesim-failure',
    version: KUBESIM_VERSION,
    scenario: plain,
    seed,
    hash: from.hash ?? '',
    traceFormat: TRACE_FORMAT_VERSION,
    violations: violations.map((v) => ({
      invariant: v.invariant,
      t: v.t,
      message: v.message,
      ...(v.subjects !== undefined ? { subjects: [...v.subjects] } : {}),
    })),
  };
}

/**
 * Checks parsed JSON as a {@link FailureRecord}.
 * @throws ScenarioError naming the path of what is wrong.
 */
export function readFailureRecord(input: unknown): FailureRecord {
  if (!isMap(input) || input.kind !== 'kubesim-failure') {
    throw new ScenarioError('kind', "not a kubesim failure record (kind: 'kubesim-failure')");
  }
  const scenario = validateScenario(input.scenario);
  if (typeof input.hash !== 'string') throw new ScenarioError('hash', 'must be a string');
  const seed =
    input.seed === undefined ? String(scenario.seed) : readName(input.seed, 'seed', 'the seed');
  const violations = input.violations === undefined ? [] : readList(input.violations, 'violations');
  const format = input.traceFormat;
  if (format !== undefined && !(Number.isInteger(format) && (format as number) >= 1)) {
    throw new ScenarioError('traceFormat', 'must be a whole number ≥ 1 (the trace format version)');
  }
  return {
    kind: 'kubesim-failure',
    version: typeof input.version === 'string' ? input.version : '',
    scenario,
    seed,
    hash: input.hash,
    traceFormat: (format as number | undefined) ?? 1,
    violations: violations as readonly Violation[],
  };
}

/**
 * Reruns a recorded failure: the same scenario and seed. `sameHash` says whether the run did
 * exactly what the recorded one did (a different version of kubesim may not).
 */
export function replayFailure(
  record: FailureRecord,
  opts: Omit<RunScenarioOptions, 'checkDeterminism'> = {},
): ReplayResult {
  const result = runScenario({ ...record.scenario, seed: record.seed }, opts);
  return {
    hash: result.hash,
    sameHash: result.hash === record.hash,
    violations: result.violations,
    result,
  };
}
