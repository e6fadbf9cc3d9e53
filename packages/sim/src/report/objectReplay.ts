/**
 * Rebuilds object versions from the trace: an ADDED entry carries the whole object, a MODIFIED
 * entry immer patches from the previous version. Copy-on-write, so the trace's frozen objects are
 * never touched.
 * @packageDocumentation
 */
import type { TraceEntry } from '../world/trace.js';

type Json = unknown;

interface PatchLike {
  readonly op: string;
  readonly path: readonly (string | number)[];
  readonly value?: unknown;
}

function setIn(node: Json, path: readonly (string | number)[], i: number, p: PatchLike): Json {
  const key = path[i];
  if (key === undefined) return p.op === 'remove' ? undefined : p.value;
  if (Array.isArray(node)) {
    const copy: unknown[] = [...(node as unknown[])];
    const idx = key === '-' ? copy.length : Number(key);
    if (i === path.length - 1) {
      if (p.op === 'remove') copy.splice(idx, 1);
      else if (p.op === 'add') copy.splice(idx, 0, p.value);
      else copy[idx] = p.value;
    } else copy[idx] = setIn(copy[idx], path, i + 1, p);
    return copy;
  }
  const obj: Record<string, unknown> =
    typeof node === 'object' && node !== null ? { ...(node as Record<string, unknown>) } : {};
  const k = String(key);
  if (i === path.length - 1) {
    if (p.op === 'remove') Reflect.deleteProperty(obj, k);
    else obj[k] = p.value;
  } else obj[k] = setIn(obj[k], path, i + 1, p);
  return obj;
}

/** Applies immer-style patches (`add`, `replace`, `remove` with array paths) to a copy of `obj`. */
export function applyTracePatches(obj: Json, patches: readonly PatchLike[]): Json {
  let out = obj;
  for (const p of patches) out = setIn(out, p.path, 0, p);
  return out;
}

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
    let after: Json;
    if (e.type === 'ADDED') after = e.object;
    else if (e.type === 'MODIFIED') {
      if (before === undefined) return undefined;
      after = applyTracePatches(before, e.patches ?? []);
    } else if (e.type === 'DELETED') after = undefined;
    else return undefined;
    if (after === undefined) this.#objects.delete(id);
    else this.#objects.set(id, after);
    return { before, after };
  }
}
