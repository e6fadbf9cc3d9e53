/**
 * Injected identity and chance. `@kubesim/core` has no randomness of its own: the store takes an
 * {@link IdSource} for uids and generated names and a {@link RandomSource} for allocation choices.
 * The simulation passes seeded streams; tests pass stubs.
 * @packageDocumentation
 */

/** Upstream's alphabet for generated name suffixes (no vowels, no look-alike digits). */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
/** Length of a generated name suffix (`web-7d4b9-x2k8q`). */
export const NAME_SUFFIX_LENGTH = 5;

/** Where uids and `generateName` suffixes come from. */
export interface IdSource {
  /** A new uid (any unique string; the simulation gives RFC 4122-shaped ones). */
  uid(): string;
  /** A 5-character suffix over {@link NAME_SUFFIX_ALPHABET}. */
  nameSuffix(): string;
}

/** A source of uniform random integers. */
export interface RandomSource {
  /** A uniform integer in `[0, bound)`; `bound` is a positive integer. */
  nextInt(bound: number): number;
}

/**
 * Deterministic ids for tests and the synchronous driver: uids `00000000-0000-4000-8000-000000000001`, …
 * and suffixes counting through the alphabet.
 */
export function counterIdSource(): IdSource {
  let uids = 0;
  let suffixes = 0;
  return {
    uid() {
      uids += 1;
      return `00000000-0000-4000-8000-${uids.toString(16).padStart(12, '0')}`;
    },
    nameSuffix() {
      let n = suffixes++;
      let out = '';
      for (let i = 0; i < NAME_SUFFIX_LENGTH; i++) {
        out = NAME_SUFFIX_ALPHABET.charAt(n % NAME_SUFFIX_ALPHABET.length) + out;
        n = Math.floor(n / NAME_SUFFIX_ALPHABET.length);
      }
      return out;
    },
  };
}

/**
 * A small seeded generator (mulberry32) for code that runs the model without the simulation
 * engine. The simulation uses pure-rand streams instead.
 */
export function seededRandomSource(seed: number): RandomSource {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    nextInt(bound: number) {
      return Math.floor(next() * bound);
    },
  };
}
