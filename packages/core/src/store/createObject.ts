/**
 * POST: admission of a new object (validate, default, identity, status, allocation) and its write.
 * @packageDocumentation
 */
import { NAME_SUFFIX_LENGTH } from '../sources.js';
import {
  admitServiceAllocation,
  checkCreate,
  checkJson,
  checkLimits,
  defaultValidated,
  checkStatus,
} from './admissionChecks.js';
import { defaultObject } from './deps.js';
import { alreadyExists, namespaceNotFound } from './storeErrors.js';
import { ForbiddenError } from './forbiddenError.js';
import type { LooseObject } from './looseObject.js';
import { withoutCreateStatus } from './looseObject.js';
import { withoutNullMetadata } from './nullMetadata.js';
import { dropNullFields } from '../validation/strict/nullFields.js';
import { locate } from './objectLocation.js';
import { stampResourceVersion } from './stamp.js';
import type { StoreCore } from './storeCore.js';
import type { StoredObject } from './types.js';
import { AlreadyExistsError } from '../errors.js';

// apiserver storage/names/generate.go: the base is cut so that base + suffix fits a DNS label.
const MAX_GENERATED_BASE = 63 - NAME_SUFFIX_LENGTH;
const MAX_NAME_ATTEMPTS = 64;

/** Throws unless `namespace` exists and is not being deleted (the NamespaceLifecycle plugin). */
export function assertNamespaceOpen(core: StoreCore, namespace: string): void {
  const ns = core.get('Namespace', namespace);
  if (ns === undefined) throw namespaceNotFound(namespace);
  if (ns.metadata.deletionTimestamp !== undefined) {
    throw new ForbiddenError(
      `unable to create new content in namespace ${namespace} because it is being terminated`,
    );
  }
}

function keyFor(namespace: string | undefined, name: string): string {
  return namespace === undefined ? name : `${namespace}/${name}`;
}

function chooseName(
  core: StoreCore,
  kind: string,
  namespace: string | undefined,
  name: string,
  generateName: unknown,
): string {
  if (name !== '') {
    if (core.get(kind, keyFor(namespace, name)) !== undefined) throw alreadyExists(kind, name);
    return name;
  }
  const base = String(generateName).slice(0, MAX_GENERATED_BASE);
  for (let i = 0; i < MAX_NAME_ATTEMPTS; i++) {
    const candidate = base + core.ids.nameSuffix();
    if (core.get(kind, keyFor(namespace, candidate)) === undefined) return candidate;
  }
  throw new AlreadyExistsError(
    `${kind} with generateName ${JSON.stringify(base)}: no free name after ${MAX_NAME_ATTEMPTS} attempts`,
  );
}

/**
 * Creates `input` and returns the stored, frozen object. `status` is replaced by the kind's
 * initial status; uid, resourceVersion, creationTimestamp and generation are the store's, whatever
 * the manifest says. Throws ValidationError, AlreadyExistsError, NotFoundError (namespace) or
 * ForbiddenError (namespace terminating); nothing changes when it throws.
 */
export function createObject(core: StoreCore, input: unknown): StoredObject {
  const validating = core.validating;
  if (validating) checkJson(input);
  const loc = locate(input);
  // A user's null field is Go's zero value (absent), as the API server decodes a POST body.
  const manifest = validating
    ? dropNullFields(withoutNullMetadata(loc.object))
    : withoutNullMetadata(loc.object);
  if (validating) {
    checkCreate(manifest);
    checkLimits(core, manifest);
    // A Node keeps the status it registers with (withoutCreateStatus): it is validated like a
    // status write, before anything is stored.
    if (loc.kind === 'Node') checkStatus(loc.kind, manifest.status, loc.name);
  }
  if (loc.namespace !== undefined) assertNamespaceOpen(core, loc.namespace);
  const defaulted = validating
    ? defaultValidated(withoutCreateStatus(manifest), (o) => defaultObject(o, core.config))
    : defaultObject(withoutCreateStatus(manifest), core.config);
  const name = chooseName(core, loc.kind, loc.namespace, loc.name, defaulted.metadata.generateName);
  const uid = core.ids.uid();
  const now = core.nowTimestamp();
  // The store's identity fields, on a fresh root and metadata (keys keep their places, new ones
  // go last, as an immer recipe would leave them); the rest of the defaulted object is shared.
  const meta: Record<string, unknown> = { ...defaulted.metadata };
  if (loc.namespace === undefined) delete meta.namespace;
  else meta.namespace = loc.namespace;
  meta.name = name;
  meta.uid = uid;
  meta.creationTimestamp = now;
  meta.generation = 1;
  delete meta.resourceVersion;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  let obj = { ...defaulted, metadata: meta } as unknown as LooseObject;
  if (loc.kind === 'Service') obj = admitServiceAllocation(core, obj, undefined);
  const rv = core.nextResourceVersion();
  const stored = stampResourceVersion(obj, rv) as LooseObject & StoredObject;
  return core.write(loc.kind, keyFor(loc.namespace, name), stored, rv);
}
