/**
 * Setting the store-owned `metadata.resourceVersion` on an object about to be stored.
 * @packageDocumentation
 */
import { withMetadata } from './deepFreeze.js';
import type { LooseObject } from './looseObject.js';

/** `obj` carrying `resourceVersion` (mutated in place, or copied when it is already frozen). */
export function stampResourceVersion(obj: LooseObject, rv: number): LooseObject {
  const value = String(rv);
  if (!Object.isFrozen(obj) && !Object.isFrozen(obj.metadata)) {
    obj.metadata.resourceVersion = value;
    return obj;
  }
  return withMetadata(obj, { resourceVersion: value });
}
