/**
 * Makes sure a stored object has a `status` object (internal to admission).
 * @packageDocumentation
 */

/**
 * Replaces a missing or non-object `status` with `{}` and fills `extra` fields that are absent
 * (e.g. `{ replicas: 0 }`, the zero values Go's non-pointer status fields serialize to).
 */
export function ensureStatus(obj: { status?: unknown }, extra: Record<string, unknown> = {}): void {
  const status = (
    obj.status !== null && typeof obj.status === 'object' ? obj.status : {}
  ) as Record<string, unknown>;
  for (const [k, v] of Object.entries(extra)) status[k] ??= v;
  obj.status = status;
}
