/**
 * An incremental reader of a simulation's trace that keeps a copy of every object of chosen kinds
 * as it was after each entry, so an invariant can see an object just before and just after a
 * change — even several changes inside one instant.
 * @packageDocumentation
 */
import type { Simulation } from '../../simulation/types.js';
import type { TraceEntry } from '../../world/trace.js';
import { objectAfter } from '../../world/applyTracePatches.js';

/** One object change read from the trace. */
export interface MirroredChange {
  readonly entry: TraceEntry;
  readonly kind: string;
  readonly key: string;
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  /** The object before the change (undefined for ADDED, or when unknown). */
  readonly before: unknown;
  /** The object after the change (undefined for DELETED). */
  readonly after: unknown;
}

/** Replays trace entries of some kinds into copies of their objects. */
export class TraceMirror {
  readonly #kinds: ReadonlySet<string>;
  readonly #objects = new Map<string, Map<string, unknown>>();
  #next = 0;

  constructor(kinds: readonly string[]) {
    this.#kinds = new Set(kinds);
    for (const k of kinds) this.#objects.set(k, new Map());
  }

  /** The mirrored objects of `kind` by key (as of the last entry read). */
  objects(kind: string): ReadonlyMap<string, unknown> {
    return this.#objects.get(kind) ?? new Map();
  }

  /**
   * Reads the entries appended since the last call, calling `onChange` for each change of a
   * mirrored kind (after the mirror is updated) and `onActivity` for other entries.
   */
  advance(
    sim: Simulation,
    onChange: (c: MirroredChange) => void,
    onActivity?: (e: TraceEntry) => void,
  ): void {
    const entries = sim.trace.entries;
    for (; this.#next < entries.length; this.#next++) {
      const entry = entries[this.#next];
      if (entry === undefined) continue;
      const { kind, key, type } = entry;
      if (kind === undefined || key === undefined || !this.#kinds.has(kind)) {
        if (kind === undefined) onActivity?.(entry);
        continue;
      }
      if (type !== 'ADDED' && type !== 'MODIFIED' && type !== 'DELETED') continue;
      const map = this.#objects.get(kind);
      if (map === undefined) continue;
      const before = map.get(key);
      const after = objectAfter(before, entry);
      if (after === undefined) map.delete(key);
      else map.set(key, after);
      onChange({ entry, kind, key, type, before, after });
    }
  }
}
