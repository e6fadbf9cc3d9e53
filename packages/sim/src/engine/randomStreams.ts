/**
 * One seed split into independent named streams (DESIGN.md point 7).
 * @packageDocumentation
 */
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { InvalidArgumentError } from './engineErrors.js';
import { hash128, seedText } from './hashSeed.js';
import { RandomStream } from './randomStream.js';

/**
 * All the chance of one simulation, from one seed. Each named stream (`'scheduler'`,
 * `'node/node-3'`, `'traffic/web'`, …) gets its own generator whose starting state is a hash of
 * (seed, name) alone, so creating or using one stream never shifts another: adding a fault keeps
 * unrelated draws identical, which keeps fast-check shrinking stable.
 *
 * Seeds may be numbers or strings; a number is read by its decimal text, so `42` and `'42'` are
 * the same seed.
 *
 * @example
 * ```ts
 * const streams = new RandomStreams('demo');
 * const a = streams.stream('scheduler').nextInt(100);
 * streams.stream('scheduler') === streams.stream('scheduler'); // true: one stream per name
 * ```
 */
export class RandomStreams {
  /** The seed as text (what a failure report prints to replay the run). */
  readonly seed: string;
  readonly #streams = new Map<string, RandomStream>();

  /** @throws InvalidArgumentError when a numeric seed is not finite. */
  constructor(seed: number | string) {
    if (typeof seed === 'number' && !Number.isFinite(seed)) {
      throw new InvalidArgumentError('seed', `must be a finite number or a string, got ${seed}`);
    }
    this.seed = seedText(seed);
  }

  /**
   * The stream called `name`: the same instance on every call, continuing where it left off.
   * Its initial state depends only on (seed, name).
   */
  stream(name: string): RandomStream {
    let s = this.#streams.get(name);
    if (s === undefined) {
      s = new RandomStream(name, xoroshiro128plusFromState(streamState(this.seed, name)));
      this.#streams.set(name, s);
    }
    return s;
  }

  /** The stream called `name` if it was created, without creating it. */
  existing(name: string): RandomStream | undefined {
    return this.#streams.get(name);
  }

  /**
   * Independent streams in the same states, for a fork of the simulation: each stream continues
   * in the copy with the values it would have drawn here; streams not created yet start fresh
   * from (seed, name) on both sides.
   */
  fork(): RandomStreams {
    const out = new RandomStreams(this.seed);
    for (const [name, s] of this.#streams) out.#streams.set(name, s.clone());
    return out;
  }

  /** Names of the streams created so far, sorted (for diagnostics and traces). */
  streamNames(): string[] {
    return [...this.#streams.keys()].sort();
  }
}

/** Length-prefixing the seed keeps (seed 'a/b', name 'c') apart from (seed 'a', name 'b/c'). */
function streamState(seed: string, name: string): number[] {
  return hash128(`${seed.length}:${seed}/${name}`);
}
