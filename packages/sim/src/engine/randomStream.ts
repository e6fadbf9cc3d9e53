/**
 * One named, seeded stream of chance.
 * @packageDocumentation
 */
import type { RandomSource } from '@kubesim/core';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { InvalidArgumentError } from './engineErrors.js';

/**
 * A deterministic random stream over a pure-rand generator (xoroshiro128+). It implements core's
 * {@link RandomSource} and adds the few draws the simulation needs. It advances in place: each
 * call consumes randomness, so the same stream must be used in the same order to replay a run.
 * Obtain one from {@link RandomStreams.stream}.
 *
 * @example
 * ```ts
 * const r = new RandomStreams(42).stream('scheduler');
 * r.nextInt(6);               // 0..5
 * r.between(100, 200);        // 100..200 inclusive
 * r.pick(['a', 'b', 'c']);
 * ```
 */
export class RandomStream implements RandomSource {
  /** The name the stream was derived from. */
  readonly name: string;
  readonly #rng: RandomGenerator;

  /** Wraps a generator; prefer {@link RandomStreams.stream}. */
  constructor(name: string, rng: RandomGenerator) {
    this.name = name;
    this.#rng = rng;
  }

  /** An independent stream in the same state: both draw the same values from here on. */
  clone(): RandomStream {
    return new RandomStream(this.name, this.#rng.clone());
  }

  /**
   * A uniform integer in `[0, bound)` (pure-rand's unbiased uniform distribution).
   * @throws InvalidArgumentError when `bound` is not a positive safe integer.
   */
  nextInt(bound: number): number {
    if (!Number.isSafeInteger(bound) || bound <= 0) {
      throw new InvalidArgumentError('bound', `must be a positive integer, got ${bound}`);
    }
    return uniformInt(this.#rng, 0, bound - 1);
  }

  /** A uniform float in `[0, 1)`, a multiple of 2^-53. */
  nextFloat(): number {
    return uniformFloat64(this.#rng);
  }

  /**
   * A uniform integer in `[min, max]`, both inclusive.
   * @throws InvalidArgumentError when a bound is not a safe integer or `min > max`.
   */
  between(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new InvalidArgumentError(
        'between',
        `needs safe integers with min <= max, got [${min}, ${max}]`,
      );
    }
    return uniformInt(this.#rng, min, max);
  }

  /**
   * One element of `items`, uniformly.
   * @throws InvalidArgumentError when `items` is empty.
   */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0)
      throw new InvalidArgumentError('items', 'cannot pick from an empty array');
    return items[uniformInt(this.#rng, 0, items.length - 1)] as T;
  }

  /**
   * A uniformly shuffled copy of `items` (Fisher–Yates, from the last index down); the input is
   * not modified.
   */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = uniformInt(this.#rng, 0, i);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /**
   * Fills `out` with uniform bytes (0–255), 4 per generator step, and returns it. This is the
   * byte source nanoid's `customRandom` reads.
   */
  fillBytes(out: Uint8Array): Uint8Array {
    for (let i = 0; i < out.length; i += 4) {
      const word = this.#rng.next();
      out[i] = word & 0xff;
      if (i + 1 < out.length) out[i + 1] = (word >>> 8) & 0xff;
      if (i + 2 < out.length) out[i + 2] = (word >>> 16) & 0xff;
      if (i + 3 < out.length) out[i + 3] = (word >>> 24) & 0xff;
    }
    return out;
  }
}
