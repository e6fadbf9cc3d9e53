/**
 * Errors of scenario runs.
 * @packageDocumentation
 */
import { KubesimError } from '@kubesim/core';

/**
 * Two runs of the same scenario produced different traces: something in the run depends on more
 * than the scenario (the wall clock, an unseeded random source, iteration over an unordered
 * collection, …).
 * Code `Nondeterministic`.
 */
export class NondeterminismError extends KubesimError {
  /** The trace hashes of the two runs. */
  readonly hashes: readonly [string, string];
  constructor(first: string, second: string) {
    super(
      'Nondeterministic',
      `the same scenario gave two different traces (hash ${first}, then ${second}); the run depends on something outside the scenario`,
    );
    this.hashes = [first, second];
  }
}
