/**
 * The trace: every change the engine makes, in order, with its cause and the object's patches
 * (DESIGN.md point 8). Its hash proves two runs identical.
 * @packageDocumentation
 */
import type { Patch } from 'immer';
import { RunningHash } from '@kubesim/core';

/** One traced change or activity. */
export interface TraceEntry {
  /** Position in the trace, from 0. */
  readonly seq: number;
  /** Virtual ms since the start. */
  readonly t: number;
  /** What caused it: `user`, a controller name, `kubelet/<node>`, `fault`, … */
  readonly cause: string;
  /** `ADDED`, `MODIFIED`, `DELETED` for object changes; otherwise an activity name. */
  readonly type: string;
  readonly kind?: string;
  readonly key?: string;
  /** The store's resourceVersion after the change. */
  readonly rv?: number;
  /** For MODIFIED: immer patches from the previous version. For ADDED: the whole object. */
  readonly patches?: readonly Patch[];
  readonly object?: unknown;
  /** Free-form detail of an activity entry. */
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** The trace of a simulation: entries in order and a running hash. */
export interface Trace {
  readonly entries: readonly TraceEntry[];
  /** 16 hex digits over every entry so far: equal for runs that did exactly the same things. */
  hash(): string;
  toJSON(): { hash: string; entries: readonly TraceEntry[] };
}

/** Internal: an appendable trace with an incremental 64-bit hash (two 32-bit lanes). */
export class TraceLog implements Trace {
  #entries: TraceEntry[] = [];
  #hash = new RunningHash();
  readonly #keep: boolean;

  /** @param keep - keep entries in memory (the hash is always computed). */
  constructor(keep = true) {
    this.#keep = keep;
  }

  get entries(): readonly TraceEntry[] {
    return this.#entries;
  }

  get length(): number {
    return this.#count;
  }

  #count = 0;

  /** Hashes `entry` at the next position and keeps it when the log keeps entries. */
  append(entry: Omit<TraceEntry, 'seq'>): void {
    const seq = this.#count;
    this.#count += 1;
    // The hashed text is JSON.stringify({ seq, ...entry }), built without the copy: the entry's
    // own JSON after its opening brace (an entry always has `t`, so it is never `{}`).
    this.#hash.mix(`{"seq":${seq},`).mix(JSON.stringify(entry), 1);
    if (this.#keep) this.#entries.push({ seq, ...entry });
  }

  /**
   * An independent log in the same state, for a fork of the simulation: the entries so far (the
   * array is copied, the frozen entries shared), the running hash and the next sequence number.
   * Entries appended to either log afterwards are not seen by the other.
   */
  fork(): TraceLog {
    const out = new TraceLog(this.#keep);
    out.#entries = this.#entries.slice();
    out.#hash = this.#hash.copy();
    out.#count = this.#count;
    return out;
  }

  hash(): string {
    return this.#hash.hex();
  }

  toJSON(): { hash: string; entries: readonly TraceEntry[] } {
    return { hash: this.hash(), entries: this.#entries };
  }
}
