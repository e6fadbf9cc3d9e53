/**
 * One pod on the simulated node, from binding to removal (§5): sandbox and IP, init containers,
 * containers, status writes, graceful termination.
 * @packageDocumentation
 */
import type { WorldForkContext } from '../world/forkContext.js';
import { ConflictError, NotFoundError, formatTimestamp } from '@kubesim/core';
import type { Condition, ContainerStatus, Pod, PodPhase, PodStatus } from '@kubesim/core';
import type { DelayModel } from '../engine/index.js';
import type { AgentHost } from '../world/agentHost.js';
import { BEHAVIOR_ANNOTATION, DEFAULT_BEHAVIOR, readBehaviorAnnotation } from './behavior.js';
import type { FailureWindow, PodBehavior } from './behavior.js';
import { ContainerRunner } from './containerRunner.js';
import type { ContainerOwner } from './containerRunner.js';
import { BehaviorInvalidError } from './kubeletErrors.js';
import {
  containerStatus,
  podConditions,
  podPhase,
  reportStands,
  reportedContainer,
} from './podStatusView.js';
import type { ConditionInputs, ReportedContainer } from './podStatusView.js';
import type { RestartBackoffPolicy } from './restartBackoff.js';
import { shutdownPlan } from './shutdownPlan.js';
import { Timers } from './timers.js';

/** What a pod worker needs from its kubelet. */
export interface PodWorkerHost {
  readonly host: AgentHost;
  readonly nodeName: string;
  /** Fields of the kubelet's default behaviour (config), under the pod's annotation. */
  readonly defaultBehavior: Partial<PodBehavior>;
  /** One delay of a node-side step. */
  delay(model: DelayModel): number;
  /** A pod address from the node's CIDR, or why there is none. */
  allocateIp(): { readonly ip: string } | { readonly error: string };
  releaseIp(ip: string): void;
  /** The node's InternalIP. */
  hostIP(): string | undefined;
  /** The worker is finished (pod removed or gone). */
  done(worker: PodWorker): void;
  /** The kubelet copy's host in a fork (the host is copied with its kubelet). */
  forkInto(ctx: WorldForkContext): PodWorkerHost;
}

type Stage = 'sandbox' | 'blocked' | 'init' | 'starting' | 'running' | 'done' | 'gone';

/** The lifecycle of one pod on the node. Internal to the kubelet. */
export class PodWorker implements ContainerOwner {
  /** `namespace/name`. */
  readonly key: string;
  /** The pod's uid (a recreated pod of the same name is another worker). */
  readonly uid: string;
  /** The pod's scheduled callbacks; each is followed by a status flush. */
  readonly timers: Timers<PodWorker>;
  /** `spec.restartPolicy`. */
  readonly restartPolicy: string;
  /** CrashLoopBackOff settings from the config. */
  readonly backoff: RestartBackoffPolicy;
  /** Init containers (sidecars included), in order. */
  readonly init: readonly ContainerRunner[];
  /** Regular containers; the first is the main container the behaviour describes. */
  readonly containers: readonly ContainerRunner[];
  /** The kubelet saw the deletion: exits are final. */
  terminating = false;
  /** Readiness failures injected by faults (absolute windows). */
  injectedReadiness: FailureWindow[] = [];
  /** Where the pod is in its lifecycle on this node. */
  stage: Stage = 'sandbox';
  /** The pod's address, once its sandbox is up. */
  ip: string | undefined;
  readonly #ctx: PodWorkerHost;
  #pod: Pod;
  #startTime: number | undefined;
  #terminalPhase: PodPhase | undefined;
  #lastWritten: Pod | undefined;
  #behaviorError: string | undefined;
  /** The conditions last written and their inputs (see #conditions). */
  #reportedConditions: ReportedConditions | undefined;
  /** Conditions built by the render being written, kept by #remember once stored. */
  #pendingConditions: ReportedConditions | undefined;
  /** Container reports built by the render being written, kept by #remember once stored. */
  readonly #pendingReports: ReportedContainer[] = [];
  /** Where each pending report's container is: its index, or -1 - index of an init container. */
  readonly #pendingAt: number[] = [];

  /**
   * @param from - the worker this one copies, in a fork (`fork` maps the parent's objects to
   *   their copies); without it a new worker for `pod`.
   */
  constructor(ctx: PodWorkerHost, pod: Pod, from?: PodWorker, fork?: WorldForkContext) {
    fork?.remember(from as PodWorker, this);
    this.#ctx = ctx;
    this.#pod = pod;
    this.key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    this.uid = pod.metadata.uid;
    this.restartPolicy = pod.spec.restartPolicy;
    const c = ctx.host.config;
    this.backoff = {
      initial: c.containerBackoffInitial,
      max: c.containerBackoffMax,
      reset: c.containerBackoffReset,
    };
    this.timers = new Timers(ctx.host, this);
    if (from !== undefined) {
      fork?.remember(from.timers, this.timers);
      this.timers.copySlots(from.timers);
      this.containers = from.containers.map((c) => c.forkFor(this));
      this.init = from.init.map((c) => c.forkFor(this));
      this.terminating = from.terminating;
      this.injectedReadiness = from.injectedReadiness.slice();
      this.stage = from.stage;
      this.ip = from.ip;
      this.#startTime = from.#startTime;
      this.#terminalPhase = from.#terminalPhase;
      this.#lastWritten = from.#lastWritten;
      this.#behaviorError = from.#behaviorError;
      this.#reportedConditions = from.#reportedConditions;
      return;
    }
    const behavior = this.#behavior(pod);
    // Containers other than the main one behave by default (shared, frozen).
    const healthy = DEFAULT_BEHAVIOR;
    this.containers = pod.spec.containers.map(
      (s, i) => new ContainerRunner(this, s, i === 0 ? behavior : healthy),
    );
    this.init = (pod.spec.initContainers ?? []).map((s) => new ContainerRunner(this, s, healthy));
    const waiting = this.init.length > 0 ? 'PodInitializing' : 'ContainerCreating';
    for (const r of [...this.init, ...this.containers]) r.waitingReason = waiting;
  }

  /** This worker's copy in a fork (made with its kubelet's copy). */
  forkInto(fork: WorldForkContext): PodWorker {
    return new PodWorker(fork.copyOf(this.#ctx), this.#pod, this, fork);
  }

  /** Prefix of the labels of this pod's schedules (built when one is made, not kept). */
  timersLabel(): string {
    return `kubelet/${this.#ctx.nodeName} ${this.key}`;
  }

  /** The simulation handle. */
  get host(): AgentHost {
    return this.#ctx.host;
  }

  #behavior(pod: Pod): PodBehavior {
    const base = baseBehavior(this.#ctx.defaultBehavior);
    const text = pod.metadata.annotations?.[BEHAVIOR_ANNOTATION];
    if (text === undefined) return base;
    try {
      return { ...base, ...readBehaviorAnnotation(text) };
    } catch (e) {
      if (!(e instanceof BehaviorInvalidError)) throw e;
      this.#behaviorError = `${BEHAVIOR_ANNOTATION}: ${e.message}; running with the default behavior`;
      return base;
    }
  }

  /** The container named `name` (init or regular; names are unique in a pod). */
  container(name: string): ContainerRunner | undefined {
    return this.containers.find((c) => c.name === name) ?? this.init.find((c) => c.name === name);
  }

  /** Records an Event about the pod. */
  event(type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.host.store.recordEvent(
      { kind: 'Pod', key: this.key, uid: this.uid },
      type,
      reason,
      message,
    );
  }

  /** The pod was just bound (or seen again after a reboot): set up its sandbox. */
  begin(): void {
    if (this.#behaviorError !== undefined)
      this.event('Warning', 'BehaviorInvalid', this.#behaviorError);
    this.#behaviorError = undefined;
    if (this.#pod.metadata.deletionTimestamp !== undefined) {
      this.beginTermination();
      return;
    }
    this.#scheduleSandbox();
  }

  #scheduleSandbox(): void {
    this.stage = 'sandbox';
    this.timers.set(
      'sandbox',
      this.host.now + this.#ctx.delay(this.host.config.podSandboxDelay),
      (w) => {
        w.#sandboxReady();
      },
    );
  }

  /** Retries a sandbox that failed for lack of a CIDR or an address. */
  unblock(): void {
    if (this.stage === 'blocked') this.#scheduleSandbox();
  }

  #sandboxReady(): void {
    if (this.ip === undefined) {
      if (this.#pod.spec.hostNetwork === true) {
        this.ip = this.#ctx.hostIP();
      } else {
        const got = this.#ctx.allocateIp();
        if ('error' in got) {
          this.stage = 'blocked';
          this.event(
            'Warning',
            'FailedCreatePodSandBox',
            `Failed to create pod sandbox: ${got.error}`,
          );
          return;
        }
        this.ip = got.ip;
      }
    }
    // status_manager.go: startTime is set with the kubelet's first status for the pod.
    this.#startTime ??= this.host.now;
    this.stage = 'init';
    this.#runInit(0);
  }

  #runInit(i: number): void {
    const c = this.init[i];
    if (c === undefined) {
      this.stage = 'starting';
      const cfg = this.host.config;
      const at =
        this.host.now +
        this.#ctx.delay(cfg.imagePullDelay) +
        this.#ctx.delay(cfg.containerStartDelay);
      for (const r of this.containers) r.waitingReason = 'ContainerCreating';
      this.timers.set('start', at, (w) => {
        w.stage = 'running';
        for (const r of w.containers) r.start();
      });
      return;
    }
    const sidecar = c.spec.restartPolicy === 'Always';
    if (!sidecar) c.beginInit();
    // Simplification: each init container takes containerStartDelay and exits 0; a sidecar
    // (restartable init container) starts after it and keeps running.
    this.timers.set(
      `init-${i}`,
      this.host.now + this.#ctx.delay(this.host.config.containerStartDelay),
      (w) => {
        const own = w.init[i];
        if (sidecar) own?.start();
        else own?.complete();
        w.#runInit(i + 1);
      },
    );
  }

  /** A newer state of the pod was observed (watch event). */
  observe(pod: Pod): void {
    this.#pod = pod;
    if (this.stage === 'gone') return;
    if (pod.metadata.deletionTimestamp !== undefined && !this.terminating) {
      this.beginTermination();
      this.flush();
    } else if (pod !== this.#lastWritten) {
      this.flush(); // e.g. a readiness-gate condition or a foreign Ready write
    }
  }

  /** Starts the graceful shutdown (§5.11) of a pod whose deletionTimestamp the kubelet saw. */
  beginTermination(): void {
    this.terminating = true;
    const now = this.host.now;
    if (this.stage === 'done') {
      this.#finish(false);
      return;
    }
    if (this.stage !== 'running') {
      // Nothing ran yet: give up the start and remove the pod at once.
      this.timers.clearPrefix('');
      for (const c of [...this.init, ...this.containers]) c.neverRan(now);
      this.#finish(this.#startTime !== undefined);
      return;
    }
    const meta = this.#pod.metadata;
    const grace =
      (meta.deletionGracePeriodSeconds ?? this.#pod.spec.terminationGracePeriodSeconds) * 1000;
    for (const c of this.containers) {
      if (c.state !== 'running') {
        c.abandonWaiting();
        continue;
      }
      const preStop =
        c.behavior.preStopDuration ?? (c.spec.lifecycle?.preStop?.sleep?.seconds ?? 0) * 1000;
      const plan = shutdownPlan({
        seenAt: now,
        grace,
        preStop,
        terminationDelay: c.behavior.terminationDelay,
        minimumGrace: this.host.config.preStopGraceExtension,
      });
      c.stopAt(plan.exitAt, plan.exitCode);
    }
    this.onContainerExit();
  }

  /** After any container exit: a terminal phase or the end of the shutdown. */
  onContainerExit(): void {
    if (this.stage !== 'running') return;
    if (this.containers.some((c) => c.state === 'running')) return;
    if (this.terminating) {
      this.#stopSidecars();
      this.#finish(true);
      return;
    }
    const phase = podPhase(this.containers, this.restartPolicy, false);
    if (phase === 'Succeeded' || phase === 'Failed') {
      // Terminal without deletion (restartPolicy Never/OnFailure): the sandbox is torn down
      // (its address freed) and the pod object stays.
      this.#stopSidecars();
      this.#terminalPhase = phase;
      this.stage = 'done';
      this.timers.clearPrefix('');
      this.#releaseIp();
    }
  }

  #stopSidecars(): void {
    for (const c of this.init) {
      if (c.state === 'running') c.complete();
    }
  }

  /** All containers stopped: write the terminal phase (when the kubelet wrote status) and remove. */
  #finish(writeStatus: boolean): void {
    this.timers.clearPrefix('');
    if (this.stage !== 'done') {
      this.#terminalPhase = podPhase(this.containers, this.restartPolicy, true);
    }
    this.stage = 'gone';
    if (writeStatus) this.flush(true);
    try {
      this.host.store.remove('Pod', this.key, { uid: this.uid });
    } catch (e) {
      if (!(e instanceof NotFoundError) && !(e instanceof ConflictError)) throw e;
    }
    this.dispose();
  }

  #releaseIp(): void {
    if (this.ip !== undefined && this.#pod.spec.hostNetwork !== true) this.#ctx.releaseIp(this.ip);
  }

  /** The pod object is gone (or the worker is done): cancel everything, free the address. */
  dispose(): void {
    this.timers.clearPrefix('');
    this.#releaseIp();
    this.ip = undefined;
    this.stage = 'gone';
    this.#ctx.done(this);
  }

  /** The node lost power: every run is gone; nothing is written. */
  powerLoss(): void {
    this.timers.clearPrefix('');
    for (const c of [...this.init, ...this.containers]) c.powerLoss();
  }

  /** The node is back: a deleted pod is finished, any other one starts again with a new sandbox. */
  reboot(pod: Pod): void {
    this.#pod = pod;
    if (this.stage === 'done' || this.stage === 'gone') return;
    if (pod.metadata.deletionTimestamp !== undefined) {
      this.terminating = true;
      this.#finish(this.#startTime !== undefined);
      return;
    }
    if (this.stage === 'running') {
      for (const c of [...this.init, ...this.containers]) c.prepareRestart();
    }
    this.#scheduleSandbox();
  }

  /** Writes the status if it changed (one write per observable change). */
  flush(final = false): void {
    if (this.#startTime === undefined || (this.stage === 'gone' && !final)) return;
    const store = this.host.store;
    const live = store.get('Pod', this.key);
    if (live?.metadata.uid !== this.uid) return;
    const status = this.#render(live);
    // Every part is the stored one: the write would change nothing and hand back `live`.
    if (status === live.status) {
      this.#lastWritten = live;
      return;
    }
    const written = store.updateStatus({ ...live, status });
    this.#lastWritten = written;
    this.#remember(written.status);
  }

  /**
   * The status to write: the stored parts where their inputs did not change (the live status
   * itself when nothing did), new parts only for what changed.
   */
  #render(live: Pod): PodStatus {
    // What a write that threw left pending belongs to no stored status.
    this.#pendingReports.length = 0;
    this.#pendingAt.length = 0;
    const stored = live.status;
    const phase = this.#terminalPhase ?? podPhase(this.containers, this.restartPolicy, false);
    const conditions = this.#conditions(live, phase);
    const hostIP = this.#ctx.hostIP();
    const podIP = this.ip ?? stored.podIP;
    const hostIPs = hostIP === undefined ? undefined : ipList(stored.hostIPs, hostIP);
    const podIPs = podIP === undefined ? undefined : ipList(stored.podIPs, podIP);
    const startTime = formatTimestamp(
      this.host.config.startTime + (this.#startTime ?? this.host.now),
    );
    const initStatuses =
      this.init.length === 0
        ? undefined
        : this.#statuses(this.init, stored.initContainerStatuses, true);
    const containerStatuses = this.#statuses(this.containers, stored.containerStatuses, false);
    if (
      phase === stored.phase &&
      conditions === stored.conditions &&
      (hostIPs === undefined || (hostIP === stored.hostIP && hostIPs === stored.hostIPs)) &&
      (podIPs === undefined || (podIP === stored.podIP && podIPs === stored.podIPs)) &&
      startTime === stored.startTime &&
      (initStatuses === undefined || initStatuses === stored.initContainerStatuses) &&
      containerStatuses === stored.containerStatuses
    )
      return stored;
    // Key order as `{ ...stored, phase, conditions, … }` would give (the stored keys in place, the
    // new ones after them in this order), without the literal's temporary objects.
    const out: PodStatus = { ...stored };
    out.phase = phase;
    out.conditions = conditions;
    if (hostIP !== undefined && hostIPs !== undefined) {
      out.hostIP = hostIP;
      out.hostIPs = hostIPs;
    }
    if (podIP !== undefined && podIPs !== undefined) {
      out.podIP = podIP;
      out.podIPs = podIPs;
    }
    out.startTime = startTime;
    if (initStatuses !== undefined) out.initContainerStatuses = initStatuses;
    out.containerStatuses = containerStatuses;
    return out;
  }

  /**
   * The kubelet's conditions: the stored list when it is the one written from the same inputs
   * (rebuilding it would give an equal list), else {@link podConditions} of the new inputs.
   */
  #conditions(live: Pod, phase: PodPhase): Condition[] {
    const sandboxReady = this.stage !== 'done' && this.stage !== 'gone';
    const stored = live.status.conditions;
    const shown = this.#reportedConditions;
    this.#pendingConditions = undefined;
    if (
      shown !== undefined &&
      stored !== undefined &&
      shown.conditions === stored &&
      shown.gates === live.spec.readinessGates &&
      shown.sandboxReady === sandboxReady &&
      shown.phase === phase &&
      sameNames(shown.initPending, this.init, initPending) &&
      sameUnready(shown.unready, this.init, this.containers)
    )
      return stored;
    const inputs: ReportedConditions = {
      sandboxReady,
      initPending: this.#initPendingNames(),
      unready: this.#unreadyNames(),
      phase,
      gates: live.spec.readinessGates,
      conditions: [],
    };
    const out = podConditions(
      live,
      inputs,
      formatTimestamp(this.host.config.startTime + this.host.now),
    );
    inputs.conditions = out;
    this.#pendingConditions = inputs;
    return out;
  }

  /** Names of the init containers that have not completed, in order. */
  #initPendingNames(): string[] {
    const out: string[] = [];
    for (const c of this.init) if (initPending(c)) out.push(c.name);
    return out;
  }

  /** Names of the unready sidecars, then of the unready containers. */
  #unreadyNames(): string[] {
    const out: string[] = [];
    for (const c of this.init) if (isSidecar(c) && !c.ready) out.push(c.name);
    for (const c of this.containers) if (!c.ready) out.push(c.name);
    return out;
  }

  /**
   * The statuses of `runners`: each container's stored status while it stands (see
   * {@link reportStands}), the `stored` list itself when every one does.
   */
  #statuses(
    runners: readonly ContainerRunner[],
    stored: readonly ContainerStatus[] | undefined,
    init: boolean,
  ): ContainerStatus[] {
    const n = runners.length;
    let i = 0;
    if (stored?.length === n) {
      for (; i < n; i++) {
        const c = runners[i] as ContainerRunner;
        const r = c.reported;
        if (r === undefined || r.status !== stored[i] || !reportStands(r, c)) break;
      }
      if (i === n) return stored as ContainerStatus[];
    }
    const ts = (ms: number): string => formatTimestamp(this.host.config.startTime + ms);
    const out = new Array<ContainerStatus>(n);
    for (let k = 0; k < n; k++) {
      const c = runners[k] as ContainerRunner;
      const r = c.reported;
      if (r !== undefined && (k < i || (r.status === stored?.[k] && reportStands(r, c)))) {
        out[k] = r.status;
        continue;
      }
      const status = containerStatus(c, ts);
      // The report is kept once the write is made (see #remember), with the stored status.
      this.#pendingReports.push(reportedContainer(c, status));
      this.#pendingAt.push(init ? -1 - k : k);
      out[k] = status;
    }
    return out;
  }

  /** After a write: what was built from new inputs is now stored; remember it for the next render. */
  #remember(status: PodStatus | undefined): void {
    const cond = this.#pendingConditions;
    this.#pendingConditions = undefined;
    if (cond !== undefined && status?.conditions !== undefined) {
      cond.conditions = status.conditions;
      this.#reportedConditions = cond;
    }
    const pending = this.#pendingReports;
    for (let k = 0; k < pending.length; k++) {
      const at = this.#pendingAt[k] as number;
      const [runners, list] =
        at < 0
          ? [this.init, status?.initContainerStatuses]
          : [this.containers, status?.containerStatuses];
      const i = at < 0 ? -1 - at : at;
      const c = runners[i];
      const s = list?.[i];
      if (c !== undefined && s !== undefined) {
        const r = pending[k] as ReportedContainer;
        r.status = s;
        c.reported = r;
      }
    }
    pending.length = 0;
    this.#pendingAt.length = 0;
  }
}

/** What the kubelet's conditions were last written from, and the stored list they became. */
interface ReportedConditions extends ConditionInputs {
  readonly gates: Pod['spec']['readinessGates'];
  conditions: Condition[];
}

const isSidecar = (c: ContainerRunner): boolean => c.spec.restartPolicy === 'Always';

/** An init container that has not completed (a sidecar: not started). */
const initPending = (c: ContainerRunner): boolean =>
  isSidecar(c) ? !c.started : c.terminated === undefined;

/** Whether `names` are the names of the `runners` that `pick` selects, in order. */
function sameNames(
  names: readonly string[],
  runners: readonly ContainerRunner[],
  pick: (c: ContainerRunner) => boolean,
): boolean {
  let k = 0;
  for (const c of runners) {
    if (!pick(c)) continue;
    if (names[k] !== c.name) return false;
    k++;
  }
  return k === names.length;
}

/** Whether `names` are the unready sidecars then the unready containers, in order. */
function sameUnready(
  names: readonly string[],
  init: readonly ContainerRunner[],
  containers: readonly ContainerRunner[],
): boolean {
  let k = 0;
  for (const c of init) {
    if (!isSidecar(c) || c.ready) continue;
    if (names[k] !== c.name) return false;
    k++;
  }
  for (const c of containers) {
    if (c.ready) continue;
    if (names[k] !== c.name) return false;
    k++;
  }
  return k === names.length;
}

/** The resolved kubelet default behaviour, one frozen object per kubelet setting (not per pod). */
const baseBehaviors = new WeakMap<Partial<PodBehavior>, PodBehavior>();

function baseBehavior(defaults: Partial<PodBehavior>): PodBehavior {
  let base = baseBehaviors.get(defaults);
  if (base === undefined) {
    base = Object.freeze({ ...DEFAULT_BEHAVIOR, ...defaults });
    baseBehaviors.set(defaults, base);
  }
  return base;
}

/** `[{ ip }]`: the stored (frozen) list when it is exactly that, so the write copies less. */
function ipList(stored: { ip: string }[] | undefined, ip: string): { ip: string }[] {
  const first = stored?.length === 1 ? stored[0] : undefined;
  if (stored !== undefined && first?.ip === ip && Object.keys(first).length === 1) return stored;
  return [{ ip }];
}
