/**
 * The map from each object of a simulation to its copy in a fork, built while the fork is made.
 * @packageDocumentation
 */
import { InvalidArgumentError, type ForkContext } from '@kubesim/core';

/** Something that can copy itself into a fork (it calls `ctx.remember` before copying its parts). */
export interface Forkable {
  forkInto(ctx: WorldForkContext): object;
}

/**
 * Memoised copies: `copyOf(x)` is the same copy of `x` on every call. An object copies itself with
 * `forkInto(ctx)` (which may reach back to objects being copied: they `remember` their copy
 * before copying their parts) or, when it has no part in the World, `fork()`.
 */
export class WorldForkContext implements ForkContext {
  readonly #copies = new Map<object, object>();
  #known: ((original: object) => object | undefined) | undefined;

  /**
   * Copies that exist without being remembered one by one (the fork's random streams, found by
   * name): `known` is consulted before an object is asked to copy itself.
   */
  knownCopies(known: (original: object) => object | undefined): void {
    this.#known = known;
  }

  /** Records `copy` as the fork's copy of `original` (before its parts are copied). */
  remember<T extends object>(original: T, copy: T): T {
    this.#copies.set(original, copy);
    return copy;
  }

  /** The fork's copy of `original`, made on first request. */
  copyOf<T extends object>(original: T): T {
    const known = this.#copies.get(original) ?? this.#known?.(original);
    if (known !== undefined) return known as T;
    const o = original as Partial<Forkable> & { fork?: unknown };
    let copy: object;
    if (typeof o.forkInto === 'function') copy = o.forkInto(this);
    else if (typeof o.fork === 'function') copy = (o.fork as () => object).call(original);
    else {
      throw new InvalidArgumentError(
        'fork',
        `${original.constructor.name} cannot be copied into a fork (it has no fork method)`,
      );
    }
    this.#copies.set(original, copy);
    return copy as T;
  }
}
