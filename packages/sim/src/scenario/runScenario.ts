/**
 * `runScenario`: a scenario run to its horizon, settled, and checked by invariants.
 * @packageDocumentation
 */
import {
  BudgetExceededError,
  InvalidArgumentError,
  KubesimError,
  ScenarioError,
  parseDuration,
  type ClusterSnapshot,
  type Duration,
} from '@kubesim/core';
import { toCheck, type Check, type CheckFunction } from '../invariants/check.js';
import type { Invariant, Violation } from '../invariants/types.js';
import { resolveSimConfig } from '../engine/index.js';
import { createSimulation } from '../simulation/createSimulation.js';
import type { Simulation } from '../simulation/types.js';
import type { Metrics } from '../traffic/metrics.js';
import type { Trace } from '../world/trace.js';
import { SETTLES, TERMINATES } from '../invariants/index.js';
import { defaultInvariants, reportsRunInvariant } from './defaultInvariants.js';
import { NondeterminismError } from './scenarioErrors.js';
import { scheduleScenario } from './scheduleScenario.js';
import type { ActionError } from './performAction.js';
import type { Scenario } from './types.js';
import { validateScenario } from './validateScenario.js';
import { KUBESIM_VERSION } from './version.js';
import { ViolationLog } from './violationLog.js';

/**
 * Options of {@link runScenario}. `S` is the type of the code under test that `attach` returns.
 */
export interface RunScenarioOptions<S = unknown> {
  /**
   * Puts the code under test into the run: called once, right after the simulation is created and
   * before the nodes, the manifests and the first instant. It returns the subject (a client that
   * watches the simulation, a load balancer, a controller…) which `checks` then examine.
   * @example runScenario(s, { attach: (sim) => new MyClient(sim), checks: [agreesWithKubeProxy((c, svc) => c.ips(svc))] })
   */
  readonly attach?: (sim: Simulation) => S;
  /**
   * Checks of the subject, run after every instant (`'step'`) and once after the run settled
   * (`'end'`), beside the invariants. Their reports are violations like the invariants' ones.
   * @defaultValue `[]`
   */
  readonly checks?: readonly (Check<NoInfer<S>> | CheckFunction<NoInfer<S>>)[];
  /**
   * The invariants to check, or a factory of fresh ones (use a factory with `checkDeterminism`
   * when they keep state). @defaultValue `builtinInvariants()` filtered by `scenario.invariants`
   */
  readonly invariants?: readonly Invariant[] | (() => readonly Invariant[]);
  /** Run twice and throw NondeterminismError when the trace hashes differ. @defaultValue false */
  readonly checkDeterminism?: boolean;
  /** Keep every trace entry in memory (the hash is computed either way). @defaultValue true */
  readonly keepTrace?: boolean;
  /** Stop at the first instant with a violation (no settle, no liveness checks). @defaultValue false */
  readonly stopOnViolation?: boolean;
  /** How long `settle` may take after the horizon. @defaultValue config.settleTimeout */
  readonly settleTimeout?: Duration;
  /** Called after every instant with virtual time and the horizon (ms), e.g. for a progress bar. */
  readonly onProgress?: (now: number, horizon: number) => void;
}

/** What a scenario run produced. */
export interface ScenarioResult<S = unknown> {
  /** What `attach` returned (undefined without `attach`). */
  readonly subject: S;
  /** The trace hash: equal for runs that did exactly the same things. */
  readonly hash: string;
  readonly trace: Trace;
  /** Broken invariants, in the order observed (a repeated identical report is kept once). */
  readonly violations: Violation[];
  /** Actions and faults the cluster refused when they came due; the run went on. */
  readonly actionErrors: ActionError[];
  readonly metrics: Metrics;
  /** The cluster after settling. */
  readonly final: ClusterSnapshot;
  /** The simulation itself, for further questions (`endpointsOf`, `describe`, reports). */
  readonly sim: Simulation;
  /** The validated scenario that ran. */
  readonly scenario: Scenario;
  readonly seed: string;
  /** `@kubesim/sim`'s version. */
  readonly version: string;
}

/**
 * Runs a scenario: a pure function of `s`. Validates it; creates the simulation from `seed` and
 * `config`; adds the nodes and applies the manifests at t = 0; schedules the actions, faults and
 * traffic; runs to the horizon checking every safety invariant after each instant; stops the
 * traffic and settles (a settle that times out is a violation of `settles`; a run that exceeds an
 * engine budget is a violation of `terminates`); then checks the liveness invariants.
 *
 * @throws ScenarioError for an invalid scenario or setup the cluster refuses (e.g. a manifest in a
 *   namespace that does not exist); NondeterminismError (code `Nondeterministic`) with
 *   `checkDeterminism` when two runs differ.
 * @example
 * ```ts
 * const r = runScenario(parseScenario(text));
 * if (r.violations.length > 0) console.log(JSON.stringify(failureRecord(r, r.violations)));
 * ```
 */
export function runScenario<S = unknown>(
  s: Scenario,
  opts: RunScenarioOptions<S> = {},
): ScenarioResult<S> {
  const scenario = validateScenario(s);
  const first = runOnce(scenario, opts);
  if (opts.checkDeterminism === true) {
    const { onProgress: _quiet, ...rest } = opts;
    const second = runOnce(scenario, rest);
    if (second.hash !== first.hash) throw new NondeterminismError(first.hash, second.hash);
  }
  return first;
}

/**
 * @internal Creates the simulation of a validated scenario and sets up its cluster part at t = 0:
 * the nodes, the cloud load balancers and ingress controller, the manifests. No instant runs.
 * @throws ScenarioError when the cluster refuses a part of the setup.
 */
export function buildScenarioCluster(s: Scenario, keepTrace: boolean): Simulation {
  const sim = createSimulation({
    seed: s.seed,
    ...(s.config !== undefined ? { config: s.config } : {}),
    keepTrace,
  });
  setUp(sim, s);
  return sim;
}

/**
 * @internal Runs a validated scenario on a cluster part from `cluster` — what
 * {@link buildScenarioCluster} returns for it, or a fork of that — instead of building it: the
 * same run, trace and all, as {@link runScenario}. Only for runs without `attach` and `checks`,
 * which start before the nodes (a fork does not carry their watches).
 * @throws InvalidArgumentError when `opts` has `attach` or `checks`.
 */
export function runScenarioOnCluster<S = unknown>(
  scenario: Scenario,
  opts: RunScenarioOptions<S>,
  cluster: () => Simulation,
): ScenarioResult<S> {
  if (opts.attach !== undefined || (opts.checks ?? []).length > 0) {
    throw new InvalidArgumentError(
      'opts',
      'a run with attach or checks starts its subject before the nodes: build the cluster in the run',
    );
  }
  const first = runOnce(scenario, opts, cluster);
  if (opts.checkDeterminism === true) {
    const { onProgress: _quiet, ...rest } = opts;
    const second = runOnce(scenario, rest, cluster);
    if (second.hash !== first.hash) throw new NondeterminismError(first.hash, second.hash);
  }
  return first;
}

function invariantsFor<S>(s: Scenario, opts: RunScenarioOptions<S>): readonly Invariant[] {
  const given = opts.invariants;
  if (given === undefined) return defaultInvariants(s.invariants);
  return typeof given === 'function' ? given() : given;
}

function setUp(sim: Simulation, s: Scenario): void {
  (s.nodes ?? []).forEach((n, i) => {
    const { count, ...template } = n;
    asScenarioError(`nodes[${i}]`, () => sim.addNodes(count, template));
  });
  const ext = s.external;
  if (ext?.loadBalancers !== undefined) {
    const lb = ext.loadBalancers;
    asScenarioError('external.loadBalancers', () => {
      sim.addCloudLoadBalancers(lb);
    });
  }
  if (ext?.ingressController !== undefined) {
    const ic = ext.ingressController;
    asScenarioError('external.ingressController', () => {
      sim.addIngressController(ic === true ? {} : ic);
    });
  }
  const manifests = s.manifests;
  if (manifests !== undefined) asScenarioError('manifests', () => sim.apply(manifests));
}

function asScenarioError(path: string, fn: () => unknown): void {
  try {
    fn();
  } catch (err) {
    if (err instanceof KubesimError && !(err instanceof ScenarioError)) {
      throw new ScenarioError(path, err.message);
    }
    throw err;
  }
}

function runOnce<S>(
  s: Scenario,
  opts: RunScenarioOptions<S>,
  cluster?: () => Simulation,
): ScenarioResult<S> {
  const sim =
    cluster?.() ??
    createSimulation({
      seed: s.seed,
      ...(s.config !== undefined ? { config: s.config } : {}),
      keepTrace: opts.keepTrace ?? true,
    });
  const horizon = parseDuration(s.horizon);
  // The code under test starts first, as a client deployed before the apps would.
  const subject = opts.attach === undefined ? (undefined as S) : opts.attach(sim);
  const checks = startChecks(sim, s, subject, opts.checks ?? []);
  if (cluster === undefined) setUp(sim, s);
  const scheduled = scheduleScenario(sim, s);
  const invariants = invariantsFor(s, opts);
  const safety = invariants.filter((i) => i.kind === 'safety');
  const log = new ViolationLog();
  let started = false;
  const afterInstant = (now: Simulation): boolean => {
    // runUntil also asks before the first instant, when t = 0 has not been processed yet.
    if (!started) {
      started = true;
      return false;
    }
    opts.onProgress?.(now.now, horizon);
    for (const inv of safety) log.add(inv.check(now, 'step'));
    for (const check of checks) log.add(check('step'));
    return opts.stopOnViolation === true && log.size > 0;
  };
  const guardLog = runInvariantLog(s, log);
  const finished = runGuarded(guardLog, sim, () => {
    sim.runUntil(afterInstant, { timeout: horizon });
  });
  const stoppedEarly = opts.stopOnViolation === true && log.size > 0;
  scheduled.stopTraffic();
  if (finished && !stoppedEarly) {
    runGuarded(guardLog, sim, () => {
      sim.settle(opts.settleTimeout === undefined ? {} : { timeout: opts.settleTimeout });
    });
    for (const inv of invariants) {
      if (inv.kind === 'liveness') log.add(inv.check(sim, 'end'));
    }
    for (const check of checks) log.add(check('end'));
  }
  const hash = sim.trace.hashLater();
  return {
    subject,
    // Computed when read (most property runs never read it), as of the end of this run.
    get hash(): string {
      return hash();
    },
    trace: sim.trace,
    violations: log.list(),
    actionErrors: scheduled.actionErrors,
    metrics: sim.metrics,
    final: sim.snapshot(),
    sim,
    scenario: s,
    seed: sim.seed,
    version: KUBESIM_VERSION,
  };
}

/** Starts each check for this run. */
function startChecks<S>(
  sim: Simulation,
  s: Scenario,
  subject: S,
  list: readonly (Check<S> | CheckFunction<S>)[],
): ((phase: 'step' | 'end') => readonly Violation[])[] {
  if (list.length === 0) return [];
  const delay = resolveSimConfig(s.config ?? {}).userWatchDelay;
  const watchDelay = typeof delay === 'number' ? delay : delay.max;
  return list.map((c, i) => toCheck(c, i).start({ sim, subject, watchDelay }));
}

/** Where `settles` and `terminates` reports go: the log, unless the scenario leaves them out. */
function runInvariantLog(s: Scenario, log: ViolationLog): (v: Violation) => void {
  return (v) => {
    if (reportsRunInvariant(s.invariants, v.invariant as 'settles' | 'terminates')) log.add([v]);
  };
}

/** Runs `fn`; a BudgetExceededError becomes a violation (`settles` or `terminates`). */
function runGuarded(report: (v: Violation) => void, sim: Simulation, fn: () => void): boolean {
  try {
    fn();
    return true;
  } catch (err) {
    if (!(err instanceof BudgetExceededError)) throw err;
    const invariant = err.controller === 'settle' ? SETTLES : TERMINATES;
    report({ invariant, t: sim.now, message: err.message });
    return false;
  }
}
