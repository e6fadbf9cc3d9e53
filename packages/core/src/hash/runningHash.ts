/**
 * One running 64-bit content hash (two 32-bit lanes: FNV-1a and a MurmurHash2-multiplied lane
 * with a shift), fed text incrementally. The simulation's trace hash and the OpenAPI documents'
 * content hashes are both this function; neither is a cryptographic hash.
 * @packageDocumentation
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MURMUR_M = 0x5bd1e995;

/**
 * An incremental hash over UTF-16 code units: `mix` any number of texts, then read `hex()`.
 * Equal sequences of mixed text give equal hashes, however the text was split.
 * @example new RunningHash().mix('ab').hex() === new RunningHash().mix('a').mix('b').hex()
 */
export class RunningHash {
  #h1 = FNV_OFFSET;
  #h2 = FNV_PRIME ^ MURMUR_M;

  /** Feeds `text` from index `from` (default 0) into the hash; returns this hash. */
  mix(text: string, from = 0): this {
    let h1 = this.#h1;
    let h2 = this.#h2;
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, FNV_PRIME);
      h2 = Math.imul(h2 ^ c, MURMUR_M);
      h2 ^= h2 >>> 15;
    }
    this.#h1 = h1 >>> 0;
    this.#h2 = h2 >>> 0;
    return this;
  }

  /** The hash so far: 16 lower-case hex digits. */
  hex(): string {
    return this.#h1.toString(16).padStart(8, '0') + this.#h2.toString(16).padStart(8, '0');
  }

  /** An independent hash in the same state (mixing into either does not change the other). */
  copy(): RunningHash {
    const out = new RunningHash();
    out.#h1 = this.#h1;
    out.#h2 = this.#h2;
    return out;
  }
}
