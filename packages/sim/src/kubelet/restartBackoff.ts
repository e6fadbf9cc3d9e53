/**
 * CrashLoopBackOff arithmetic (§5.8).
 * @packageDocumentation
 */

/** The back-off settings, in ms (SimConfig `containerBackoff*`). */
export interface RestartBackoffPolicy {
  /** Wait before the second restart. @defaultValue `10_000` */
  readonly initial: number;
  /** Longest wait. @defaultValue `300_000` */
  readonly max: number;
  /** A run longer than this forgets the back-off. @defaultValue `600_000` */
  readonly reset: number;
}

/** One container's back-off entry: `undefined` before its first restart (or after a reset). */
export type BackoffEntry = number | undefined;

/** What to do after a container exit. */
export interface RestartDecision {
  /** Wait from the exit to the restart, ms (0: restart at once). */
  readonly delay: number;
  /** The entry to keep for the next exit. */
  readonly next: number;
}

/**
 * The wait before restarting a container that exited at `exitedAt` after starting at
 * `startedAt`, given its back-off entry.
 *
 * Mirrors pkg/kubelet/kuberuntime/kuberuntime_manager.go `doBackOff` over client-go's
 * flowcontrol.Backoff: without an entry the restart is immediate and creates one of `initial`;
 * with one, the restart waits the entry (measured from the exit) and the entry doubles, capped at
 * `max`. An entry untouched for longer than `reset` is dropped (upstream garbage-collects entries
 * older than 2 × 300 s = 10 min), so a container that ran that long restarts at once again.
 * Exits measured to restarts: 0, 10, 20, 40, 80, 160, 300, 300 s …
 *
 * @example
 * ```ts
 * const p = { initial: 10_000, max: 300_000, reset: 600_000 };
 * restartDecision(p, undefined, 0, 5000);   // { delay: 0, next: 10_000 }
 * restartDecision(p, 10_000, 5000, 10_000); // { delay: 10_000, next: 20_000 }
 * ```
 */
export function restartDecision(
  policy: RestartBackoffPolicy,
  entry: BackoffEntry,
  startedAt: number,
  exitedAt: number,
): RestartDecision {
  const current = exitedAt - startedAt > policy.reset ? undefined : entry;
  if (current === undefined) return { delay: 0, next: Math.min(policy.initial, policy.max) };
  return { delay: current, next: Math.min(current * 2, policy.max) };
}

/** Whether `restartPolicy` restarts a container that exited with `exitCode` (§5.7). */
export function shouldRestart(restartPolicy: string, exitCode: number): boolean {
  if (restartPolicy === 'Always') return true;
  if (restartPolicy === 'OnFailure') return exitCode !== 0;
  return false;
}
