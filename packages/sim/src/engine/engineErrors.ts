/**
 * The engine's own errors (the shared families live in `@kubesim/core`'s error table).
 * @packageDocumentation
 */
import { KubesimError } from '@kubesim/core';

/**
 * An engine primitive was called with an argument outside its contract (a non-positive bound, an
 * empty array to pick from, a negative delay). Code `InvalidArgument`; the message names the
 * argument and the value.
 */
export class InvalidArgumentError extends KubesimError {
  /** The argument that was refused. */
  readonly argument: string;
  constructor(argument: string, message: string) {
    super('InvalidArgument', `${argument}: ${message}`);
    this.argument = argument;
  }
}

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
