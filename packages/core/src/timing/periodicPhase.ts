/**
 * Periodic activity computed, not ticked (DESIGN.md point 6): the instants of a fixed-phase
 * period, and when a failing probe is detected.
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../errors.js';

function checkPeriod(periodMs: number): void {
  if (!Number.isSafeInteger(periodMs) || periodMs <= 0) {
    throw new InvalidArgumentError(
      'period',
      `must be a whole number of ms above 0, got ${periodMs}`,
    );
  }
}

/**
 * The first tick at or after `now` of a period that ticks at `phase + k × period` for
 * k = 0, 1, 2, … (no tick before `phase`: before it, the answer is `phase`).
 * @example nextPhase(12_000, 5000) === 15_000      // node monitor passes at k × 5 s
 * @example nextPhase(15_000, 5000) === 15_000      // a tick at `now` counts
 * @example nextPhase(3000, 10_000, 7000) === 7000  // a kubelet started at 7 s renews at 7 s, 17 s, …
 * @throws InvalidArgumentError when `period` is not a positive whole number of ms.
 */
export function nextPhase(now: number, period: number, phase = 0): number {
  checkPeriod(period);
  if (now <= phase) return phase;
  return phase + Math.ceil((now - phase) / period) * period;
}

/**
 * The first tick strictly after `t` of the period ticking at `phase + k × period`, k ≥ 0.
 * @example nextPhaseAfter(15_000, 5000) === 20_000
 * @example nextPhaseAfter(-1, 5000) === 0
 * @throws InvalidArgumentError when `period` is not a positive whole number of ms.
 */
export function nextPhaseAfter(t: number, period: number, phase = 0): number {
  checkPeriod(period);
  if (t < phase) return phase;
  return phase + (Math.floor((t - phase) / period) + 1) * period;
}

/** The inputs of {@link probeDetectionTime}. All times are virtual ms. */
export interface ProbeDetectionInput {
  /** The first probe tick: container start + `initialDelaySeconds` (probes then run every period). */
  readonly probeStart: number;
  /** `periodSeconds` in ms. */
  readonly periodMs: number;
  /** Consecutive results needed to flip the state (`failureThreshold`, or `successThreshold` for recovery). */
  readonly failureThreshold: number;
  /** The instant from which every probe result is a failure (or, for recovery, a success). */
  readonly failingFrom: number;
}

/**
 * When the kubelet acts on a probe that keeps failing from `failingFrom` on.
 *
 * Probes run at `probeStart + k × periodMs` (k ≥ 0). The first failing probe is the tick AT OR
 * AFTER `failingFrom` (a probe at the very instant the failure starts sees it); the state flips at
 * the `failureThreshold`-th consecutive failure, that is at
 * `firstFailingTick + (failureThreshold − 1) × periodMs`. The same rule gives the recovery time
 * with `successThreshold` and the instant probes start passing. Real kubelets add a random
 * initial offset to the first probe; kubesim fixes the phase at `probeStart` so timings are exact.
 *
 * @example
 * ```ts
 * // period 10 s, threshold 3, probes at 0, 10, 20, …; failing from 15 s:
 * // failures at 20, 30, 40 → detected at 40 s
 * probeDetectionTime({ probeStart: 0, periodMs: 10_000, failureThreshold: 3, failingFrom: 15_000 }) === 40_000
 * ```
 * @throws InvalidArgumentError for a non-positive period or a threshold that is not a positive integer.
 */
export function probeDetectionTime(input: ProbeDetectionInput): number {
  const { probeStart, periodMs, failureThreshold, failingFrom } = input;
  if (!Number.isSafeInteger(failureThreshold) || failureThreshold < 1) {
    throw new InvalidArgumentError(
      'failureThreshold',
      `must be a positive integer, got ${failureThreshold}`,
    );
  }
  const firstFailing = nextPhase(failingFrom, periodMs, probeStart);
  return firstFailing + (failureThreshold - 1) * periodMs;
}
