/**
 * A bitmap over `size` slots split at `offset` into a static (lower) and a dynamic (upper) band,
 * with upstream's random-scan-with-offset strategy (internal to admission).
 * @packageDocumentation
 */
import type { RandomSource } from '../sources.js';

const FULL_WORD = 0xffff_ffff;
/** Slots per page: 256 words of 32 bits. Pages are allocated on first use. */
const PAGE_SHIFT = 13;
const PAGE_SLOTS = 1 << PAGE_SHIFT;
const PAGE_WORDS = PAGE_SLOTS >>> 5;

/**
 * One bit per slot; `allocateNext` mirrors pkg/registry/core/service/allocator/bitmap.go
 * `randomScanStrategyWithOffset`: a random start inside the upper band `[offset, size)`, a linear
 * scan with wrap-around inside that band, and only when it is full the same in `[0, offset)`.
 */
export class AllocationBitmap {
  readonly size: number;
  readonly offset: number;
  /**
   * The bits in pages of {@link PAGE_SLOTS} slots, each allocated when one of its slots is first
   * taken: a Service CIDR of a million addresses costs nothing until used (a simulation is often
   * created for a run of a few hundred events).
   */
  private pages: (Uint32Array | undefined)[];
  /**
   * Pages this bitmap may write in place. After a fork both bitmaps share every page and own
   * none: the first write to a page copies it (a fork copies an array of page references, not
   * the bits).
   */
  private owned = new Set<Uint32Array>();
  private count = 0;
  private readonly random: RandomSource;

  constructor(size: number, offset: number, random: RandomSource) {
    this.size = size;
    this.offset = offset;
    this.random = random;
    this.pages = new Array<Uint32Array | undefined>(Math.ceil(size / PAGE_SLOTS)).fill(undefined);
  }

  /** Takes the slots `other` (a bitmap of the same size) has taken, for a fork of the store. */
  copyFrom(other: AllocationBitmap): void {
    this.pages = other.pages.slice();
    this.owned = new Set();
    // `other` keeps running too: its pages are shared from now on, so it copies before writing.
    other.owned = new Set();
    this.count = other.count;
  }

  /** Word `w` (slots `32w … 32w + 31`); 0 in a page never allocated. */
  private word(w: number): number {
    return this.pages[w >>> (PAGE_SHIFT - 5)]?.[w & (PAGE_WORDS - 1)] ?? 0;
  }

  /** Sets word `w`, allocating its page. */
  private setWord(w: number, value: number): void {
    const p = w >>> (PAGE_SHIFT - 5);
    let page = this.pages[p];
    if (page === undefined) {
      page = new Uint32Array(PAGE_WORDS);
      this.pages[p] = page;
      this.owned.add(page);
    } else if (!this.owned.has(page)) {
      page = page.slice();
      this.pages[p] = page;
      this.owned.add(page);
    }
    page[w & (PAGE_WORDS - 1)] = value;
  }

  /** Slots in use. */
  get used(): number {
    return this.count;
  }

  /** Slots still free. */
  get free(): number {
    return this.size - this.count;
  }

  /** True when slot `i` is taken. */
  has(i: number): boolean {
    return (this.word(i >>> 5) & (1 << (i & 31))) !== 0;
  }

  /** Takes slot `i`; false when it was already taken. `i` must be in `[0, size)`. */
  set(i: number): boolean {
    if (this.has(i)) return false;
    this.setWord(i >>> 5, this.word(i >>> 5) | (1 << (i & 31)));
    this.count += 1;
    return true;
  }

  /** Frees slot `i`; false when it was free already. */
  clear(i: number): boolean {
    if (!this.has(i)) return false;
    this.setWord(i >>> 5, this.word(i >>> 5) & ~(1 << (i & 31)));
    this.count -= 1;
    return true;
  }

  /**
   * Takes the next slot by the random-scan-with-offset strategy, or returns undefined when every
   * slot is taken. Draws one random number for the upper band and, only if that band is full,
   * one more for the lower band (none at all when the whole range is full, as upstream).
   */
  next(): number | undefined {
    if (this.count >= this.size) return undefined;
    const upper = this.size - this.offset;
    const found =
      (upper > 0 ? this.scanBand(this.offset, upper) : undefined) ??
      (this.offset > 0 ? this.scanBand(0, this.offset) : undefined);
    if (found !== undefined) this.set(found);
    return found;
  }

  /** First free slot of `[lo, lo + len)` scanning from a random start and wrapping around. */
  private scanBand(lo: number, len: number): number | undefined {
    const start = lo + this.random.nextInt(len);
    return this.firstFree(start, lo + len) ?? this.firstFree(lo, start);
  }

  /** First free slot in `[from, to)`, skipping whole words that are full. */
  private firstFree(from: number, to: number): number | undefined {
    let i = from;
    while (i < to) {
      // A page never allocated is all free.
      if (this.pages[i >>> PAGE_SHIFT] === undefined) return i;
      if ((i & 31) === 0 && this.word(i >>> 5) === FULL_WORD) {
        i += 32;
        continue;
      }
      if (!this.has(i)) return i;
      i += 1;
    }
    return undefined;
  }
}
