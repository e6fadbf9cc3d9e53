/**
 * Reads a trace entry's patches back: the inverse of `diffPatches`, used by every reader of
 * the trace (the report's object replay, the invariants' trace mirror).
 * @packageDocumentation
 */
import type { TraceEntry } from './trace.js';

/** One immer-shaped patch as trace entries carry them (`add`, `replace`, `remove`). */
export interface TracePatch {
  readonly op: string;
  readonly path: readonly (string | number)[];
  readonly value?: unknown;
}

function setIn(
  node: unknown,
  path: readonly (string | number)[],
  i: number,
  p: TracePatch,
): unknown {
  const key = path[i];
  if (key === undefined) return p.op === 'remove' ? undefined : p.value;
  if (Array.isArray(node)) {
    // Immer's array semantics: `add` inserts (at `-`, appends), `remove` splices, `replace` sets.
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

/**
 * `base` with every patch applied in order, copy-on-write: the trace's frozen objects are never
 * touched. `applyTracePatches(a, diffPatches(a, b))` equals `b`.
 *
 * @example applyTracePatches({ a: 1 }, [{ op: 'replace', path: ['a'], value: 2 }]) // { a: 2 }
 */
export function applyTracePatches(base: unknown, patches: readonly TracePatch[]): unknown {
  let out = base;
  for (const p of patches) out = setIn(out, p.path, 0, p);
  return out;
}

/**
 * The object after an object-change entry, from the version before it: an ADDED entry carries the
 * whole object, a MODIFIED one patches `before`, a DELETED one leaves nothing (`undefined`).
 * Undefined as well for an entry that is not an object change.
 *
 * @example objectAfter({ a: 1 }, { type: 'MODIFIED', patches: [{ op: 'replace', path: ['a'], value: 2 }] }) // { a: 2 }
 */
export function objectAfter(
  before: unknown,
  entry: Pick<TraceEntry, 'type' | 'object' | 'patches'>,
): unknown {
  if (entry.type === 'ADDED') return entry.object;
  if (entry.type === 'MODIFIED') return applyTracePatches(before, entry.patches ?? []);
  return undefined;
}
