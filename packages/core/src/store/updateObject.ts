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
import { deepFreeze, shareUnchanged } from './deepFreeze.js';
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
  // Built field by field: spreading `loc` here cost more than the rest of the lookup.
  return {
    info: loc.info,
    kind: loc.kind,
    namespace: loc.namespace,
    name: loc.name,
    key: loc.key,
    object: loc.object,
    live,
  };
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
  // kubesim's own status object is the store's from here on (it is frozen as it is): its parts
  // equal to the stored ones become the stored ones, so only what changed is frozen and compared.
  const defaulted = defaultStatus(kind, live.spec, written);
  const status = core.validating ? defaulted : shareUnchanged(defaulted, live.status, false);
  if (status === live.status || deepEqual(status, live.status)) return live;
  const rv = core.nextResourceVersion();
  // Frozen here, part by part: only the root, its metadata and the new parts of the status are
  // new (spec and the rest are the stored, frozen values), so the store's deepFreeze of the
  // whole object has nothing left to walk.
  const next = {
    ...live,
    metadata: Object.freeze({ ...live.metadata, resourceVersion: String(rv) }),
    status: deepFreeze(status),
  } as LooseObject;
  if (status === undefined) delete next.status;
  Object.freeze(next);
  if (core.paranoid) checkUpdate(live, next);
  const stored = core.write(kind, key, next as StoredObject, rv);
  return finalizeIfReleased(core, kind, key) ?? stored;
}

/**
 * The object that replaces `live`: `input` (defaulted; null metadata fields read as absent) with
 * the metadata an update cannot change taken from `live`, the live resourceVersion (stamped
 * later), the next generation and the live status; key order as `{ ...input, metadata }` with
 * those fields assigned would have it. What is not frozen in `input` is copied, except subtrees
 * exactly equal to the live ones, which are the live (frozen) ones: the caller's object is left
 * as it was, and a write copies, freezes and compares only what changed.
 */
function replacement(
  live: LooseObject & StoredObject,
  input: LooseObject,
  namespace: string | undefined,
): LooseObject {
  const lm = live.metadata as unknown as Record<string, unknown>;
  const im = input.metadata;
  const meta: Record<string, unknown> = {};
  for (const k of Object.keys(im)) {
    const v = im[k];
    if (v === null) continue;
    switch (k) {
      case 'namespace':
        meta[k] = namespace ?? shareUnchanged(v, lm[k], true);
        break;
      case 'uid':
      case 'creationTimestamp':
      case 'deletionTimestamp':
      case 'deletionGracePeriodSeconds':
        if (lm[k] !== undefined) meta[k] = lm[k];
        break;
      case 'resourceVersion':
        meta[k] = lm[k];
        break;
      case 'generation':
        meta[k] = 0; // its place; the value is set below
        break;
      default:
        meta[k] = shareUnchanged(v, lm[k], true);
    }
  }
  if (namespace !== undefined && !('namespace' in meta)) meta['namespace'] = namespace;
  for (const field of keptFromLive) {
    if (lm[field] !== undefined && !(field in meta)) meta[field] = lm[field];
  }
  if (!('resourceVersion' in meta)) meta['resourceVersion'] = lm['resourceVersion'];
  const liveHasStatus = 'status' in live;
  const rec = input as Record<string, unknown>;
  const liveRec = live as unknown as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const k of Object.keys(rec)) {
    if (k === 'metadata') fields[k] = meta;
    else if (k === 'status') {
      if (liveHasStatus) fields[k] = live.status;
    } else fields[k] = shareUnchanged(rec[k], liveRec[k], true);
  }
  if (liveHasStatus && !('status' in fields)) fields['status'] = live.status;
  const out = fields as LooseObject;
  meta['generation'] = nextGeneration(live, out);
  return out;
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
  let defaulted: LooseObject;
  if (validating) {
    const source = dropNullFields(withoutNullMetadata(loc.object));
    checkCreate(source);
    checkLimits(core, source);
    defaulted = defaultValidated(source, (o) => defaultObject(o, core.config));
  } else {
    // kubesim's own updates start from a stored, defaulted object: defaulting would add nothing,
    // so a trusted write only copies what is new (paranoid mode checks that claim on every
    // write). Its null metadata fields are dropped below, as withoutNullMetadata drops them.
    if (core.paranoid) {
      checkAlreadyDefaulted(core, cloneUnfrozen(withoutNullMetadata(loc.object)) as LooseObject);
    }
    defaulted = loc.object;
  }
  let next = replacement(live, defaulted, loc.namespace);
  // Validated as written above; the update's own rules (immutable fields) remain.
  if (validating) checkUpdate(live, next, true, core.paranoid);
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
