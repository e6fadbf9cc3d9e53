/**
 * The set of event sequence numbers still pending in an {@link EventQueue}: one bit per sequence,
 * in chunks that are freed once every sequence they cover has been issued and consumed. It lets
 * `cancel` tell a pending event from one that already ran in O(1), without a per-event object.
 * @packageDocumentation
 */

const CHUNK_BITS = 15;
const CHUNK_SIZE = 1 << CHUNK_BITS; // sequences per chunk
const WORDS = CHUNK_SIZE >>> 5;
const COUNT = WORDS; // index of the live counter stored after the bit words

/** Internal: the pending sequence numbers of one queue. Sequences are non-negative integers. */
export class PendingSequences {
  readonly #chunks = new Map<number, Int32Array>();
  #lastIndex = -1;
  #lastChunk: Int32Array | undefined;

  #chunk(seq: number, create: boolean): Int32Array | undefined {
    const index = Math.floor(seq / CHUNK_SIZE);
    if (index === this.#lastIndex) return this.#lastChunk;
    let chunk = this.#chunks.get(index);
    if (chunk === undefined && create) {
      chunk = new Int32Array(WORDS + 1);
      this.#chunks.set(index, chunk);
    }
    if (chunk !== undefined) {
      this.#lastIndex = index;
      this.#lastChunk = chunk;
    }
    return chunk;
  }

  /** Marks `seq` pending (it must not be). */
  add(seq: number): void {
    const chunk = this.#chunk(seq, true) as Int32Array;
    const bit = seq % CHUNK_SIZE;
    chunk[bit >>> 5] = (chunk[bit >>> 5] ?? 0) | (1 << (bit & 31));
    chunk[COUNT] = (chunk[COUNT] ?? 0) + 1;
  }

  /** Whether `seq` is pending. */
  has(seq: number): boolean {
    const chunk = this.#chunk(seq, false);
    if (chunk === undefined) return false;
    const bit = seq % CHUNK_SIZE;
    return ((chunk[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0;
  }

  /**
   * Clears `seq` (it must be pending). `issued` is the next sequence the queue will issue: a
   * chunk is released when it is empty and every sequence it covers has been issued.
   */
  delete(seq: number, issued: number): void {
    const chunk = this.#chunk(seq, false);
    if (chunk === undefined) return;
    const bit = seq % CHUNK_SIZE;
    chunk[bit >>> 5] = (chunk[bit >>> 5] ?? 0) & ~(1 << (bit & 31));
    const left = (chunk[COUNT] ?? 0) - 1;
    chunk[COUNT] = left;
    const index = Math.floor(seq / CHUNK_SIZE);
    if (left === 0 && (index + 1) * CHUNK_SIZE <= issued) {
      this.#chunks.delete(index);
      if (this.#lastIndex === index) {
        this.#lastIndex = -1;
        this.#lastChunk = undefined;
      }
    }
  }

  /** An independent copy (each chunk copied), for a fork of the queue. */
  clone(): PendingSequences {
    const out = new PendingSequences();
    for (const [index, chunk] of this.#chunks) out.#chunks.set(index, chunk.slice());
    return out;
  }

  /** Number of chunks held (for tests of memory release). */
  get chunkCount(): number {
    return this.#chunks.size;
  }
}
