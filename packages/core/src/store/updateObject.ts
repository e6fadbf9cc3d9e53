/**
 * PUT and PUT …/status: optimistic concurrency, system metadata kept, generation tracking,
 * Service allocations kept, and no write at all when nothing changed.
 * @packageDocumentation
 */
import { produce } from 'immer';
import {
  admitServiceAllocation,
  checkCreate,
  checkJson,
  checkStatus,
  checkUpdate,
} from './admissionChecks.js';
import { deepEqual } from './deepEqual.js';
import { defaultObject } from './deps.js';
import { finalizeIfReleased } from './deleteObject.js';
import type { LooseObject } from './looseObject.js';
import { nextGeneration } from './looseObject.js';
import { withoutNullMetadata } from './nullMetadata.js';
import { locate } from './objectLocation.js';
import { stampResourceVersion } from './stamp.js';
import { notFound, staleConflict, uidConflict } from './storeErrors.js';
import type { StoreCore } from './storeCore.js';
import type { StoredObject } from './types.js';

/** Which part of the object an update may change. */
export type UpdateMode = 'spec' | 'status';

// Fields an update can never change (staging apiserver pkg/registry/rest/update.go BeforeUpdate).
const keptFromLive = [
  'uid',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
] as const;

/**
 * Replaces the live object. `mode: 'spec'` (update) keeps the live status; `mode: 'status'`
 * (updateStatus) takes only `.status` from `input`. A set `metadata.resourceVersion` that is not
 * the live one throws ConflictError; a set uid that differs throws ConflictError. Returns the live
 * object unchanged (no new resourceVersion, no event) when the result equals it.
 */
export function updateObject(core: StoreCore, input: unknown, mode: UpdateMode): StoredObject {
  const status = mode === 'status' ? (input as { status?: unknown } | null)?.status : undefined;
  if (mode === 'spec') checkJson(input);
  else checkJson(input, status, 'status');
  const loc = locate(input);
  const live = core.get(loc.kind, loc.key) as (LooseObject & StoredObject) | undefined;
  if (live === undefined) throw notFound(loc.kind, loc.name);
  const wantedRv = loc.object.metadata.resourceVersion;
  if (wantedRv !== undefined && wantedRv !== '' && wantedRv !== live.metadata.resourceVersion) {
    throw staleConflict(loc.kind, loc.name);
  }
  const wantedUid = loc.object.metadata.uid;
  if (wantedUid !== undefined && wantedUid !== '' && wantedUid !== live.metadata.uid) {
    throw uidConflict(loc.kind, loc.name, wantedUid, live.metadata.uid);
  }

  // Validated as written, before defaulting (which assumes a valid shape), on update as on create.
  let source: LooseObject;
  if (mode === 'spec') {
    source = withoutNullMetadata(loc.object);
    checkCreate(source);
  } else {
    checkStatus(loc.kind, status, loc.name);
    source = { ...live, status };
  }
  const defaulted = defaultObject(source, core.config);
  const generation = mode === 'spec' ? nextGeneration(live, defaulted) : live.metadata.generation;
  let next = produce(defaulted, (d) => {
    const meta = d.metadata as Record<string, unknown>;
    if (loc.namespace !== undefined) meta['namespace'] = loc.namespace;
    for (const field of keptFromLive) {
      if (live.metadata[field] === undefined) Reflect.deleteProperty(meta, field);
      else meta[field] = live.metadata[field];
    }
    meta['resourceVersion'] = live.metadata.resourceVersion;
    if (generation === undefined) Reflect.deleteProperty(meta, 'generation');
    else meta['generation'] = generation;
    if (mode === 'spec') {
      if ('status' in live) d.status = live.status;
      else delete d.status;
    }
  });

  checkUpdate(live, next);
  if (mode === 'spec' && loc.kind === 'Service') {
    // Allocated fields (nodePorts, healthCheckNodePort) are restored first, as upstream's
    // patchAllocatedValues does, so re-applying an unchanged manifest changes nothing.
    next = admitServiceAllocation(core, next, live);
    const regenerated = nextGeneration(live, next);
    if (regenerated !== next.metadata.generation) {
      next = produce(next, (d) => {
        (d.metadata as Record<string, unknown>)['generation'] = regenerated;
      });
    }
  }
  if (deepEqual(next, live)) return live;
  const rv = core.nextResourceVersion();
  const stored = core.write(loc.kind, loc.key, stampResourceVersion(next, rv) as StoredObject, rv);
  return finalizeIfReleased(core, loc.kind, loc.key) ?? stored;
}
