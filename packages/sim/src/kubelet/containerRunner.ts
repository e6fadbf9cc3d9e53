/**
 * One container of a pod on the simulated node: its runs, probes, exits and restarts (§5.6–5.8).
 * @packageDocumentation
 */
import type { Container, ContainerStatus } from '@kubesim/core';
import { nextPhase } from '../engine/index.js';
import type { AgentHost } from '../world/agentHost.js';
import type { FailureWindow, PodBehavior } from './behavior.js';
import { absoluteWindows, nextFlip, probeTiming } from './probeSchedule.js';
import type { ProbeTiming } from './probeSchedule.js';
import { restartDecision, shouldRestart } from './restartBackoff.js';
import type { BackoffEntry, RestartBackoffPolicy } from './restartBackoff.js';
import type { Timers, TimersOwner } from './timers.js';

/** How a container run ended. */
export interface Termination {
  readonly exitCode: number;
  readonly reason: string;
  readonly startedAt: number;
  readonly finishedAt: number;
}

/** What a container needs from its pod. */
export interface ContainerOwner extends TimersOwner {
  readonly host: AgentHost;
  readonly timers: Timers<ContainerOwner>;
  readonly restartPolicy: string;
  readonly backoff: RestartBackoffPolicy;
  /** The pod is shutting down: exits are final. */
  readonly terminating: boolean;
  /** Readiness failures injected by faults, absolute. */
  readonly injectedReadiness: readonly FailureWindow[];
  /** The pod's container named `name` (how a scheduled callback finds its container). */
  container(name: string): ContainerRunner | undefined;
  /** Called after every exit (and restart decision). */
  onContainerExit(c: ContainerRunner): void;
  /** Records an Event on the pod. */
  event(type: 'Normal' | 'Warning', reason: string, message: string): void;
}

/** A pod's scheduled callback that acts on its container named `name`. */
function mine(name: string, fn: (c: ContainerRunner) => void): (owner: ContainerOwner) => void {
  return (owner) => {
    const c = owner.container(name);
    if (c !== undefined) fn(c);
  };
}

interface ProbeTrack {
  readonly timing: ProbeTiming;
  /** The kubelet's current result (true: Success). */
  state: boolean;
  /** The tick of the last flip; only later ticks count. */
  after: number;
}

/**
 * A container's lifecycle. Probe results are computed at start for the whole run and only their
 * flips are scheduled; a healthy container schedules nothing after it is Ready.
 */
export class ContainerRunner {
  /** The container's spec. */
  readonly spec: Container;
  /** What the application does (the default behaviour for all but the main container). */
  readonly behavior: PodBehavior;
  /** The container state as the status reports it. */
  state: 'waiting' | 'running' | 'terminated' = 'waiting';
  /** `state.waiting.reason` while waiting. */
  waitingReason = 'ContainerCreating';
  /** `state.waiting.message` while waiting. */
  waitingMessage: string | undefined;
  /** Start of the current (or last) run. */
  startedAt = 0;
  /** The current run's end while `state` is terminated. */
  terminated: Termination | undefined;
  /** The previous run's end (`lastState.terminated`). */
  lastTermination: Termination | undefined;
  /** Restarts in place so far. */
  restartCount = 0;
  /** The startup probe passed (true at start without one). */
  started = false;
  /** The readiness result (true at start-up completion without a readiness probe). */
  probeReady = false;
  /** The last status written for this container and what it was made from (the pod worker's). */
  reported: ReportedContainer | undefined;
  readonly #owner: ContainerOwner;
  #backoffEntry: BackoffEntry;
  #readiness: ProbeTrack | undefined;

  constructor(owner: ContainerOwner, spec: Container, behavior: PodBehavior) {
    this.#owner = owner;
    this.spec = spec;
    this.behavior = behavior;
  }

  /** A copy of this container's state for `owner`, the pod worker's copy in a fork. */
  forkFor(owner: ContainerOwner): ContainerRunner {
    const out = new ContainerRunner(owner, this.spec, this.behavior);
    out.state = this.state;
    out.waitingReason = this.waitingReason;
    out.waitingMessage = this.waitingMessage;
    out.startedAt = this.startedAt;
    out.terminated = this.terminated;
    out.lastTermination = this.lastTermination;
    out.restartCount = this.restartCount;
    out.started = this.started;
    out.probeReady = this.probeReady;
    out.reported = this.reported;
    out.#backoffEntry = this.#backoffEntry;
    out.#readiness = this.#readiness === undefined ? undefined : { ...this.#readiness };
    return out;
  }

  /** Container name. */
  get name(): string {
    return this.spec.name;
  }

  /** Ready as the pod status reports it: running, started and passing readiness. */
  get ready(): boolean {
    return this.state === 'running' && this.started && this.probeReady;
  }

  #slot(what: string): string {
    return `${this.spec.name}/${what}`;
  }

  /**
   * Runs `fn` on this container now when `t` is not in the future, else at `t` on the container
   * of the same name of the pod that runs the callback (a fork's own copy).
   */
  #at(
    what: string,
    t: number,
    fn: (c: ContainerRunner) => void,
    opts?: { periodic?: boolean },
  ): void {
    if (t <= this.#owner.host.now) {
      this.#owner.timers.clear(this.#slot(what));
      fn(this);
    } else {
      this.#owner.timers.set(this.#slot(what), t, mine(this.name, fn), opts);
    }
  }

  /** Starts a run now. */
  start(): void {
    const now = this.#owner.host.now;
    this.state = 'running';
    this.waitingMessage = undefined;
    this.startedAt = now;
    this.started = false;
    this.probeReady = false;
    this.#readiness = undefined;
    const b = this.behavior;
    if (b.crashAfter !== undefined) {
      this.#at(
        'crash',
        now + b.crashAfter,
        (c) => {
          // containerd: reason Completed for exit 0, Error otherwise.
          c.exit(b.exitCode, b.exitCode === 0 ? 'Completed' : 'Error');
        },
        // A scripted crash is the application's lifetime, not convergence work: settle does not
        // wait for it (DESIGN.md "Running and settling").
        { periodic: true },
      );
    }
    const startup = this.spec.startupProbe;
    if (startup === undefined) {
      this.#onStarted(now);
      return;
    }
    // pkg/kubelet/prober: the startup probe fails until the app is up; failureThreshold
    // consecutive failures kill the container, the first success unblocks the other probes.
    const timing = probeTiming(startup, now, now);
    const success = nextPhase(now + b.startedAfter, timing.periodMs, timing.phase);
    const failuresBefore = (success - timing.phase) / timing.periodMs;
    if (failuresBefore >= timing.failureThreshold) {
      this.#at('startup', timing.phase + (timing.failureThreshold - 1) * timing.periodMs, (c) => {
        c.#probeKill('Startup');
      });
    } else {
      this.#at('startup', success, (c) => {
        c.#onStarted(success);
      });
    }
  }

  #onStarted(at: number): void {
    this.started = true;
    const probe = this.spec.readinessProbe;
    if (probe === undefined) {
      this.probeReady = true;
    } else {
      this.#readiness = {
        timing: probeTiming(probe, this.startedAt, at),
        state: false,
        after: -Infinity,
      };
      this.#planReadiness();
    }
    const liveness = this.spec.livenessProbe;
    if (liveness !== undefined && this.behavior.livenessFailing.length > 0) {
      const failing = absoluteWindows(this.behavior.livenessFailing, this.startedAt);
      const kill = nextFlip(
        probeTiming(liveness, this.startedAt, at),
        { successFrom: -Infinity, failing },
        true,
        -Infinity,
      );
      if (kill !== undefined) {
        // Scripted by the behaviour's livenessFailing windows: periodic for settle.
        this.#at(
          'liveness',
          kill,
          (c) => {
            c.#probeKill('Liveness');
          },
          { periodic: true },
        );
      }
    }
  }

  #planReadiness(): void {
    const track = this.#readiness;
    if (track === undefined || this.state !== 'running') return;
    const outcome = {
      successFrom: this.startedAt + this.behavior.readyAfter,
      failing: [
        ...absoluteWindows(this.behavior.readinessFailing, this.startedAt),
        ...this.#owner.injectedReadiness,
      ],
    };
    const flip = nextFlip(track.timing, outcome, track.state, track.after);
    if (flip === undefined) {
      this.#owner.timers.clear(this.#slot('readiness'));
      return;
    }
    // The first success (readyAfter) and injected faults are convergence work settle waits
    // for; later flips scripted by the behaviour's readinessFailing windows are not.
    const scripted =
      track.after !== -Infinity &&
      this.behavior.readinessFailing.length > 0 &&
      !this.#owner.injectedReadiness.some((w) => w.until > this.#owner.host.now);
    this.#at(
      'readiness',
      flip,
      (c) => {
        // The track this flip was planned on: a new run or an exit replaces or clears the slot.
        const own = c.#readiness;
        if (own === undefined) return;
        own.state = !own.state;
        own.after = flip;
        c.probeReady = own.state;
        c.#planReadiness();
      },
      { periodic: scripted },
    );
  }

  /** Recomputes readiness flips after injected failures changed (only future ticks differ). */
  replanReadiness(): void {
    this.#planReadiness();
  }

  #probeKill(probe: 'Liveness' | 'Startup'): void {
    // pkg/kubelet/kuberuntime: a failed liveness/startup probe kills the container; restartPolicy applies.
    this.#owner.event('Warning', 'Unhealthy', `${probe} probe failed`);
    this.#owner.event(
      'Normal',
      'Killing',
      `Container ${this.name} failed ${probe.toLowerCase()} probe, will be restarted`,
    );
    this.exit(137, 'Error');
  }

  /** Ends the current run now with `exitCode`, then restarts it per restartPolicy and back-off. */
  exit(exitCode: number, reason: string): void {
    if (this.state !== 'running') return;
    const host = this.#owner.host;
    this.#owner.timers.clearPrefix(`${this.spec.name}/`);
    this.terminated = { exitCode, reason, startedAt: this.startedAt, finishedAt: host.now };
    this.state = 'terminated';
    this.probeReady = false;
    this.#readiness = undefined;
    if (!this.#owner.terminating && shouldRestart(this.#owner.restartPolicy, exitCode)) {
      const policy = this.#owner.backoff;
      const d = restartDecision(policy, this.#backoffEntry, this.startedAt, host.now);
      this.#backoffEntry = d.next;
      if (d.delay === 0) {
        this.restart();
      } else {
        this.lastTermination = this.terminated;
        this.terminated = undefined;
        this.state = 'waiting';
        this.waitingReason = 'CrashLoopBackOff';
        this.waitingMessage = `back-off ${d.delay / 1000}s restarting failed container=${this.name}`;
        this.#owner.event(
          'Warning',
          'BackOff',
          'Back-off restarting failed container ' + this.name,
        );
        // Simplification: the kubelet re-syncs every 10 s; kubesim restarts exactly at expiry.
        // Once the back-off has reached its cap the crash loop is periodic: settle returns.
        this.#owner.timers.set(
          this.#slot('restart'),
          host.now + d.delay,
          mine(this.name, (c) => {
            c.restart();
          }),
          { periodic: d.delay >= this.#owner.backoff.max },
        );
      }
    }
    this.#owner.onContainerExit(this);
  }

  /** Starts the next run in place: restartCount + 1, the last exit kept as lastState. */
  restart(): void {
    if (this.terminated !== undefined) this.lastTermination = this.terminated;
    this.terminated = undefined;
    this.restartCount++;
    this.start();
  }

  /** Stops at `at` with `exitCode` (the pod's shutdown); no restart follows. */
  stopAt(at: number, exitCode: number): void {
    this.#owner.timers.clearPrefix(`${this.spec.name}/`);
    if (this.#readiness !== undefined) this.#planReadiness(); // the kubelet keeps probing
    this.#owner.timers.set(
      this.#slot('exit'),
      at,
      mine(this.name, (c) => {
        c.exit(exitCode, exitCode === 0 ? 'Completed' : 'Error');
      }),
    );
  }

  /** Gives up a back-off wait: the container stays stopped with its last exit (pod shutdown). */
  abandonWaiting(): void {
    this.#owner.timers.clearPrefix(`${this.spec.name}/`);
    if (this.state === 'waiting' && this.lastTermination !== undefined) {
      this.terminated = this.lastTermination;
      this.state = 'terminated';
    }
  }

  /** An init container begins its (simulated) work now. */
  beginInit(): void {
    this.state = 'running';
    this.startedAt = this.#owner.host.now;
    this.started = true;
    this.probeReady = false;
  }

  /** The container finished its work now with exit 0 (an init container, a stopped sidecar). */
  complete(): void {
    this.#owner.timers.clearPrefix(`${this.spec.name}/`);
    const now = this.#owner.host.now;
    this.terminated = {
      exitCode: 0,
      reason: 'Completed',
      startedAt: this.startedAt,
      finishedAt: now,
    };
    this.state = 'terminated';
    this.probeReady = false;
    this.#readiness = undefined;
  }

  /**
   * The pod is deleted before this container ran to an end: it is reported terminated with
   * 137 / ContainerStatusUnknown, as the kubelet reports containers of a terminal pod it could not
   * find (kubelet_pods.go `generateAPIPodStatus`).
   */
  neverRan(now: number): void {
    this.#owner.timers.clearPrefix(`${this.spec.name}/`);
    if (this.state === 'terminated') return;
    if (this.state === 'waiting' && this.lastTermination !== undefined) {
      this.terminated = this.lastTermination;
    } else {
      const startedAt = this.state === 'running' ? this.startedAt : now;
      this.terminated = {
        exitCode: 137,
        reason: 'ContainerStatusUnknown',
        startedAt,
        finishedAt: now,
      };
    }
    this.state = 'terminated';
    this.probeReady = false;
  }

  /** After a reboot: the lost run becomes lastState and the container waits for its new start. */
  prepareRestart(): void {
    if (this.terminated !== undefined) {
      this.lastTermination = this.terminated;
      this.terminated = undefined;
      this.restartCount++;
    }
    this.state = 'waiting';
    this.waitingReason = 'ContainerCreating';
    this.waitingMessage = undefined;
  }

  /** The node lost power: the run is gone without a trace in the API. */
  powerLoss(): void {
    this.#owner.timers.clearPrefix(`${this.spec.name}/`);
    if (this.state === 'running') {
      this.terminated = {
        exitCode: 255,
        reason: 'Unknown',
        startedAt: this.startedAt,
        finishedAt: this.#owner.host.now,
      };
      this.state = 'terminated';
    }
    this.probeReady = false;
    this.#readiness = undefined;
  }
}

/**
 * What a container's reported status was made from, and the stored (frozen) status that report
 * became. While the container's fields stay these and the live pod still holds that status, the
 * status is written again as it is: `containerStatus` (podStatusView) would build an equal copy that the
 * store would only compare and drop.
 */
export interface ReportedContainer {
  readonly state: ContainerRunner['state'];
  readonly waitingReason: string;
  readonly waitingMessage: string | undefined;
  readonly startedAt: number;
  readonly terminated: Termination | undefined;
  readonly lastTermination: Termination | undefined;
  readonly ready: boolean;
  readonly restartCount: number;
  readonly started: boolean;
  /** The status built from these fields; the stored (frozen) one once the write is made. */
  status: ContainerStatus;
}
