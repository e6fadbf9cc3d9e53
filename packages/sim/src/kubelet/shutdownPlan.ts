/**
 * When each container of a deleted pod stops (§5.11).
 * @packageDocumentation
 */

/** The inputs of {@link shutdownPlan}, in ms. */
export interface ShutdownInput {
  /** When the kubelet saw the deletion (the grace period is counted from here, as upstream). */
  readonly seenAt: number;
  /** `deletionGracePeriodSeconds` × 1000. */
  readonly grace: number;
  /** Time the preStop hook takes (0 without one). */
  readonly preStop: number;
  /** Time the application takes to exit after TERM. */
  readonly terminationDelay: number;
  /** The minimum window between TERM and KILL (SimConfig `preStopGraceExtension`, 2 s). */
  readonly minimumGrace: number;
}

/** The outcome of a container's shutdown. */
export interface ShutdownPlan {
  /** When TERM is sent (after the preStop hook, or when the grace period cut it off). */
  readonly termAt: number;
  /** When KILL would be sent. */
  readonly killAt: number;
  /** When the container stops: `min(TERM + terminationDelay, KILL)`. */
  readonly exitAt: number;
  /** 0 when the application exited on TERM in time, 137 (128 + SIGKILL) when it was killed. */
  readonly exitCode: number;
}

/**
 * Computes a container's shutdown like pkg/kubelet/kuberuntime/kuberuntime_container.go
 * `killContainer`: the preStop hook runs for at most the grace period; the grace left after it is
 * the TERM→KILL window, but never less than `minimumGrace` ("always give containers a minimal
 * shutdown window", which is the one-off 2 s extension when preStop overran the grace period).
 * The hook is skipped when the grace period is 0.
 *
 * @example
 * ```ts
 * // preStop 40 s overruns grace 30 s: TERM at 30 s, KILL at 32 s
 * shutdownPlan({ seenAt: 0, grace: 30_000, preStop: 40_000, terminationDelay: 60_000, minimumGrace: 2000 })
 * // → { termAt: 30_000, killAt: 32_000, exitAt: 32_000, exitCode: 137 }
 * ```
 */
export function shutdownPlan(input: ShutdownInput): ShutdownPlan {
  const hook = input.grace > 0 ? Math.min(input.preStop, input.grace) : 0;
  const termAt = input.seenAt + hook;
  const window = Math.max(input.grace - hook, input.minimumGrace);
  const killAt = termAt + window;
  const cleanExit = termAt + input.terminationDelay;
  return cleanExit <= killAt
    ? { termAt, killAt, exitAt: cleanExit, exitCode: 0 }
    : { termAt, killAt, exitAt: killAt, exitCode: 137 };
}
