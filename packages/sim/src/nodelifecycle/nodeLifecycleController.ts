/**
 * The node lifecycle controller, lazily (DESIGN.md point 6): a healthy node costs nothing; work is
 * scheduled only when a node's heartbeats stop or resume, at exactly the monitor passes the fixed
 * phases give (pkg/controller/nodelifecycle/node_lifecycle_controller.go, §6.2–6.6).
 * @packageDocumentation
 */
import type { WorldForkContext } from '../world/forkContext.js';
import {
  firstPassAtOrAfter,
  formatTimestamp,
  nodeReadyStatus,
  NotFoundError,
  planLiftNoExecuteTaints,
  planNodeRecovered,
  planNodeUnknown,
  planNoExecuteTaint,
  unknownTransitionTime,
  ZoneDisruption,
  zoneOf,
} from '@kubesim/core';
import type { Node, Plan, ZoneState } from '@kubesim/core';
import { InvalidArgumentError, nextPhaseAfter } from '../engine/index.js';
import type { AgentHost } from '../world/agentHost.js';
import { applyPlan, type PlanHost } from '../world/applyPlan.js';
import { ZoneTainters } from './zoneTainters.js';

/** What is due for one node whose heartbeats stopped or resumed. */
interface NodeHealth {
  /** The pass that marks it Unknown, while its heartbeats stay stopped. */
  unknownAt?: number;
  /** The pass that writes it Ready again, after its heartbeats resumed. */
  recoverAt?: number;
  /** It had no Ready condition when its heartbeats stopped (startup grace). */
  neverPostedReady: boolean;
}

/** The work of one monitor pass (node names). */
interface PassWork {
  readonly unknown: Set<string>;
  readonly recover: Set<string>;
  /** Nodes observed not-Ready at this pass: they join their zone's tainting queue. */
  readonly enqueue: Set<string>;
}

const NAME = 'node-lifecycle-controller';

/** What the node lifecycle controller needs of the simulation: time, the store, plan applying. */
export interface NodeLifecycleHost extends AgentHost, PlanHost {}
const sorted = (names: Iterable<string>): string[] => [...names].sort();

/**
 * The node lifecycle controller, driven by the simulation through four calls instead of a monitor
 * loop; every write is a plan computed in `@kubesim/core` and applied like a controller's. At the
 * pass that marks a node Unknown it writes Ready, MemoryPressure, DiskPressure and
 * PIDPressure = Unknown, marks every pod on the node Ready=False (phase kept) and applies the
 * `unreachable:NoSchedule` taint at once. At the NEXT pass (upstream hands the Ready condition it
 * observed before this pass's update to `processTaintBaseEviction`, so the node joins the queue one
 * pass later) the node joins its zone's tainting queue, which adds `unreachable:NoExecute` (with
 * `timeAdded`) at `nodeEvictionRate` per zone (burst 1, the first at once) and at the rates the
 * zone states allow (§6.6). Queue drains are scheduled at the exact instants tokens arrive.
 *
 * @example
 * ```ts
 * const nlc = new NodeLifecycleController(host);
 * nlc.heartbeatsStopped('node-1', 12_000); // last renewal at 12 s: Unknown at the pass at 70 s
 * ```
 */
export class NodeLifecycleController {
  readonly #host: NodeLifecycleHost;
  readonly #health = new Map<string, NodeHealth>();
  readonly #passes = new Map<number, PassWork>();
  readonly #tainters: ZoneTainters;
  readonly #zones: ZoneDisruption;

  constructor(host: NodeLifecycleHost, from?: NodeLifecycleController, fork?: WorldForkContext) {
    this.#host = host;
    const taint = (name: string, t: number): void => {
      this.#taintNoExecute(name, t);
    };
    if (from !== undefined && fork !== undefined) {
      fork.remember(from, this);
      this.#tainters = fork.remember(from.#tainters, from.#tainters.fork(host, taint));
      this.#zones = from.#zones.fork((zone) => this.#tainters.queue(zone));
      for (const [k, v] of from.#health) this.#health.set(k, { ...v });
      for (const [at, w] of from.#passes) {
        this.#passes.set(at, {
          unknown: new Set(w.unknown),
          recover: new Set(w.recover),
          enqueue: new Set(w.enqueue),
        });
      }
      return;
    }
    this.#tainters = new ZoneTainters(host, taint, NAME);
    this.#zones = new ZoneDisruption(host.config, (zone) => this.#tainters.queue(zone));
  }

  /** This controller's copy in a fork, on the fork's World. */
  forkInto(fork: WorldForkContext): NodeLifecycleController {
    return new NodeLifecycleController(fork.copyOf(this.#host), this, fork);
  }

  /**
   * The kubelet of `nodeName` stopped renewing its lease (crash or partition); its last renewal
   * was at `lastRenewal` (≤ now). Schedules the Unknown transition at
   * {@link unknownTransitionTime} (startup grace when the node has no Ready condition), or at the
   * next pass when that instant is already past.
   * @throws NotFoundError when the node does not exist; InvalidArgumentError when `lastRenewal` is
   *   not a finite instant at or before now.
   */
  heartbeatsStopped(nodeName: string, lastRenewal: number): void {
    const now = this.#host.now;
    if (!Number.isFinite(lastRenewal) || lastRenewal > now) {
      throw new InvalidArgumentError(
        'lastRenewal',
        `must be a finite instant at or before now (${now} ms), got ${lastRenewal}`,
      );
    }
    const node = this.#node(nodeName);
    if (node === undefined) {
      throw new NotFoundError(`nodes "${nodeName}" not found: heartbeats of an unknown node`);
    }
    const neverPostedReady = nodeReadyStatus(node) === undefined;
    const period = this.#host.config.nodeMonitorPeriod;
    const due = unknownTransitionTime(lastRenewal, this.#host.config, neverPostedReady);
    const at = Math.max(due, firstPassAtOrAfter(now, period));
    const health = this.#healthOf(nodeName);
    health.neverPostedReady = neverPostedReady;
    health.unknownAt = at;
    this.#pass(at).unknown.add(nodeName);
  }

  /**
   * The kubelet of `nodeName` renews its lease again (now). A pending Unknown transition is
   * cancelled; a node already Unknown is written Ready (as its kubelet would post it) and loses its
   * not-ready/unreachable taints at the first pass at or after now.
   */
  heartbeatsResumed(nodeName: string): void {
    const health = this.#health.get(nodeName);
    if (health !== undefined) delete health.unknownAt;
    const node = this.#node(nodeName);
    if (node === undefined || nodeReadyStatus(node) !== 'Unknown') {
      this.#forgetIfIdle(nodeName);
      return;
    }
    const at = firstPassAtOrAfter(this.#host.now, this.#host.config.nodeMonitorPeriod);
    this.#healthOf(nodeName).recoverAt = at;
    this.#pass(at).recover.add(nodeName);
  }

  /** A Node object was created: zone states are recomputed at the next pass. */
  nodeAdded(_nodeName: string): void {
    this.#pass(firstPassAtOrAfter(this.#host.now, this.#host.config.nodeMonitorPeriod));
  }

  /** A Node object was deleted: its pending work is dropped and zone states recomputed at the next pass. */
  nodeDeleted(nodeName: string): void {
    this.#health.delete(nodeName);
    this.#tainters.removeEverywhere(nodeName);
    this.#pass(firstPassAtOrAfter(this.#host.now, this.#host.config.nodeMonitorPeriod));
  }

  /** Each zone's state as of the last pass, by zone name (sorted); `''` is the zone of unlabelled nodes. */
  zoneStates(): ReadonlyMap<string, ZoneState> {
    return this.#zones.states();
  }

  #node(name: string): Node | undefined {
    return this.#host.store.get('Node', name);
  }

  #stamp(t: number): string {
    return formatTimestamp(this.#host.config.startTime + t);
  }

  #healthOf(name: string): NodeHealth {
    let health = this.#health.get(name);
    if (health === undefined) {
      health = { neverPostedReady: false };
      this.#health.set(name, health);
    }
    return health;
  }

  #forgetIfIdle(name: string): void {
    const health = this.#health.get(name);
    if (health?.unknownAt === undefined && health?.recoverAt === undefined) {
      this.#health.delete(name);
    }
  }

  #pass(at: number): PassWork {
    let work = this.#passes.get(at);
    if (work === undefined) {
      const created: PassWork = { unknown: new Set(), recover: new Set(), enqueue: new Set() };
      this.#passes.set(at, created);
      this.#host.schedule(at, `${NAME} monitor pass`, this, (nlc) => {
        // The pass's work as the running controller holds it (a fork keeps its own copy).
        const own = nlc.#passes.get(at);
        if (own !== undefined) nlc.#runPass(at, own);
      });
      work = created;
    }
    return work;
  }

  #runPass(t: number, work: PassWork): void {
    if (this.#passes.get(t) === work) this.#passes.delete(t);
    for (const name of sorted(work.unknown)) this.#markUnknown(name, t);
    for (const name of sorted(work.recover)) this.#recover(name, t);
    for (const name of sorted(work.enqueue)) {
      const node = this.#node(name);
      // processTaintBaseEviction: only a node still observed not-Ready joins the queue.
      if (node !== undefined && nodeReadyStatus(node) !== 'True')
        this.#tainters.queue(zoneOf(node)).add(name);
    }
    const outcome = this.#zones.update(this.#host.store.list('Node'), t);
    if (outcome === 'enteredFullDisruption') this.#enterFullDisruption(t);
    if (outcome === 'exitedFullDisruption') this.#resetProbes(t);
    this.#tainters.drainAll(t);
  }

  #markUnknown(name: string, t: number): void {
    const health = this.#health.get(name);
    if (health?.unknownAt !== t) return;
    delete health.unknownAt;
    this.#forgetIfIdle(name);
    if (this.#node(name) === undefined) return;
    this.#apply(name, planNodeUnknown(this.#host.store, name, this.#stamp(t)));
    this.#pass(t + this.#host.config.nodeMonitorPeriod).enqueue.add(name);
  }

  #recover(name: string, t: number): void {
    const health = this.#health.get(name);
    if (health?.recoverAt !== t) return;
    delete health.recoverAt;
    this.#forgetIfIdle(name);
    const node = this.#node(name);
    if (node === undefined) return;
    this.#apply(name, planNodeRecovered(this.#host.store, name, this.#stamp(t)));
    this.#tainters.queue(zoneOf(node)).remove(name);
  }

  /** Every zone fully disrupted: remove NoExecute taints, empty the queues, re-add at the next pass. */
  #enterFullDisruption(t: number): void {
    const next = this.#pass(t + this.#host.config.nodeMonitorPeriod);
    const nodes = this.#host.store.list('Node');
    this.#apply('all nodes', planLiftNoExecuteTaints(nodes));
    for (const node of nodes) {
      if (nodeReadyStatus(node) === 'Unknown') next.enqueue.add(node.metadata.name);
    }
    this.#tainters.clearAll();
  }

  /** Leaving "every zone fully disrupted": probe timestamps restart now, so pending Unknowns move out. */
  #resetProbes(t: number): void {
    const config = this.#host.config;
    for (const [name, health] of this.#health) {
      if (health.unknownAt === undefined) continue;
      const grace = health.neverPostedReady
        ? config.nodeStartupGracePeriod
        : config.nodeMonitorGracePeriod;
      const at = nextPhaseAfter(t + grace, config.nodeMonitorPeriod);
      if (at <= health.unknownAt) continue;
      health.unknownAt = at;
      this.#pass(at).unknown.add(name);
    }
  }

  /** The zone queue's tainting step (upstream: swap in the NoExecute taint of the Ready status). */
  #taintNoExecute(name: string, t: number): void {
    this.#apply(name, planNoExecuteTaint(this.#host.store, name, this.#stamp(t)));
  }

  /**
   * Applies a plan through the path every controller's plan takes. A stale read cannot happen
   * here: a plan is computed and applied inside one task, so nothing else writes in between.
   */
  #apply(key: string, plan: Plan): void {
    applyPlan(this.#host, NAME, key, plan);
  }
}
