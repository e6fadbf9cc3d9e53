/**
 * `kubectl apply` of one manifest: create it, or merge it onto the live object.
 * @packageDocumentation
 */
import { createObject } from './createObject.js';
import { mergeManifest } from './mergeManifest.js';
import { locate } from './objectLocation.js';
import type { StoreCore } from './storeCore.js';
import type { ApplyResult } from './types.js';
import { updateObject } from './updateObject.js';

/**
 * Creates the object when it does not exist (or the manifest only has `generateName`); otherwise
 * merges the manifest onto it ({@link mergeManifest}) and updates it unconditionally, keeping its
 * status and allocated Service fields.
 */
export function applyObject(core: StoreCore, input: unknown): ApplyResult {
  const loc = locate(input);
  const live = loc.name === '' ? undefined : core.get(loc.kind, loc.key);
  if (live === undefined) return { object: createObject(core, input), created: true };
  const merged = mergeManifest(live as unknown as Record<string, unknown>, loc.object);
  return { object: updateObject(core, merged, 'spec'), created: false };
}
