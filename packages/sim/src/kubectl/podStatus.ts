/**
 * The READY, STATUS and RESTARTS columns of `kubectl get pods`, computed from a pod the way
 * kubectl's printer does (kubernetes pkg/printers/internalversion/printers.go, printPod).
 * @packageDocumentation
 */
import { parseTimestamp, type ContainerStatus, type Pod } from '@kubesim/core';
import { humanDuration } from './humanDuration.js';

/** What `kubectl get pods` shows for one pod. */
export interface PodColumns {
  /** `ready/total` containers, e.g. `1/1`. */
  readonly ready: string;
  /** The STATUS column: `Running`, `Pending`, `ContainerCreating`, `CrashLoopBackOff`, `Terminating`, … */
  readonly status: string;
  /** The RESTARTS column: `0`, or `3 (25s ago)` after a restart. */
  readonly restarts: string;
}

// Reason the node lifecycle controller sets on pods of an unreachable node (NodeUnreachablePodReason).
const NODE_UNREACHABLE = 'NodeLost';

const isRestartableInit = (pod: Pod, name: string): boolean =>
  pod.spec.initContainers?.find((c) => c.name === name)?.restartPolicy === 'Always';

const finishedAt = (s: ContainerStatus): number | undefined => {
  const at = s.lastState?.terminated?.finishedAt;
  return at === undefined ? undefined : parseTimestamp(at);
};

/**
 * Computes kubectl's READY, STATUS and RESTARTS for `pod` at `nowEpochMs`.
 *
 * @example podColumns(runningPod, now) // { ready: '1/1', status: 'Running', restarts: '0' }
 */
export function podColumns(pod: Pod, nowEpochMs: number): PodColumns {
  const status = pod.status;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  let total = pod.spec.containers.length;
  let ready = 0;
  let reason: string = status.reason ?? status.phase;
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  for (const c of pod.spec.initContainers ?? []) if (c.restartPolicy === 'Always') total += 1;

  const later = (a: number | undefined, b: number | undefined): number | undefined =>
    b === undefined ? a : a === undefined || b > a ? b : a;

  let initializing = false;
  const inits = status.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    if (c === undefined) continue;
    restarts += c.restartCount;
    lastRestart = later(lastRestart, finishedAt(c));
    const sidecar = isRestartableInit(pod, c.name);
    if (sidecar) {
      sidecarRestarts += c.restartCount;
      lastSidecarRestart = later(lastSidecarRestart, finishedAt(c));
    }
    const term = c.state.terminated;
    if (term !== undefined && term.exitCode === 0) continue;
    if (sidecar && c.started === true) {
      if (c.ready) ready += 1;
      continue;
    }
    if (term !== undefined) {
      reason =
        term.reason !== undefined && term.reason !== ''
          ? `Init:${term.reason}`
          : term.signal !== undefined && term.signal !== 0
            ? `Init:Signal:${term.signal}`
            : `Init:ExitCode:${term.exitCode}`;
    } else if (
      c.state.waiting?.reason !== undefined &&
      c.state.waiting.reason !== '' &&
      c.state.waiting.reason !== 'PodInitializing'
    ) {
      reason = `Init:${c.state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${pod.spec.initContainers?.length ?? 0}`;
    }
    initializing = true;
    break;
  }

  const initialized = (status.conditions ?? []).some(
    (c) => c.type === 'Initialized' && c.status === 'True',
  );
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const containers = status.containerStatuses ?? [];
    // kubectl walks the containers from the last one, so the first container's reason wins.
    for (let i = containers.length - 1; i >= 0; i--) {
      const c = containers[i];
      if (c === undefined) continue;
      restarts += c.restartCount;
      lastRestart = later(lastRestart, finishedAt(c));
      const { waiting, terminated, running } = c.state;
      if (waiting?.reason !== undefined && waiting.reason !== '') reason = waiting.reason;
      else if (terminated?.reason !== undefined && terminated.reason !== '')
        reason = terminated.reason;
      else if (terminated !== undefined)
        reason =
          terminated.signal !== undefined && terminated.signal !== 0
            ? `Signal:${terminated.signal}`
            : `ExitCode:${terminated.exitCode}`;
      else if (c.ready && running !== undefined) {
        hasRunning = true;
        ready += 1;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some(
        (c) => c.type === 'Ready' && c.status === 'True',
      );
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp !== undefined) {
    if (status.reason === NODE_UNREACHABLE) reason = 'Unknown';
    else if (status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';
  }

  const restartText =
    restarts !== 0 && lastRestart !== undefined
      ? `${restarts} (${humanDuration(nowEpochMs - lastRestart)} ago)`
      : String(restarts);
  return { ready: `${ready}/${total}`, status: reason, restarts: restartText };
}
