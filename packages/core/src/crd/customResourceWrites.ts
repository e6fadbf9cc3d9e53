/**
 * The store's write path for custom resources and for CustomResourceDefinitions themselves. The
 * store hands a write here (see `store/deps.ts`) when its kind is a CRD or a kind a stored CRD
 * defines; everything else takes the store's own path. Same guarantees: all-or-nothing, typed
 * errors, nothing changed on refusal.
 * @packageDocumentation
 */
import { produce } from 'immer';
import { NotFoundError, ValidationError } from '../errors.js';
import { NAME_SUFFIX_LENGTH } from '../sources.js';
import { assertNamespaceOpen, createObject } from '../store/createObject.js';
import { deepEqual } from '../store/deepEqual.js';
import { finalizeIfReleased, ownerReferencesUpdated } from '../store/deleteObject.js';
import { ForbiddenError } from '../store/forbiddenError.js';
import { mergeManifest } from '../store/mergeManifest.js';
import { stampResourceVersion } from '../store/stamp.js';
import type { LooseObject } from '../store/looseObject.js';
import { alreadyExists, notFound, staleConflict, uidConflict } from '../store/storeErrors.js';
import type { StoreCore } from '../store/storeCore.js';
import type { ApplyResult, StoredObject } from '../store/types.js';
import { updateObject } from '../store/updateObject.js';
import { admitCustomObject } from './admitCustomObject.js';
import { crdStatus, checkCrdWrite } from './crdAdmission.js';
import type { CustomKind } from './customResourceDefinition.js';
import { CRD_KIND, findCustomKind } from './customKindRegistry.js';
import type { CustomWriteOptions } from './fieldValidation.js';
import { isJsonObject } from './schemaTypes.js';

type Record_ = Record<string, unknown>;

const MAX_GENERATED_BASE = 63 - NAME_SUFFIX_LENGTH;

/** What a write is about: a CRD, a custom kind, or neither (the store's own path). */
export type CustomTarget =
  { readonly type: 'crd' } | { readonly type: 'custom'; readonly kind: CustomKind } | undefined;

/** Whether `input` is a CRD or an object of a custom kind of this store. */
export function customTarget(core: StoreCore, input: unknown): CustomTarget {
  if (!isJsonObject(input) || typeof input['kind'] !== 'string') return undefined;
  const kind = input['kind'];
  if (kind === CRD_KIND) return { type: 'crd' };
  const custom = findCustomKind(core.tables.table(CRD_KIND), kind);
  return custom === undefined ? undefined : { type: 'custom', kind: custom };
}

interface Where {
  readonly namespace: string | undefined;
  readonly name: string;
  readonly key: string;
  readonly meta: Record_;
}

function where(kind: CustomKind, input: Record_): Where {
  const meta = input['metadata'];
  if (!isJsonObject(meta)) {
    throw new ValidationError(
      [{ path: 'metadata', type: 'FieldValueRequired', message: 'Required value' }],
      kind.kind,
    );
  }
  const name = typeof meta['name'] === 'string' ? meta['name'] : '';
  const ns =
    typeof meta['namespace'] === 'string' && meta['namespace'] !== ''
      ? meta['namespace']
      : 'default';
  const namespace = kind.namespaced ? ns : undefined;
  return { namespace, name, key: namespace === undefined ? name : `${namespace}/${name}`, meta };
}

function keyFor(namespace: string | undefined, name: string): string {
  return namespace === undefined ? name : `${namespace}/${name}`;
}

function chooseName(core: StoreCore, kind: CustomKind, w: Where): string {
  if (w.name !== '') {
    if (core.get(kind.kind, w.key) !== undefined) throw alreadyExists(kind.plural, w.name);
    return w.name;
  }
  const generateName = w.meta['generateName'];
  const base = (typeof generateName === 'string' ? generateName : '').slice(0, MAX_GENERATED_BASE);
  for (let i = 0; i < 64; i++) {
    const candidate = base + core.ids.nameSuffix();
    if (core.get(kind.kind, keyFor(w.namespace, candidate)) === undefined) return candidate;
  }
  throw alreadyExists(kind.plural, base);
}

// With a status subresource, status and metadata do not move the generation; without one, only
// metadata does not (apiextensions-apiserver pkg/registry/customresource/strategy.go).
function desired(obj: Record_, statusSubresource: boolean): Record_ {
  const out: Record_ = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'metadata' || (statusSubresource && k === 'status')) continue;
    out[k] = v;
  }
  return out;
}

/**
 * Objects are stored in the CRD's storage version whatever version they were written in. With
 * conversion strategy `None` (the only one kubesim runs) converting between versions changes
 * `apiVersion` and nothing else (apiextensions-apiserver pkg/apiserver/conversion nopConverter);
 * the API server sets the version of each request on the way out.
 */
function storageApiVersion(kind: CustomKind): string {
  return `${kind.group}/${kind.storageVersion}`;
}

function crdTerminating(core: StoreCore, kind: CustomKind): boolean {
  return core.get(CRD_KIND, kind.crdName)?.metadata.deletionTimestamp !== undefined;
}

/** POST of a custom resource. */
export function createCustomObject(
  core: StoreCore,
  kind: CustomKind,
  input: Record_,
  opts: CustomWriteOptions = {},
): StoredObject {
  const w = where(kind, input);
  if (crdTerminating(core, kind)) {
    throw new ForbiddenError(
      `create not allowed while custom resource definition is terminating: ${kind.crdName}`,
    );
  }
  const admitted = admitCustomObject(kind, input, opts.fieldValidation ?? 'Strict');
  if (w.namespace !== undefined) assertNamespaceOpen(core, w.namespace);
  const name = chooseName(core, kind, w);
  const uid = core.ids.uid();
  const now = core.nowTimestamp();
  const obj = produce(admitted.object, (d) => {
    d['apiVersion'] = storageApiVersion(kind);
    // PrepareForCreate: with a status subresource the status of a create is dropped.
    if (admitted.version.statusSubresource) delete d['status'];
    const meta = d['metadata'] as Record_;
    if (w.namespace === undefined) delete meta['namespace'];
    else meta['namespace'] = w.namespace;
    meta['name'] = name;
    meta['uid'] = uid;
    meta['creationTimestamp'] = now;
    meta['generation'] = 1;
    delete meta['resourceVersion'];
    delete meta['deletionTimestamp'];
    delete meta['deletionGracePeriodSeconds'];
  }) as unknown as LooseObject;
  const rv = core.nextResourceVersion();
  const stored = stampResourceVersion(obj, rv) as unknown as StoredObject;
  opts.warnings?.push(...admitted.warnings);
  return core.write(kind.kind, keyFor(w.namespace, name), stored, rv);
}

/** PUT (mode `spec`) or PUT …/status (mode `status`) of a custom resource. */
export function updateCustomObject(
  core: StoreCore,
  kind: CustomKind,
  input: Record_,
  mode: 'spec' | 'status',
  opts: CustomWriteOptions = {},
): StoredObject {
  const w = where(kind, input);
  const live = core.get(kind.kind, w.key) as (StoredObject & Record_) | undefined;
  if (live === undefined) throw notFound(kind.plural, w.name);
  const wantedRv = w.meta['resourceVersion'];
  if (
    typeof wantedRv === 'string' &&
    wantedRv !== '' &&
    wantedRv !== live.metadata.resourceVersion
  ) {
    throw staleConflict(kind.plural, w.name);
  }
  const wantedUid = w.meta['uid'];
  if (typeof wantedUid === 'string' && wantedUid !== '' && wantedUid !== live.metadata.uid) {
    throw uidConflict(kind.plural, w.name, wantedUid, live.metadata.uid);
  }
  const version = kind.versions.find((v) => `${kind.group}/${v.name}` === input['apiVersion']);
  const statusSub = version?.statusSubresource ?? false;
  if (mode === 'status' && !statusSub) {
    throw new NotFoundError(
      `the server could not find the requested resource (put ${kind.plural}.${kind.group} ${w.name})`,
    );
  }
  const source: Record_ =
    mode === 'spec' ? input : { ...live, apiVersion: input['apiVersion'], status: input['status'] };
  const admitted = admitCustomObject(kind, source, opts.fieldValidation ?? 'Strict');
  const liveMeta = live.metadata as unknown as Record_;
  let next = produce(admitted.object, (d) => {
    d['apiVersion'] = storageApiVersion(kind);
    const meta = d['metadata'] as Record_;
    if (mode === 'status') {
      for (const k of Object.keys(meta)) Reflect.deleteProperty(meta, k);
      Object.assign(meta, structuredClone(liveMeta));
    }
    if (w.namespace !== undefined) meta['namespace'] = w.namespace;
    for (const k of [
      'uid',
      'creationTimestamp',
      'deletionTimestamp',
      'deletionGracePeriodSeconds',
    ]) {
      if (liveMeta[k] === undefined) Reflect.deleteProperty(meta, k);
      else meta[k] = liveMeta[k];
    }
    meta['resourceVersion'] = live.metadata.resourceVersion;
    meta['generation'] = live.metadata.generation ?? 1;
    if (mode === 'spec' && statusSub) {
      if ('status' in live) d['status'] = structuredClone(live['status']);
      else delete d['status'];
    }
  });
  if (!deepEqual(desired(next, statusSub), desired(live, statusSub))) {
    next = produce(next, (d) => {
      (d['metadata'] as Record_)['generation'] = (live.metadata.generation ?? 1) + 1;
    });
  }
  opts.warnings?.push(...admitted.warnings);
  if (deepEqual(next, live)) return live;
  const rv = core.nextResourceVersion();
  const stored = stampResourceVersion(
    next as unknown as LooseObject,
    rv,
  ) as unknown as StoredObject;
  core.write(kind.kind, w.key, stored, rv);
  ownerReferencesUpdated(core, live, stored);
  return finalizeIfReleased(core, kind.kind, w.key) ?? core.get(kind.kind, w.key) ?? stored;
}

/** `kubectl apply` of a custom resource: create, or merge onto the live object and update. */
export function applyCustomObject(
  core: StoreCore,
  kind: CustomKind,
  input: Record_,
  opts: CustomWriteOptions = {},
): ApplyResult {
  const w = where(kind, input);
  const live = w.name === '' ? undefined : core.get(kind.kind, w.key);
  if (live === undefined)
    return { object: createCustomObject(core, kind, input, opts), created: true };
  const merged = mergeManifest(live as unknown as Record_, input);
  return {
    object: updateCustomObject(core, kind, merged, 'spec', opts),
    created: false,
  };
}

function crdName(input: Record_): string {
  const meta = input['metadata'];
  return isJsonObject(meta) && typeof meta['name'] === 'string' ? meta['name'] : '';
}

// After a CRD write, its status says what upstream's controllers would: names accepted, established.
function establish(core: StoreCore, stored: StoredObject): StoredObject {
  const status = crdStatus(stored);
  if (deepEqual((stored as unknown as Record_)['status'], status)) return stored;
  return updateObject(core, { ...stored, status }, 'status');
}

/** POST of a CustomResourceDefinition: validated, stored, then marked Established. */
export function createCrd(
  core: StoreCore,
  input: Record_,
  opts: CustomWriteOptions = {},
): StoredObject {
  checkCrdWrite(core, input, undefined, opts.warnings);
  return establish(core, createObject(core, input));
}

/** PUT of a CustomResourceDefinition (status is recomputed, whatever the mode). */
export function updateCrd(
  core: StoreCore,
  input: Record_,
  mode: 'spec' | 'status',
  opts: CustomWriteOptions = {},
): StoredObject {
  const live = core.get(CRD_KIND, crdName(input));
  if (live === undefined)
    throw notFound('customresourcedefinitions.apiextensions.k8s.io', crdName(input));
  if (mode === 'status') return updateObject(core, input, 'status');
  checkCrdWrite(core, input, live, opts.warnings);
  return establish(core, updateObject(core, input, 'spec'));
}

/** `kubectl apply` of a CustomResourceDefinition. */
export function applyCrd(
  core: StoreCore,
  input: Record_,
  opts: CustomWriteOptions = {},
): ApplyResult {
  const live = core.get(CRD_KIND, crdName(input));
  if (live === undefined) return { object: createCrd(core, input, opts), created: true };
  const merged = mergeManifest(live as unknown as Record_, input);
  return { object: updateCrd(core, merged, 'spec', opts), created: false };
}
