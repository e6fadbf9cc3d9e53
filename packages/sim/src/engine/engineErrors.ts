/**
 * The engine's own errors (the shared families live in `@kubesim/core`'s error table).
 * @packageDocumentation
 */
import { KubesimError } from '@kubesim/core';

/** Re-exported from `@kubesim/core`, where the primitives that throw it live too. */
export { InvalidArgumentError } from '@kubesim/core';

/**
 * Virtual time was asked to move backwards (or to a non-integer instant). Code `TimeTravel`.
 * Time only moves forward; an event scheduled in the past is an engine bug.
 */
export class TimeTravelError extends KubesimError {
  /** The current virtual time. */
  readonly now: number;
  /** The refused target time. */
  readonly target: number;
  constructor(now: number, target: number) {
    super(
      'TimeTravel',
      `virtual time cannot move from ${now} ms to ${target} ms: it only advances, in whole milliseconds`,
    );
    this.now = now;
    this.target = target;
  }
}
