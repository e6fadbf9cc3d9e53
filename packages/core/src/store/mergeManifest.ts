/**
 * The merge of `kubectl apply` onto a live object, in its two-way form.
 * @packageDocumentation
 */
import { isRecord } from './looseObject.js';

// Fields of metadata that only the API server sets; a manifest never overrides them.
const systemMetadata = new Set([
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
]);

function merge(base: unknown, patch: unknown): unknown {
  if (!isRecord(patch) || !isRecord(base)) return structuredClone(patch);
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) Reflect.deleteProperty(out, k);
    else if (v !== undefined) out[k] = merge(base[k], v);
  }
  return out;
}

/**
 * `manifest` merged onto `live`: objects merge key by key (recursively), lists and scalars from
 * the manifest replace the live ones, `null` deletes a field, and everything the manifest does not
 * mention (status, allocated values, fields set by controllers) stays. System metadata and status
 * always come from `live`. Unknown fields of the manifest are kept.
 *
 * Unlike kubectl's three-way merge there is no last-applied record, so a field removed from the
 * manifest is not removed from the object (write it as `null` to remove it).
 */
export function mergeManifest(
  live: Readonly<Record<string, unknown>>,
  manifest: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const patch: Record<string, unknown> = { ...manifest };
  delete patch['status'];
  if (isRecord(manifest['metadata'])) {
    const meta: Record<string, unknown> = { ...manifest['metadata'] };
    for (const k of systemMetadata) Reflect.deleteProperty(meta, k);
    patch['metadata'] = meta;
  }
  return merge(live, patch) as Record<string, unknown>;
}
