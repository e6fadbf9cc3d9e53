/**
 * Rebuilds object versions from the trace: an ADDED entry carries the whole object, a MODIFIED
 * entry immer patches from the previous version. Copy-on-write, so the trace's frozen objects are
 * never touched.
 * @packageDocumentation
 */
import { objectAfter } from '../world/applyTracePatches.js';
import type { TraceEntry } from '../world/trace.js';

type Json = unknown;

/** Keeps the current version of every object of the chosen kinds while a trace is read in order. */
export class ObjectReplay {
  readonly #kinds: ReadonlySet<string>;
  readonly #objects = new Map<string, Json>();

  constructor(kinds: readonly string[]) {
    this.#kinds = new Set(kinds);
  }

  /**
   * Applies one entry; returns the versions before and after when the entry changes an object of
   * a replayed kind (`before` undefined for ADDED or an object first seen mid-trace).
   */
  step(e: TraceEntry): { before: Json; after: Json } | undefined {
    if (e.kind === undefined || e.key === undefined || !this.#kinds.has(e.kind)) return undefined;
    const id = `${e.kind}|${e.key}`;
    const before = this.#objects.get(id);
    if (e.type !== 'ADDED' && e.type !== 'MODIFIED' && e.type !== 'DELETED') return undefined;
    // A change to an object never seen whole cannot be rebuilt: skipped.
    if (e.type === 'MODIFIED' && before === undefined) return undefined;
    const after = objectAfter(before, e);
    if (after === undefined) this.#objects.delete(id);
    else this.#objects.set(id, after);
    return { before, after };
  }
}
