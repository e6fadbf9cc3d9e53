/**
 * fast-check model-based commands over a Simulation: crash and recover nodes, scale, roll out,
 * drain, advance time — checking the built-in safety invariants after every instant.
 * @packageDocumentation
 */
import fc from 'fast-check';
import { BudgetExceededError, KubesimError, type KubeObjectInput } from '@kubesim/core';
import { builtinInvariants } from '../invariants/builtinInvariants.js';
import { toCheck, type Check, type CheckFunction } from '../invariants/check.js';
import type { Invariant, Violation } from '../invariants/types.js';
import { createSimulation } from '../simulation/createSimulation.js';
import type { Simulation } from '../simulation/types.js';

/** What the commands believe about the cluster. */
export interface SimModel {
  readonly nodes: readonly string[];
  readonly down: Set<string>;
  readonly cordoned: Set<string>;
  replicas: number;
  revision: number;
  readonly maxNodesDown: number;
}

/** The system under test: the simulation, the invariant instances and the attached code of this run. */
export interface SimReal {
  readonly sim: Simulation;
  readonly invariants: readonly Invariant[];
  /** What `attach` returned (undefined without it). */
  readonly subject?: unknown;
  /** The started checks of the subject, run beside the safety invariants. */
  readonly checks?: readonly ((phase: 'step' | 'end') => readonly Violation[])[];
}

/** A command over {@link SimModel} and {@link SimReal}. */
export type SimCommand = fc.Command<SimModel, SimReal>;

/** An invariant broke during a model-based run. */
export class InvariantViolationError extends KubesimError {
  readonly violations: readonly Violation[];
  constructor(violations: readonly Violation[]) {
    super(
      'InvariantViolated',
      violations.map((v) => `${v.invariant} at t=${v.t}: ${v.message}`).join('\n'),
    );
    this.violations = violations;
  }
}

/** The Deployment and Service every model run works on. */
const WORKLOAD = 'web';

/** Runs `ms` of virtual time, checking safety invariants after every instant. */
function advance(real: SimReal, ms: number): void {
  const found: Violation[] = [];
  const end = real.sim.now + ms;
  real.sim.runUntil(
    (s) => {
      for (const inv of real.invariants)
        if (inv.kind === 'safety') found.push(...inv.check(s, 'step'));
      for (const check of real.checks ?? []) found.push(...check('step'));
      return s.now >= end;
    },
    { timeout: ms },
  );
  if (found.length > 0) throw new InvariantViolationError(found);
}

/** Power loss of a node, while fewer than `maxNodesDown` are down. */
export class CrashNodeCommand implements SimCommand {
  constructor(readonly node: string) {}
  check(m: Readonly<SimModel>): boolean {
    return !m.down.has(this.node) && m.down.size < m.maxNodesDown;
  }
  run(m: SimModel, r: SimReal): void {
    r.sim.faults.crashNode(this.node);
    m.down.add(this.node);
  }
  toString(): string {
    return `crashNode(${this.node})`;
  }
}

/** Power is back. */
export class RecoverNodeCommand implements SimCommand {
  constructor(readonly node: string) {}
  check(m: Readonly<SimModel>): boolean {
    return m.down.has(this.node);
  }
  run(m: SimModel, r: SimReal): void {
    r.sim.faults.recoverNode(this.node);
    m.down.delete(this.node);
  }
  toString(): string {
    return `recoverNode(${this.node})`;
  }
}

/** kubectl scale of the Deployment. */
export class ScaleCommand implements SimCommand {
  constructor(readonly replicas: number) {}
  check(): boolean {
    return true;
  }
  run(m: SimModel, r: SimReal): void {
    r.sim.update('Deployment', WORKLOAD, (d) => {
      d.spec.replicas = this.replicas;
    });
    m.replicas = this.replicas;
  }
  toString(): string {
    return `scale(${this.replicas})`;
  }
}

/** A new image: a rolling update. */
export class RolloutCommand implements SimCommand {
  check(): boolean {
    return true;
  }
  run(m: SimModel, r: SimReal): void {
    m.revision += 1;
    const image = `app:${m.revision}`;
    r.sim.update('Deployment', WORKLOAD, (d) => {
      const c = d.spec.template.spec.containers[0];
      if (c !== undefined) c.image = image;
    });
  }
  toString(): string {
    return 'rollout';
  }
}

/** kubectl drain of a node that is up and not cordoned, keeping one node schedulable. */
export class DrainCommand implements SimCommand {
  constructor(readonly node: string) {}
  check(m: Readonly<SimModel>): boolean {
    return (
      !m.cordoned.has(this.node) && !m.down.has(this.node) && m.cordoned.size < m.nodes.length - 1
    );
  }
  run(m: SimModel, r: SimReal): void {
    r.sim.drain(this.node);
    m.cordoned.add(this.node);
  }
  toString(): string {
    return `drain(${this.node})`;
  }
}

/** Virtual time passes; safety invariants are checked after every instant. */
export class AdvanceTimeCommand implements SimCommand {
  constructor(readonly ms: number) {}
  check(): boolean {
    return true;
  }
  run(_m: SimModel, r: SimReal): void {
    advance(r, this.ms);
  }
  toString(): string {
    return `advance(${this.ms})`;
  }
}

/** Options of {@link commands} and {@link modelRunSetup}. */
export interface CommandsConstraints<S = unknown> {
  /**
   * The code under test, started once right after the simulation is created (before the nodes
   * and the workload), as in `runScenario`.
   */
  readonly attach?: (sim: Simulation) => S;
  /** Checks of the subject, after every instant and at the end. @defaultValue `[]` */
  readonly checks?: readonly (Check<NoInfer<S>> | CheckFunction<NoInfer<S>>)[];
  /** Nodes of the cluster (node-0, …). @defaultValue `3` */
  readonly nodes?: number;
  /** Most nodes down at once. @defaultValue `1` */
  readonly maxNodesDown?: number;
  /** Most replicas a scale picks. @defaultValue `5` */
  readonly maxReplicas?: number;
  /** Longest time step in ms. @defaultValue `120_000` */
  readonly maxStep?: number;
  /** Most commands. @defaultValue `20` */
  readonly maxCommands?: number;
}

/**
 * The command sequences of a model-based run over a `web` Deployment (3 replicas) behind a Service
 * and a budget (maxUnavailable 1); shrinking toward fewer commands and shorter steps.
 * @example fc.assert(fc.property(commands(), (cmds) => { modelRunChecked(cmds); }))
 */
export function commands(
  constraints: CommandsConstraints = {},
): fc.Arbitrary<Iterable<SimCommand>> {
  const names = Array.from({ length: constraints.nodes ?? 3 }, (_, i) => `node-${i}`);
  const node = fc.constantFrom(...names);
  return fc.commands(
    [
      node.map((n) => new CrashNodeCommand(n)),
      node.map((n) => new RecoverNodeCommand(n)),
      fc.integer({ min: 0, max: constraints.maxReplicas ?? 5 }).map((n) => new ScaleCommand(n)),
      fc.constant(new RolloutCommand()),
      node.map((n) => new DrainCommand(n)),
      fc
        .integer({ min: 1_000, max: constraints.maxStep ?? 120_000 })
        .map((ms) => new AdvanceTimeCommand(ms)),
    ],
    { maxCommands: constraints.maxCommands ?? 20 },
  );
}

/** The `web` Deployment (3 replicas, readiness probe), its Service and its budget. */
const WORKLOAD_MANIFESTS: readonly KubeObjectInput[] = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: WORKLOAD },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: WORKLOAD } },
      template: {
        metadata: { labels: { app: WORKLOAD } },
        spec: {
          containers: [
            {
              name: 'app',
              image: 'app:0',
              ports: [{ name: 'http', containerPort: 8080 }],
              readinessProbe: { httpGet: { path: '/', port: 'http' } },
            },
          ],
        },
      },
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: WORKLOAD },
    spec: { selector: { app: WORKLOAD }, ports: [{ port: 80, targetPort: 'http' }] },
  },
  {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: WORKLOAD },
    spec: { maxUnavailable: 1, selector: { matchLabels: { app: WORKLOAD } } },
  },
];

/** Longest the setup may take to settle, in virtual ms (then `settle` reports what is pending). */
const SETUP_SETTLE_LIMIT = 15 * 60_000;

/** True when nothing that `settle` waits for is pending (it runs nothing: no event is due now). */
function isSettled(sim: Simulation): boolean {
  try {
    sim.settle({ timeout: 0 });
    return true;
  } catch (err) {
    if (err instanceof BudgetExceededError) return false;
    throw err;
  }
}

/**
 * Runs the setup until it settles, one instant at a time (so its first instant, t = 0, too), checking the safety invariants of a set
 * used only here and the subject's checks after every instant.
 * @throws InvariantViolationError when one broke while the setup settled.
 */
function settleSetup(
  sim: Simulation,
  checks: readonly ((phase: 'step' | 'end') => readonly Violation[])[],
): void {
  const safety = builtinInvariants().filter((i) => i.kind === 'safety');
  const found: Violation[] = [];
  const limit = sim.now + SETUP_SETTLE_LIMIT;
  // Whole instants only: after one, nothing is due now, so isSettled runs nothing.
  do {
    if (sim.now >= limit) sim.settle({ timeout: 0 });
    let started = false;
    sim.runUntil(
      () => {
        // runUntil asks once before the first instant.
        if (started) return true;
        started = true;
        return false;
      },
      { timeout: limit - sim.now },
    );
    for (const inv of safety) found.push(...inv.check(sim, 'step'));
    for (const check of checks) found.push(...check('step'));
  } while (!isSettled(sim));
  if (found.length > 0) throw new InvariantViolationError(found);
}

/** Creates the setup of `nodes` nodes: the cluster, then the workload, at t = 0. */
function buildSetup(sim: Simulation, nodes: number): string[] {
  const names = sim.addNodes(nodes, { zones: ['zone-a', 'zone-b'] }).map((n) => n.metadata.name);
  sim.apply(WORKLOAD_MANIFESTS);
  return names;
}

/** A settled setup without a subject: forked by every run that uses it, never run itself. */
interface SettledSetup {
  readonly sim: Simulation;
  readonly nodes: readonly string[];
  /** What broke while it settled (every run reports it). */
  readonly violations: readonly Violation[];
}

/** Most settled setups kept (one per node count; a property uses one). */
const SETUP_CACHE_SIZE = 4;
/** Settled setups by node count, least recently used first. */
const settledSetups = new Map<number, SettledSetup>();

/** The settled setup of `nodes` nodes, built and settled on first use, then kept (LRU). */
function settledSetup(nodes: number): SettledSetup {
  const cached = settledSetups.get(nodes);
  if (cached !== undefined) {
    settledSetups.delete(nodes);
    settledSetups.set(nodes, cached);
    return cached;
  }
  const sim = createSimulation({ seed: 1 });
  const names = buildSetup(sim, nodes);
  let violations: readonly Violation[] = [];
  try {
    settleSetup(sim, []);
  } catch (err) {
    if (!(err instanceof InvariantViolationError)) throw err;
    violations = err.violations;
  }
  const entry: SettledSetup = { sim, nodes: names, violations };
  settledSetups.set(nodes, entry);
  for (const key of settledSetups.keys()) {
    if (settledSetups.size <= SETUP_CACHE_SIZE) break;
    settledSetups.delete(key);
  }
  return entry;
}

/**
 * @internal The same start as {@link modelRunSetup} built from scratch every time (the setup
 * created and settled for this run alone), for tests proving a run from the fork equals it.
 */
export function modelRunSetupFromScratch<S = unknown>(
  constraints: CommandsConstraints<S> = {},
): () => { model: SimModel; real: SimReal } {
  return () => startFromScratch(constraints);
}

function startFromScratch<S>(constraints: CommandsConstraints<S>): {
  model: SimModel;
  real: SimReal;
} {
  const sim = createSimulation({ seed: 1 });
  const subject = constraints.attach === undefined ? undefined : constraints.attach(sim);
  const checks = (constraints.checks ?? []).map((c, i) =>
    toCheck(c, i).start({ sim, subject: subject as S, watchDelay: 0 }),
  );
  const nodes = buildSetup(sim, constraints.nodes ?? 3);
  settleSetup(sim, checks);
  return {
    model: initialModel(nodes, constraints.maxNodesDown),
    real: { sim, invariants: builtinInvariants(), subject, checks },
  };
}

function initialModel(nodes: readonly string[], maxNodesDown: number | undefined): SimModel {
  return {
    nodes,
    down: new Set(),
    cordoned: new Set(),
    replicas: 3,
    revision: 0,
    maxNodesDown: maxNodesDown ?? 1,
  };
}

/**
 * The initial model and the simulation of one run for `fc.modelRun`: nodes, the `web` Deployment,
 * Service and budget, settled (safety invariants and the subject's checks after every instant),
 * and fresh built-in invariants. Without `attach` and `checks` the setup is built and settled once
 * per node count and every run starts from a fork of it (the same run as from scratch, trace and
 * all); with them, the subject watches from before the nodes exist, which a fork cannot carry, so
 * each run builds and settles the setup itself.
 * @throws InvariantViolationError when an invariant or check broke while the setup settled.
 * @example fc.modelRun(modelRunSetup(), cmds)
 */
export function modelRunSetup<S = unknown>(
  constraints: CommandsConstraints<S> = {},
): () => { model: SimModel; real: SimReal } {
  return () => {
    if (constraints.attach !== undefined || (constraints.checks ?? []).length > 0)
      return startFromScratch(constraints);
    const setup = settledSetup(constraints.nodes ?? 3);
    if (setup.violations.length > 0) throw new InvariantViolationError(setup.violations);
    return {
      model: initialModel(setup.nodes, constraints.maxNodesDown),
      real: { sim: setup.sim.fork(), invariants: builtinInvariants() },
    };
  };
}

/**
 * Runs a command sequence (safety invariants and the subject's checks after every instant), then recovers every node,
 * settles and checks the liveness invariants and the checks once more (`attach` and `checks` as in `runScenario`).
 * @throws InvariantViolationError listing what broke.
 * @example fc.assert(fc.property(commands(), (cmds) => { modelRunChecked(cmds); }))
 */
export function modelRunChecked<S = unknown>(
  cmds: Iterable<SimCommand>,
  constraints: CommandsConstraints<S> = {},
): void {
  modelRunCheckedFrom(modelRunSetup(constraints), cmds);
}

/**
 * @internal {@link modelRunChecked} from the start `setup` gives (e.g.
 * {@link modelRunSetupFromScratch}, for the bench and the tests).
 */
export function modelRunCheckedFrom(
  setup: () => { model: SimModel; real: SimReal },
  cmds: Iterable<SimCommand>,
): void {
  let state: { model: SimModel; real: SimReal } | undefined;
  fc.modelRun(() => {
    state = setup();
    return state;
  }, cmds);
  if (state === undefined) return;
  const { model, real } = state;
  for (const n of model.down) real.sim.faults.recoverNode(n);
  advance(real, 1_000);
  real.sim.settle();
  const found = [
    ...real.invariants
      .filter((i) => i.kind === 'liveness')
      .flatMap((i) => [...i.check(real.sim, 'end')]),
    ...(real.checks ?? []).flatMap((check) => [...check('end')]),
  ];
  if (found.length > 0) throw new InvariantViolationError(found);
}
