/**
 * The trace: every change the engine makes, in order, with its cause and the object's patches
 * (DESIGN.md point 8). Its hash proves two runs identical.
 * @packageDocumentation
 */
import type { Patch } from 'immer';
import { RunningHash } from '@kubesim/core';
import { diffPatches } from './diffPatches.js';

/**
 * The version of the trace's format: of its entries' patches and of what its hash reads. A
 * change to either bumps it, and the hash mixes it in first, so hashes of different formats never
 * agree. Version 2 patches arrays element by element (an inserted or removed element is one
 * patch at its index, a changed one is patched where it changed; an array more than half of
 * which changed is still replaced whole); version 1 replaced a changed array whole.
 *
 * @example sim.trace.toJSON().format === TRACE_FORMAT_VERSION
 */
export const TRACE_FORMAT_VERSION = 2;

/** The text a trace hash reads before its first entry: the format version. */
export const TRACE_HASH_PREAMBLE = `kubesim-trace-format:${TRACE_FORMAT_VERSION}\n`;

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
  /**
   * For MODIFIED: immer patches from the previous version (immer's `applyPatches` turns it into
   * this one; arrays are patched element by element, see {@link TRACE_FORMAT_VERSION}). For
   * ADDED: the whole object.
   */
  readonly patches?: readonly Patch[];
  readonly object?: unknown;
  /** Free-form detail of an activity entry. */
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** The trace of a simulation: entries in order and a running hash. */
export interface Trace {
  readonly entries: readonly TraceEntry[];
  /**
   * 16 hex digits over the format version and every entry so far: equal for runs that did
   * exactly the same things.
   */
  hash(): string;
  /**
   * The hash as of now, computed only when the returned function is first called: a run's
   * result offers its hash without paying for it when nobody reads it. Later entries do not
   * change the answer.
   */
  hashLater(): () => string;
  /** The trace as data: its format version ({@link TRACE_FORMAT_VERSION}), hash and entries. */
  toJSON(): { format: number; hash: string; entries: readonly TraceEntry[] };
}

/** A change of a store object, traced at `t` because of `cause` (its entry is built on flush). */
export interface TracedChange {
  readonly t: number;
  readonly cause: string;
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly kind: string;
  readonly key: string;
  readonly rv: number;
  /** The object before (MODIFIED: its patches to `object` are the entry's). */
  readonly oldObject?: unknown;
  readonly object: unknown;
}

/** What waits in a log's buffer: a change, or an activity entry already serialised. */
type Pending =
  | { readonly change: TracedChange; readonly entry?: undefined; readonly json?: undefined }
  | { readonly change?: undefined; readonly entry: Omit<TraceEntry, 'seq'>; readonly json: string };

/**
 * Entries wait in a buffer of at most this many before they are hashed (and kept): a run that
 * nobody asks for its trace — a property run, most of all — never builds a patch or a JSON text,
 * while a long one hashes in batches and holds at most this many old object versions.
 */
const PENDING_LIMIT = 1024;

/** A hash as of some length of the log, filled when a flush passes that length. */
interface HashMark {
  readonly at: number;
  value: string | undefined;
}

/**
 * Internal: an appendable trace with an incremental 64-bit hash (two 32-bit lanes).
 *
 * Appends are cheap: a change is buffered as the store event it came from (whose objects are
 * frozen, so reading them later reads what they were), and its entry — patches from the previous
 * version, or the whole object when ADDED — is built and hashed when somebody reads the trace
 * (`hash`, `entries`, `toJSON`, `hashLater`'s answer), on a fork, or when the buffer is full. The
 * hash is the same as if every entry were hashed as it came: the hash reads
 * {@link TRACE_HASH_PREAMBLE}, then for entry `seq` the text `JSON.stringify({ seq, ...entry })`.
 */
export class TraceLog implements Trace {
  #entries: TraceEntry[] = [];
  #hash = new RunningHash().mix(TRACE_HASH_PREAMBLE);
  readonly #keep: boolean;
  #pending: Pending[] = [];
  /** Entries appended, pending ones included. */
  #count = 0;
  /** Entries hashed so far (the first `#hashed` of the `#count`). */
  #hashed = 0;
  #marks: HashMark[] = [];

  /** @param keep - keep entries in memory (the hash is always computed). */
  constructor(keep = true) {
    this.#keep = keep;
  }

  get entries(): readonly TraceEntry[] {
    this.#flush();
    return this.#entries;
  }

  get length(): number {
    return this.#count;
  }

  /** Appends an entry (an activity: its `detail` is read now, so later changes to it do not count). */
  append(entry: Omit<TraceEntry, 'seq'>): void {
    this.#push({ entry, json: JSON.stringify(entry) });
  }

  /** Appends the entry of a store change (built when the log is next read). */
  appendChange(change: TracedChange): void {
    this.#push({ change });
  }

  #push(p: Pending): void {
    this.#pending.push(p);
    this.#count += 1;
    if (this.#pending.length >= PENDING_LIMIT) this.#flush();
  }

  /** Builds, hashes and (when kept) stores every pending entry, in order. */
  #flush(): void {
    const pending = this.#pending;
    if (pending.length === 0) return;
    this.#pending = [];
    for (const p of pending) {
      const seq = this.#hashed;
      // The hashed text is JSON.stringify({ seq, ...entry }).
      if (p.change === undefined) {
        // An activity, serialised when appended: its JSON after the opening brace (an entry
        // always has `t`, so it is never `{}`).
        this.#hash.mix(`{"seq":${seq},`).mix(p.json, 1);
        if (this.#keep) this.#entries.push({ seq, ...p.entry });
      } else {
        // A change: hashed as its JSON would read, without building the text.
        const entry = changeEntry(seq, p.change);
        this.#hash.mixJson(entry);
        if (this.#keep) this.#entries.push(entry);
      }
      this.#hashed = seq + 1;
      if (this.#marks.length > 0 && this.#marks[0]?.at === this.#hashed) this.#fillMarks();
    }
  }

  #fillMarks(): void {
    while (this.#marks.length > 0 && (this.#marks[0] as HashMark).at <= this.#hashed) {
      (this.#marks.shift() as HashMark).value = this.#hash.hex();
    }
  }

  /**
   * The hash as of now, computed when first asked for (a run's result offers it without paying
   * for it): later appends do not change the answer.
   */
  hashLater(): () => string {
    if (this.#pending.length === 0) {
      const now = this.#hash.hex();
      return () => now;
    }
    const mark: HashMark = { at: this.#count, value: undefined };
    this.#marks.push(mark);
    return () => {
      if (mark.value === undefined) this.#flush();
      return mark.value as string;
    };
  }

  /**
   * An independent log in the same state, for a fork of the simulation: the entries so far (the
   * array is copied, the frozen entries shared), the running hash and the next sequence number.
   * Entries appended to either log afterwards are not seen by the other. The buffer is flushed
   * first, so a settled simulation forked many times builds its entries once.
   */
  fork(): TraceLog {
    this.#flush();
    const out = new TraceLog(this.#keep);
    out.#entries = this.#entries.slice();
    out.#hash = this.#hash.copy();
    out.#count = this.#count;
    out.#hashed = this.#hashed;
    return out;
  }

  hash(): string {
    this.#flush();
    return this.#hash.hex();
  }

  toJSON(): { format: number; hash: string; entries: readonly TraceEntry[] } {
    return { format: TRACE_FORMAT_VERSION, hash: this.hash(), entries: this.#entries };
  }
}

/** The entry `seq` of a change: patches for MODIFIED, the whole object for ADDED. */
function changeEntry(seq: number, c: TracedChange): TraceEntry {
  // Built in place, keys in the order they were always hashed in.
  const entry: Omit<TraceEntry, 'patches' | 'object'> & {
    patches?: NonNullable<TraceEntry['patches']>;
    object?: unknown;
  } = { seq, t: c.t, cause: c.cause, type: c.type, kind: c.kind, key: c.key, rv: c.rv };
  if (c.type === 'MODIFIED' && c.oldObject !== undefined) {
    entry.patches = diffPatches(c.oldObject, c.object);
  } else if (c.type === 'ADDED') {
    entry.object = c.object;
  }
  return entry;
}
