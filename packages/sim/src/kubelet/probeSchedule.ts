/**
 * Probe results computed, not ticked (DESIGN.md point 6): from what the application does over
 * time, the exact probe tick at which the kubelet's view of a probe flips.
 * @packageDocumentation
 */
import { nextPhase, nextPhaseAfter, probeDetectionTime } from '../engine/index.js';
import type { FailureWindow } from './behavior.js';

/** When a probe's checks succeed, in absolute virtual ms. */
export interface ProbeOutcome {
  /** Checks before this instant fail (readiness `readyAfter`); `-Infinity` for none. */
  readonly successFrom: number;
  /** Absolute windows `[from, until)` in which checks fail. */
  readonly failing: readonly FailureWindow[];
}

/** When a probe runs and how many results it takes to flip. */
export interface ProbeTiming {
  /** Tick phase: container start + `initialDelaySeconds`; ticks at `phase + k × period`. */
  readonly phase: number;
  /** Ticks before this instant are skipped (e.g. while a startup probe has not succeeded). */
  readonly firstCounted: number;
  readonly periodMs: number;
  readonly successThreshold: number;
  readonly failureThreshold: number;
}

/** Whether a check at `t` succeeds. */
export function checkSucceeds(outcome: ProbeOutcome, t: number): boolean {
  if (t < outcome.successFrom) return false;
  return !outcome.failing.some((w) => w.from <= t && t < w.until);
}

/** Instants where the check outcome may change, sorted, finite. */
function boundaries(outcome: ProbeOutcome): number[] {
  const b = [outcome.successFrom];
  for (const w of outcome.failing) b.push(w.from, w.until);
  return [...new Set(b.filter(Number.isFinite))].sort((x, y) => x - y);
}

/**
 * The tick at which a probe whose current result is `state` (true: Success) flips, counting only
 * ticks strictly after `after` (the previous flip) — or `undefined` if it never flips.
 *
 * Mirrors pkg/kubelet/prober/worker.go: a result is only adopted after `failureThreshold`
 * consecutive failures (or `successThreshold` consecutive successes); a result that agrees with
 * the current state resets the run. The outcome is piecewise constant between boundaries, so the
 * walk costs one step per boundary, never one per tick.
 *
 * @example
 * ```ts
 * // period 10 s, threshold 3, failing from 15 s: failures at 20, 30, 40 → flips at 40 s
 * nextFlip({ phase: 0, firstCounted: 0, periodMs: 10_000, successThreshold: 1, failureThreshold: 3 },
 *   { successFrom: 0, failing: [{ from: 15_000, until: Infinity }] }, true, -Infinity) === 40_000
 * ```
 */
export function nextFlip(
  timing: ProbeTiming,
  outcome: ProbeOutcome,
  state: boolean,
  after: number,
): number | undefined {
  const { phase, periodMs } = timing;
  const start = Math.max(
    nextPhase(timing.firstCounted, periodMs, phase),
    Number.isFinite(after) ? nextPhaseAfter(after, periodMs, phase) : phase,
  );
  const bounds = boundaries(outcome);
  let t = start;
  let run = 0;
  for (;;) {
    const result = checkSucceeds(outcome, t);
    const nextBound = bounds.find((b) => b > t) ?? Infinity;
    const ticks = nextBound === Infinity ? Infinity : Math.ceil((nextBound - t) / periodMs);
    if (result !== state) {
      const need = (result ? timing.successThreshold : timing.failureThreshold) - run;
      if (ticks >= need) {
        // t is a tick, so the detection time is t + (need − 1) × period.
        return probeDetectionTime({
          probeStart: phase,
          periodMs,
          failureThreshold: need,
          failingFrom: t,
        });
      }
      run += ticks;
    } else {
      run = 0;
    }
    if (nextBound === Infinity) return undefined;
    t = nextPhase(nextBound, periodMs, phase);
  }
}

/** Probe timings of a container's probe, in ms. */
export function probeTiming(
  probe: {
    initialDelaySeconds: number;
    periodSeconds: number;
    successThreshold: number;
    failureThreshold: number;
  },
  containerStart: number,
  firstCounted: number,
): ProbeTiming {
  return {
    phase: containerStart + probe.initialDelaySeconds * 1000,
    firstCounted,
    periodMs: Math.max(1, probe.periodSeconds) * 1000,
    successThreshold: Math.max(1, probe.successThreshold),
    failureThreshold: Math.max(1, probe.failureThreshold),
  };
}

/** Shifts behaviour windows (relative to container start) to absolute time. */
export function absoluteWindows(windows: readonly FailureWindow[], start: number): FailureWindow[] {
  return windows.map((w) => ({ from: start + w.from, until: start + w.until }));
}
