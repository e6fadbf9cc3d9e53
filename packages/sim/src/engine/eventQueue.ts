/**
 * The engine's future: a binary min-heap of events ordered by (time, sequence), stored as a
 * struct of arrays so a million pending events cost three flat arrays and no object each.
 * @packageDocumentation
 */
import { InvalidArgumentError } from './engineErrors.js';
import { PendingSequences } from './pendingSequences.js';

const INITIAL_CAPACITY = 64;

/**
 * A priority queue of payloads keyed by virtual time. Events at the same time come out in the
 * order they were pushed (first in, first out by sequence number), never in hash or heap order
 * (DESIGN.md point 7).
 *
 * Cancelling is lazy: a cancelled event stays in the heap as a tombstone and is dropped when it
 * reaches the top, so `cancel` is O(1) and `pop` amortised O(log n).
 *
 * @example
 * ```ts
 * const q = new EventQueue<string>();
 * q.push(10, 'b'); const a = q.push(5, 'a'); q.push(10, 'c');
 * q.peekTime();    // 5
 * q.cancel(a);     // true
 * q.pop();         // 'b' (time 10, pushed before 'c')
 * ```
 */
export class EventQueue<T> {
  #times: Float64Array;
  #seqs: Float64Array;
  #payloads: (T | undefined)[];
  /** Entries in the heap, tombstones included. */
  #length = 0;
  /** Next sequence number to issue. */
  #nextSeq = 0;
  /** Live (not cancelled, not popped) events. */
  #live = 0;
  #pending = new PendingSequences();

  /** Creates an empty queue; `initialCapacity` only sizes the first allocation. */
  constructor(initialCapacity = INITIAL_CAPACITY) {
    const cap = Math.max(1, Math.floor(initialCapacity));
    this.#times = new Float64Array(cap);
    this.#seqs = new Float64Array(cap);
    this.#payloads = new Array<T | undefined>(cap);
  }

  /** Number of pending events (cancelled ones excluded). */
  get size(): number {
    return this.#live;
  }

  /**
   * Schedules `payload` at virtual time `time` (any finite number) and returns its sequence
   * number, the handle for {@link EventQueue.cancel}. Sequence numbers start at 0 and increase by
   * one per push.
   * @throws InvalidArgumentError when `time` is NaN or infinite (it would break the heap order).
   */
  push(time: number, payload: T): number {
    if (!Number.isFinite(time)) {
      throw new InvalidArgumentError('time', `must be a finite number, got ${time}`);
    }
    const seq = this.#nextSeq++;
    if (this.#length === this.#times.length) this.#grow();
    this.#siftUp(this.#length++, time, seq, payload);
    this.#pending.add(seq);
    this.#live++;
    return seq;
  }

  /** Time of the next pending event, or `undefined` when none is pending. */
  peekTime(): number | undefined {
    this.#dropTombstones();
    return this.#length === 0 ? undefined : this.#times[0];
  }

  /** Sequence number of the next pending event, or `undefined` when none is pending. */
  peekSeq(): number | undefined {
    this.#dropTombstones();
    return this.#length === 0 ? undefined : this.#seqs[0];
  }

  /**
   * Removes and returns the earliest pending event's payload (ties by sequence), or `undefined`
   * when the queue is empty. Read {@link EventQueue.peekTime} first to learn its time.
   */
  pop(): T | undefined {
    this.#dropTombstones();
    if (this.#length === 0) return undefined;
    const seq = this.#seqs[0] ?? 0;
    const payload = this.#removeTop();
    this.#pending.delete(seq, this.#nextSeq);
    this.#live--;
    return payload;
  }

  /**
   * Cancels the pending event with sequence `seq`. Returns `false` (and does nothing) when that
   * event already ran, was already cancelled or was never issued.
   */
  cancel(seq: number): boolean {
    if (!Number.isInteger(seq) || seq < 0 || seq >= this.#nextSeq) return false;
    if (!this.#pending.has(seq)) return false;
    this.#pending.delete(seq, this.#nextSeq);
    this.#live--;
    return true;
  }

  /**
   * An independent queue with the same pending events at the same times and sequence numbers
   * (so ties keep their order and ids stay valid), for a fork of the simulation. Each payload
   * goes through `map` (a fork's own copy of what it acts on); when `map` returns `undefined`
   * the event is cancelled in the copy only. O(events): three array copies, no heap rebuild.
   */
  fork(map: (payload: T) => T | undefined): EventQueue<T> {
    // Sized to the pending events, not to the parent's capacity (it grows as needed).
    const out = new EventQueue<T>(Math.max(INITIAL_CAPACITY, this.#length));
    out.#times.set(this.#times.subarray(0, this.#length));
    out.#seqs.set(this.#seqs.subarray(0, this.#length));
    out.#length = this.#length;
    out.#nextSeq = this.#nextSeq;
    out.#live = this.#live;
    out.#pending = this.#pending.clone();
    for (let i = 0; i < this.#length; i++) {
      const seq = this.#seqs[i] ?? 0;
      const payload = this.#payloads[i];
      // Tombstones stay tombstones (dropped when they reach the top, as here).
      if (payload === undefined || !this.#pending.has(seq)) continue;
      const mapped = map(payload);
      if (mapped === undefined) out.cancel(seq);
      else out.#payloads[i] = mapped;
    }
    return out;
  }

  /** Whether the event with sequence `seq` is still pending. */
  isPending(seq: number): boolean {
    return Number.isInteger(seq) && seq >= 0 && seq < this.#nextSeq && this.#pending.has(seq);
  }

  #dropTombstones(): void {
    while (this.#length > 0 && !this.#pending.has(this.#seqs[0] ?? 0)) this.#removeTop();
  }

  #removeTop(): T | undefined {
    const payload = this.#payloads[0];
    const last = --this.#length;
    const time = this.#times[last] ?? 0;
    const seq = this.#seqs[last] ?? 0;
    const moved = this.#payloads[last];
    this.#payloads[last] = undefined;
    if (last > 0) this.#siftDown(0, time, seq, moved);
    else this.#payloads[0] = undefined;
    return payload;
  }

  // Hole-based sifting: move parents/children into the hole, write the entry once at the end.
  #siftUp(start: number, time: number, seq: number, payload: T | undefined): void {
    const times = this.#times;
    const seqs = this.#seqs;
    const payloads = this.#payloads;
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >>> 1;
      const pt = times[parent] ?? 0;
      if (pt < time || (pt === time && (seqs[parent] ?? 0) < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent] ?? 0;
      payloads[i] = payloads[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    payloads[i] = payload;
  }

  #siftDown(start: number, time: number, seq: number, payload: T | undefined): void {
    const times = this.#times;
    const seqs = this.#seqs;
    const payloads = this.#payloads;
    const n = this.#length;
    let i = start;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let ct = times[child] ?? 0;
      let cs = seqs[child] ?? 0;
      const right = child + 1;
      if (right < n) {
        const rt = times[right] ?? 0;
        const rs = seqs[right] ?? 0;
        if (rt < ct || (rt === ct && rs < cs)) {
          child = right;
          ct = rt;
          cs = rs;
        }
      }
      if (time < ct || (time === ct && seq < cs)) break;
      times[i] = ct;
      seqs[i] = cs;
      payloads[i] = payloads[child];
      i = child;
    }
    times[i] = time;
    seqs[i] = seq;
    payloads[i] = payload;
  }

  #grow(): void {
    const cap = this.#times.length * 2;
    const times = new Float64Array(cap);
    times.set(this.#times);
    const seqs = new Float64Array(cap);
    seqs.set(this.#seqs);
    this.#times = times;
    this.#seqs = seqs;
    this.#payloads.length = cap;
  }
}
