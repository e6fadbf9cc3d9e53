/**
 * How late a watcher sees a change, or how long a node-side step takes (DESIGN.md point 5).
 * @packageDocumentation
 */
import { InvalidArgumentError } from './engineErrors.js';
import type { RandomStream } from './randomStream.js';
import type { RandomStreams } from './randomStreams.js';

/** A jittered delay: uniform whole milliseconds in `[min, max]`, drawn from a named stream. */
export interface DelayRange {
  /** Shortest delay, ms (inclusive). */
  readonly min: number;
  /** Longest delay, ms (inclusive). */
  readonly max: number;
  /**
   * Stream the jitter is drawn from; by default the caller's stream (e.g. one per watcher), so
   * jitter of one watcher never shifts another's.
   */
  readonly stream?: string;
}

/** A delay: a fixed number of ms (0 allowed), or a seeded jitter range. */
export type DelayModel = number | DelayRange;

/**
 * Checks a delay model: whole ms, at least 0, `min <= max`.
 * @throws InvalidArgumentError naming `field`.
 */
export function validateDelayModel(model: DelayModel, field = 'delay'): DelayModel {
  const whole = (v: number): boolean => Number.isSafeInteger(v) && v >= 0;
  if (typeof model === 'number') {
    if (!whole(model)) {
      throw new InvalidArgumentError(
        field,
        `must be a whole number of ms, at least 0, got ${model}`,
      );
    }
    return model;
  }
  if (!whole(model.min) || !whole(model.max) || model.min > model.max) {
    throw new InvalidArgumentError(
      field,
      `a jitter range needs whole ms with 0 <= min <= max, got { min: ${model.min}, max: ${model.max} }`,
    );
  }
  return model;
}

/** Whether the model is a fixed delay (no randomness is drawn for it). */
export function isFixedDelay(model: DelayModel): model is number {
  return typeof model === 'number';
}

/**
 * One delay drawn from `model`: the fixed value itself (drawing nothing), or a uniform whole
 * number of ms in `[min, max]` from `stream` (a range with `min === max` draws nothing either).
 * @example sampleDelay({ min: 100, max: 300 }, streams.stream('watch/proxy/node-1')) // 100..300
 */
export function sampleDelay(model: DelayModel, stream: RandomStream): number {
  if (typeof model === 'number') return model;
  if (model.min === model.max) return model.min;
  return stream.between(model.min, model.max);
}

/**
 * A function drawing successive delays of `model`, reading jitter from `model.stream` when set,
 * else from `defaultStream`. The stream is only created when the model jitters.
 * @example const delay = delaySampler(config.controllerWatchDelay, streams, 'watch/endpointslice');
 */
export function delaySampler(
  model: DelayModel,
  streams: RandomStreams,
  defaultStream: string,
): () => number {
  const checked = validateDelayModel(model);
  if (typeof checked === 'number') return () => checked;
  if (checked.min === checked.max) return () => checked.min;
  const stream = streams.stream(checked.stream ?? defaultStream);
  return () => stream.between(checked.min, checked.max);
}
