/**
 * PUT and PUT …/status: optimistic concurrency, system metadata kept, generation tracking,
 * Service allocations kept, and no write at all when nothing changed.
 * @packageDocumentation
 */
import { produce } from 'immer';
import { ValidationError } from '../errors.js';
import {
  admitServiceAllocation,
  checkCreate,
  checkLimits,
  defaultValidated,
  checkJson,
  checkStatus,
  checkUpdate,
} from './admissionChecks.js';
import { deepEqual } from './deepEqual.js';
import { cloneUnfrozen, defaultObject, defaultStatus } from './deps.js';
import { finalizeIfReleased, ownerReferencesUpdated } from './deleteObject.js';
import type { LooseObject } from './looseObject.js';
import { nextGeneration } from './looseObject.js';
import { withoutNullMetadata } from './nullMetadata.js';
import { dropNullFields } from '../validation/strict/nullFields.js';
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
 * Paranoid mode's check of a trusted update: defaulting `obj` again must change nothing, or the
 * writer skipped defaults it owed (an internal error, reported as a ValidationError).
 */
function checkAlreadyDefaulted(core: StoreCore, obj: LooseObject): void {
  const again = defaultObject(obj, core.config);
  const { status: _a, ...a } = again;
  const { status: _b, ...b } = obj;
  if (deepEqual(a, b)) return;
  throw new ValidationError(
    [
      {
        path: '',
        type: 'FieldValueInvalid',
        message: 'Invalid value: a trusted update that defaulting would change (kubesim bug)',
      },
    ],
    obj.kind,
    typeof obj.metadata.name === 'string' ? obj.metadata.name : undefined,
  );
}

/** The live object `input` names, after its resourceVersion and uid preconditions. */
function liveFor(
  core: StoreCore,
  input: unknown,
): ReturnType<typeof locate> & { live: LooseObject & StoredObject } {
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
  return { ...loc, live };
}

/**
 * PUT …/status: only the status changes, so only the status is validated and defaulted; spec and
 * metadata stay the stored (already valid, defaulted, frozen) values and are shared, not copied.
 */
function updateStatusOnly(core: StoreCore, input: unknown): StoredObject {
  const written = (input as { status?: unknown } | null)?.status;
  if (core.validating) checkJson(input, written, 'status');
  const { kind, key, name, live } = liveFor(core, input);
  if (core.validating) checkStatus(kind, written, name);
  const status = defaultStatus(kind, live.spec, written);
  if (status === live.status || deepEqual(status, live.status)) return live;
  const rv = core.nextResourceVersion();
  const next = {
    ...live,
    metadata: { ...live.metadata, resourceVersion: String(rv) },
    status,
  } as LooseObject;
  if (status === undefined) delete next.status;
  if (core.paranoid) checkUpdate(live, next);
  const stored = core.write(kind, key, next as StoredObject, rv);
  return finalizeIfReleased(core, kind, key) ?? stored;
}

/**
 * Replaces the live object. `mode: 'spec'` (update) keeps the live status; `mode: 'status'`
 * (updateStatus) takes only `.status` from `input`. A set `metadata.resourceVersion` that is not
 * the live one throws ConflictError; a set uid that differs throws ConflictError. Returns the live
 * object unchanged (no new resourceVersion, no event) when the result equals it. A user's write
 * is validated as written, before defaulting; a trusted one (Store.trusted) only under paranoid.
 */
export function updateObject(core: StoreCore, input: unknown, mode: UpdateMode): StoredObject {
  if (mode === 'status') return updateStatusOnly(core, input);
  const validating = core.validating;
  if (validating) checkJson(input);
  const loc = liveFor(core, input);
  const live = loc.live;
  // Validated as written, before defaulting (which assumes a valid shape), on update as on create.
  // A user's null field is Go's zero value (absent), as the API server decodes a PUT body.
  const source = validating
    ? dropNullFields(withoutNullMetadata(loc.object))
    : withoutNullMetadata(loc.object);
  if (validating) {
    checkCreate(source);
    checkLimits(core, source);
  }
  // kubesim's own updates start from a stored, defaulted object: defaulting would add nothing, so
  // a trusted write only copies what is new (paranoid mode checks that claim on every write).
  const defaulted = validating
    ? defaultValidated(source, (o) => defaultObject(o, core.config))
    : (cloneUnfrozen(source) as LooseObject);
  if (!validating && core.paranoid) checkAlreadyDefaulted(core, defaulted);
  const meta: Record<string, unknown> = { ...defaulted.metadata };
  if (loc.namespace !== undefined) meta['namespace'] = loc.namespace;
  for (const field of keptFromLive) {
    if (live.metadata[field] === undefined) Reflect.deleteProperty(meta, field);
    else meta[field] = live.metadata[field];
  }
  meta['resourceVersion'] = live.metadata.resourceVersion;
  meta['generation'] = nextGeneration(live, defaulted);
  let next: LooseObject = { ...defaulted, metadata: meta };
  if ('status' in live) next.status = live.status;
  else delete next.status;

  if (validating) checkUpdate(live, next);
  if (loc.kind === 'Service') {
    // Allocated fields (nodePorts, healthCheckNodePort) are restored first, as upstream's
    // patchAllocatedValues does, so re-applying an unchanged manifest changes nothing.
    next = validating
      ? defaultValidated(next, (o) => admitServiceAllocation(core, o, live))
      : admitServiceAllocation(core, next, live);
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
  ownerReferencesUpdated(core, live, stored);
  return finalizeIfReleased(core, loc.kind, loc.key) ?? stored;
}
