/**
 * Applies the patches of a trace entry (the shape `diffPatches` writes: `add`, `remove` and
 * `replace` on object keys, arrays replaced whole) to a plain value, without mutating it.
 * A tiny applier instead of immer's `applyPatches`, which needs the global `enablePatches()`.
 * @packageDocumentation
 */
import type { Patch } from 'immer';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function applyOne(base: unknown, path: readonly (string | number)[], patch: Patch): unknown {
  if (path.length === 0) return patch.op === 'remove' ? undefined : patch.value;
  const [head, ...rest] = path;
  if (head === undefined) return base;
  if (Array.isArray(base)) {
    const copy = [...(base as unknown[])];
    copy[Number(head)] = applyOne(copy[Number(head)], rest, patch);
    return copy;
  }
  const obj: Record<string, unknown> = isRecord(base) ? { ...base } : {};
  const key = String(head);
  if (rest.length === 0 && patch.op === 'remove') {
    return Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key));
  }
  obj[key] = applyOne(obj[key], rest, patch);
  return obj;
}

/** `base` with every patch applied in order. */
export function applyTracePatches(base: unknown, patches: readonly Patch[]): unknown {
  let value = base;
  for (const p of patches) value = applyOne(value, p.path, p);
  return value;
}
