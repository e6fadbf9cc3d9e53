/**
 * `null` metadata fields read as absent, as they do when the API server decodes a manifest (a
 * JSON `null` leaves a Go map, slice or string at its zero value, which is omitted on output): a
 * YAML `labels:` with nothing after it is an object without labels.
 * @packageDocumentation
 */
import type { LooseObject } from './looseObject.js';

/** `obj` without its `null` metadata fields; the same object when it has none. */
export function withoutNullMetadata(obj: LooseObject): LooseObject {
  const meta = obj.metadata;
  let nulls = false;
  for (const k of Object.keys(meta)) {
    if (meta[k] === null) {
      nulls = true;
      break;
    }
  }
  if (!nulls) return obj;
  const clean: Record<string, unknown> = {};
  for (const k of Object.keys(meta)) if (meta[k] !== null) clean[k] = meta[k];
  return { ...obj, metadata: clean };
}
