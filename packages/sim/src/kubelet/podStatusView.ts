/**
 * The pod status the kubelet reports: phase, conditions and container statuses, as
 * pkg/kubelet/kubelet_pods.go `generateAPIPodStatus` and pkg/kubelet/status/status_manager.go
 * build them.
 * @packageDocumentation
 */
import type { Condition, ContainerState, ContainerStatus, Pod, PodPhase } from '@kubesim/core';
import type { ContainerRunner, ReportedContainer, Termination } from './containerRunner.js';

export type { ReportedContainer } from './containerRunner.js';

/** Condition types the kubelet owns (pkg/kubelet/types `PodConditionByKubelet`). */
const KUBELET_CONDITIONS = new Set([
  'PodScheduled',
  'PodReadyToStartContainers',
  'Initialized',
  'ContainersReady',
  'Ready',
]);

function terminatedState(t: Termination, ts: (ms: number) => string): ContainerState {
  return {
    terminated: {
      exitCode: t.exitCode,
      reason: t.reason,
      startedAt: ts(t.startedAt),
      finishedAt: ts(t.finishedAt),
    },
  };
}

/** The API status of one container. */
export function containerStatus(c: ContainerRunner, ts: (ms: number) => string): ContainerStatus {
  let state: ContainerState;
  if (c.state === 'running') state = { running: { startedAt: ts(c.startedAt) } };
  else if (c.state === 'terminated' && c.terminated !== undefined)
    state = terminatedState(c.terminated, ts);
  else {
    state = {
      waiting: {
        reason: c.waitingReason,
        ...(c.waitingMessage === undefined ? {} : { message: c.waitingMessage }),
      },
    };
  }
  return {
    name: c.name,
    state,
    lastState: c.lastTermination === undefined ? {} : terminatedState(c.lastTermination, ts),
    ready: c.ready,
    restartCount: c.restartCount,
    ...(c.spec.image === undefined ? {} : { image: c.spec.image }),
    started: c.state === 'running' && c.started,
  };
}

/** The fields of `c` that {@link containerStatus} reads, with the stored status made of them. */
export function reportedContainer(c: ContainerRunner, status: ContainerStatus): ReportedContainer {
  return {
    state: c.state,
    waitingReason: c.waitingReason,
    waitingMessage: c.waitingMessage,
    startedAt: c.startedAt,
    terminated: c.terminated,
    lastTermination: c.lastTermination,
    ready: c.ready,
    restartCount: c.restartCount,
    started: c.started,
    status,
  };
}

/**
 * True when `r` was made from exactly the fields `c` has now (terminations compare by identity:
 * they are replaced, never changed), so `r.status` is what {@link containerStatus} would build.
 */
export function reportStands(r: ReportedContainer, c: ContainerRunner): boolean {
  return (
    r.state === c.state &&
    r.waitingReason === c.waitingReason &&
    r.waitingMessage === c.waitingMessage &&
    r.startedAt === c.startedAt &&
    r.terminated === c.terminated &&
    r.lastTermination === c.lastTermination &&
    r.ready === c.ready &&
    r.restartCount === c.restartCount &&
    r.started === c.started
  );
}

/**
 * The phase from container states (pkg/kubelet/kubelet_pods.go `getPhase`). `podIsTerminal`: the
 * pod was deleted and its containers stopped, so they will not restart whatever the policy.
 */
export function podPhase(
  containers: readonly ContainerRunner[],
  restartPolicy: string,
  podIsTerminal: boolean,
): PodPhase {
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of containers) {
    if (c.state === 'running') running++;
    else if (c.state === 'terminated') {
      stopped++;
      if (c.terminated?.exitCode === 0) succeeded++;
    } else if (c.lastTermination !== undefined) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped === 0) return 'Pending';
  if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
  if (restartPolicy === 'Always') return 'Running';
  if (stopped === succeeded) return 'Succeeded';
  return restartPolicy === 'Never' ? 'Failed' : 'Running';
}

/** What the kubelet knows about the pod, for its conditions. */
export interface ConditionInputs {
  readonly sandboxReady: boolean;
  /** Names of init containers that have not completed. */
  readonly initPending: readonly string[];
  /** Names of containers (sidecars included) that are not ready. */
  readonly unready: readonly string[];
  readonly phase: PodPhase;
}

function gateProblem(pod: Pod): string | undefined {
  for (const gate of pod.spec.readinessGates ?? []) {
    const c = pod.status.conditions?.find((x) => x.type === gate.conditionType);
    if (c === undefined) {
      return `corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`;
    }
    if (c.status !== 'True') {
      return `the status of pod readiness gate "${gate.conditionType}" is not "True", but ${c.status}`;
    }
  }
  return undefined;
}

type Owned = Omit<Condition, 'lastTransitionTime' | 'lastProbeTime'>;

/** `[a b c]`, as the kubelet lists container names in a condition message. */
function nameList(names: readonly string[]): string {
  return `[${names.join(' ')}]`;
}

/** The kubelet conditions that carry no message, shared (never stored: {@link stamped} copies). */
const SANDBOX_READY: Owned = Object.freeze({ type: 'PodReadyToStartContainers', status: 'True' });
const SANDBOX_GONE: Owned = Object.freeze({ type: 'PodReadyToStartContainers', status: 'False' });
const INITIALIZED: Owned = Object.freeze({ type: 'Initialized', status: 'True' });
const INITIALIZED_COMPLETED: Owned = Object.freeze({
  type: 'Initialized',
  status: 'True',
  reason: 'PodCompleted',
});
const CONTAINERS_READY: Owned = Object.freeze({ type: 'ContainersReady', status: 'True' });
const CONTAINERS_COMPLETED: Owned = Object.freeze({
  type: 'ContainersReady',
  status: 'False',
  reason: 'PodCompleted',
});
const READY: Owned = Object.freeze({ type: 'Ready', status: 'True' });
const READY_COMPLETED: Owned = Object.freeze({
  type: 'Ready',
  status: 'False',
  reason: 'PodCompleted',
});
const SCHEDULED: Owned = Object.freeze({ type: 'PodScheduled', status: 'True' });

function kubeletConditions(pod: Pod, i: ConditionInputs): Owned[] {
  const completed = i.phase === 'Succeeded';
  let containersReady: Owned;
  let ready: Owned;
  if (completed) {
    containersReady = CONTAINERS_COMPLETED;
    ready = READY_COMPLETED;
  } else if (i.unready.length > 0) {
    const message = `containers with unready status: ${nameList(i.unready)}`;
    const reason = 'ContainersNotReady';
    containersReady = { type: 'ContainersReady', status: 'False', reason, message };
    ready = { type: 'Ready', status: 'False', reason, message };
  } else {
    containersReady = CONTAINERS_READY;
    // pkg/kubelet/status/generate.go GeneratePodReadyCondition: containers first, then readiness
    // gates.
    const gate = gateProblem(pod);
    ready =
      gate === undefined
        ? READY
        : { type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: gate };
  }
  const initialized: Owned =
    i.initPending.length > 0
      ? {
          type: 'Initialized',
          status: 'False',
          reason: 'ContainersNotInitialized',
          message: `containers with incomplete status: ${nameList(i.initPending)}`,
        }
      : completed
        ? INITIALIZED_COMPLETED
        : INITIALIZED;
  return [
    i.sandboxReady ? SANDBOX_READY : SANDBOX_GONE,
    initialized,
    ready,
    containersReady,
    SCHEDULED,
  ];
}

/**
 * The pod's conditions: conditions the kubelet does not own first (readiness gates,
 * DisruptionTarget) as they are, then the kubelet's (status_manager.go `mergePodStatus`). A
 * condition keeps its `lastTransitionTime` unless its status changes.
 */
export function podConditions(pod: Pod, inputs: ConditionInputs, nowTs: string): Condition[] {
  const live = pod.status.conditions ?? [];
  const out: Condition[] = [];
  for (const c of live) if (!KUBELET_CONDITIONS.has(c.type)) out.push(c);
  for (const c of kubeletConditions(pod, inputs)) {
    const prev = ofType(live, c.type);
    if (c.type === 'PodScheduled' && prev?.status === 'True') {
      out.push(prev);
      continue;
    }
    const since =
      prev !== undefined && prev.status === c.status ? prev.lastTransitionTime : undefined;
    // An unchanged condition is the stored (frozen) object itself: the write copies and compares less.
    out.push(prev !== undefined && reusable(prev, c, since) ? prev : stamped(c, since ?? nowTs));
  }
  return out;
}

/** The first condition of `type` in `list` (a loop: no closure per look-up). */
function ofType(list: readonly Condition[], type: string): Condition | undefined {
  for (const c of list) if (c.type === type) return c;
  return undefined;
}

/** The keys of a kubelet condition in the order {@link stamped} writes them, by what it has. */
const PLAIN = ['type', 'status', 'lastProbeTime', 'lastTransitionTime'];
const WITH_REASON = ['type', 'status', 'reason', 'lastProbeTime', 'lastTransitionTime'];
const WITH_MESSAGE = ['type', 'status', 'reason', 'message', 'lastProbeTime', 'lastTransitionTime'];

/**
 * True when `prev` is exactly what {@link stamped} would make of `c` (same values, same keys in
 * the same order, so the same JSON), and can be written again as it is.
 */
function reusable(prev: Condition, c: Owned, since: string | undefined): boolean {
  if (
    since === undefined ||
    prev.type !== c.type ||
    prev.status !== c.status ||
    prev.reason !== c.reason ||
    prev.message !== c.message ||
    prev.lastProbeTime !== null ||
    prev.lastTransitionTime !== since
  )
    return false;
  const order =
    c.message !== undefined
      ? c.reason === undefined
        ? undefined
        : WITH_MESSAGE
      : c.reason === undefined
        ? PLAIN
        : WITH_REASON;
  if (order === undefined) return false;
  let i = 0;
  for (const key in prev) {
    if (order[i] !== key) return false;
    i += 1;
  }
  return i === order.length;
}

/**
 * `c` with the kubelet's timestamps added after its own keys, as `{ ...c, lastProbeTime: null,
 * lastTransitionTime }` would order them. Built as object literals of a fixed shape per key set:
 * the spread's copies each end up with a hidden class of their own once the store freezes them
 * (about 300 bytes apiece, and every read of a condition list becomes megamorphic).
 */
function stamped(c: Owned, lastTransitionTime: string): Condition {
  const { type, status, reason, message } = c;
  if (reason === undefined && message === undefined)
    return { type, status, lastProbeTime: null, lastTransitionTime };
  if (message === undefined && reason !== undefined)
    return { type, status, reason, lastProbeTime: null, lastTransitionTime };
  if (reason !== undefined && message !== undefined)
    return { type, status, reason, message, lastProbeTime: null, lastTransitionTime };
  return { ...c, lastProbeTime: null, lastTransitionTime };
}
