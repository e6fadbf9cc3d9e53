/**
 * POST, PUT, PATCH (merge, JSON, strategic, apply) and DELETE through the store, with
 * managedFields kept as upstream's field manager keeps them.
 * @packageDocumentation
 */
import {
  withCustomScale,
  type CustomWriteOptions,
  type PropagationPolicy,
  type StoredObject,
} from '@kubesim/core';
import {
  apiVersionOf,
  atVersion,
  keyOf,
  matches,
  mustGet,
  nowTimestamp,
  selectorsOf,
  type ApiContext,
} from './apiContext.js';
import {
  checkApplyConfiguration,
  checkBody,
  checkPatched,
  fieldValidationOf,
  goJson,
} from './fieldValidation.js';
import type { ResourceInfo } from './resources.js';
import type { ResourceRoute } from './route.js';
import { scaleOf } from './scale.js';
import { serverSideApply, trackUpdate, type WriterInfo } from './serverSideApply.js';
import { jsonMergePatch, jsonPatch, strategicMergePatch } from './patch.js';
import { ApiError, badRequest } from './status.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A write request's parsed parts. */
export interface WriteRequest {
  readonly route: ResourceRoute;
  readonly query: URLSearchParams;
  readonly body: unknown;
  /** Media type of the body, without parameters. */
  readonly contentType: string;
  /** Field manager: `fieldManager`, else the user agent up to its first `/`. */
  readonly manager: string;
}

function writer(ctx: ApiContext, req: WriteRequest): WriterInfo {
  return {
    manager: req.manager,
    apiVersion: apiVersionOf(req.route.resource),
    time: nowTimestamp(ctx.host),
    subresource: req.route.subresource,
  };
}

function plain(obj: StoredObject | undefined): Obj | undefined {
  return obj === undefined ? undefined : (structuredClone(obj) as unknown as Obj);
}

function rejectDryRun(query: URLSearchParams): void {
  const dry = query.getAll('dryRun');
  if (dry.length > 0 && dry.some((d) => d !== '')) {
    throw badRequest('dryRun is not supported by kubesim: the simulation has no dry-run store');
  }
}

/** Checks and completes an object written to `route`: kind, apiVersion, namespace, name. */
function completeBody(route: ResourceRoute, body: unknown, nameFromUrl: string | undefined): Obj {
  if (!isObj(body))
    throw badRequest(
      'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml',
    );
  const r = route.resource;
  const out: Obj = { ...body, metadata: isObj(body['metadata']) ? { ...body['metadata'] } : {} };
  const meta = out['metadata'] as Obj;
  const want = apiVersionOf(r);
  if (out['apiVersion'] === undefined) out['apiVersion'] = want;
  if (out['kind'] === undefined) out['kind'] = r.kind;
  if (out['apiVersion'] !== want) {
    throw badRequest(
      `the API version in the data (${String(out['apiVersion'])}) does not match the expected API version (${want})`,
    );
  }
  if (out['kind'] !== r.kind) {
    throw badRequest(
      `the kind in the data (${String(out['kind'])}) does not match the expected kind (${r.kind})`,
    );
  }
  if (r.namespaced) {
    const ns = meta['namespace'];
    if (ns !== undefined && ns !== '' && ns !== route.namespace) {
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    meta['namespace'] = route.namespace ?? 'default';
  } else {
    delete meta['namespace'];
  }
  if (nameFromUrl !== undefined) {
    if (meta['name'] !== undefined && meta['name'] !== nameFromUrl) {
      throw badRequest(
        `the name of the object (${JSON.stringify(meta['name'])}) does not match the name on the URL (${nameFromUrl})`,
      );
    }
    meta['name'] = nameFromUrl;
  }
  return out;
}

/** A write's answer: status code, body and the warnings to send as `Warning` headers. */
export interface WriteResult {
  readonly code: number;
  readonly body: unknown;
  readonly warnings?: readonly string[];
}

/** The schema of a custom kind at the route's version; undefined for a built-in kind. */
function customSchemaOf(ctx: ApiContext, r: ResourceInfo) {
  return ctx.resources.customKind(r.kind)?.versions.find((v) => v.name === r.version)?.schema;
}

function write<T>(ctx: ApiContext, req: WriteRequest, fn: () => T): T {
  return ctx.host.withCause(`api/${req.manager}`, () => ctx.host.store.transaction(fn));
}

/** POST: create, or the eviction subresource. */
export function handleCreate(ctx: ApiContext, req: WriteRequest): WriteResult {
  rejectDryRun(req.query);
  const route = req.route;
  const mode = fieldValidationOf(req.query, 'CreateOptions');
  if (route.subresource === 'eviction') {
    mustGet(ctx, route);
    write(ctx, req, () => {
      ctx.host.evict(keyOf(route, route.name ?? ''));
    });
    return {
      code: 201,
      body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 },
    };
  }
  if (route.name !== undefined)
    throw new ApiError(
      405,
      'MethodNotAllowed',
      'the server does not allow this method on the requested resource',
    );
  const checked = checkBody(
    completeBody(route, req.body, undefined),
    mode,
    customSchemaOf(ctx, route.resource),
  );
  const warnings = [...checked.warnings];
  const opts: CustomWriteOptions = { fieldValidation: mode, warnings };
  const created = write(ctx, req, () =>
    ctx.host.store.create(trackUpdate(undefined, checked.object, writer(ctx, req)) as never, opts),
  );
  return { code: 201, body: atVersion(ctx, route.resource, created), warnings };
}

function storeWrite(
  ctx: ApiContext,
  req: WriteRequest,
  live: StoredObject,
  next: Obj,
  opts: CustomWriteOptions,
): StoredObject {
  const tracked =
    req.route.subresource === 'status' ? next : trackUpdate(plain(live), next, writer(ctx, req));
  return write(ctx, req, () =>
    req.route.subresource === 'status'
      ? ctx.host.store.updateStatus(tracked as never, opts)
      : ctx.host.store.update(tracked as never, opts),
  );
}

function scaleWrite(ctx: ApiContext, req: WriteRequest, live: StoredObject, scale: Obj): unknown {
  const spec = isObj(scale['spec']) ? scale['spec'] : {};
  const replicas = spec['replicas'];
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw new ApiError(
      422,
      'Invalid',
      `Scale.autoscaling "${live.metadata.name}" is invalid: spec.replicas: Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0`,
      {
        name: live.metadata.name,
        group: 'autoscaling',
        kind: 'Scale',
        causes: [
          {
            reason: 'FieldValueInvalid',
            message: 'must be greater than or equal to 0',
            field: 'spec.replicas',
          },
        ],
      },
    );
  }
  const meta = isObj(scale['metadata']) ? scale['metadata'] : {};
  const rv = meta['resourceVersion'];
  const custom = ctx.resources.customScale(req.route.resource);
  const next =
    custom === undefined
      ? (plain(live) ?? {})
      : withCustomScale(custom, plain(live) ?? {}, replicas);
  if (custom === undefined) (next['spec'] as Obj)['replicas'] = replicas;
  const m = next['metadata'] as Obj;
  if (typeof rv === 'string' && rv !== '') m['resourceVersion'] = rv;
  const tracked = trackUpdate(plain(live), next, { ...writer(ctx, req), subresource: 'scale' });
  const stored = write(ctx, req, () => ctx.host.store.update(tracked as never));
  return scaleOf(req.route.resource, stored, custom);
}

/** PUT: replace the object, its status, or its scale. */
export function handleUpdate(ctx: ApiContext, req: WriteRequest): WriteResult {
  rejectDryRun(req.query);
  const route = req.route;
  const mode = fieldValidationOf(req.query, 'UpdateOptions');
  const live = atVersion(ctx, route.resource, mustGet(ctx, route));
  if (route.subresource === 'scale') {
    if (!isObj(req.body)) throw badRequest('the body of the request was in an unknown format');
    return { code: 200, body: scaleWrite(ctx, req, live, req.body) };
  }
  const checked = checkBody(
    completeBody(route, req.body, route.name),
    mode,
    customSchemaOf(ctx, route.resource),
  );
  const warnings = [...checked.warnings];
  const stored = storeWrite(ctx, req, live, checked.object, { fieldValidation: mode, warnings });
  return { code: 200, body: atVersion(ctx, route.resource, stored), warnings };
}

const PATCH_TYPES = new Set([
  'application/merge-patch+json',
  'application/json-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
]);

/** PATCH of the four upstream types; other media types are 415. */
export function handlePatch(ctx: ApiContext, req: WriteRequest): WriteResult {
  rejectDryRun(req.query);
  const route = req.route;
  const mode = fieldValidationOf(req.query, 'PatchOptions');
  if (!PATCH_TYPES.has(req.contentType)) {
    throw new ApiError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: ${[...PATCH_TYPES].join(', ')}`,
    );
  }
  const r = route.resource;
  const customSchema = customSchemaOf(ctx, r);
  if (customSchema !== undefined && req.contentType === 'application/strategic-merge-patch+json') {
    // Custom resources have no patch strategies (apiextensions-apiserver customresource_handler.go).
    throw new ApiError(
      415,
      'UnsupportedMediaType',
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    );
  }
  const key = keyOf(route, route.name ?? '');
  const live = atVersion(ctx, r, ctx.host.store.getInert(r.kind, key));
  if (req.contentType === 'application/apply-patch+yaml') {
    if (route.subresource === 'scale')
      throw badRequest('apply is not supported on the scale subresource by kubesim');
    const forceText = req.query.get('force');
    const force = forceText === 'true' || forceText === '1';
    if (req.query.get('fieldManager') === null || req.query.get('fieldManager') === '') {
      throw badRequest(
        'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
      );
    }
    const config = completeBody(route, req.body, route.name);
    checkApplyConfiguration(config, customSchema);
    const next = serverSideApply(plain(live), config, writer(ctx, req), force);
    if (live === undefined) {
      const created = write(ctx, req, () =>
        ctx.host.store.create(next as never, { fieldValidation: mode }),
      );
      return { code: 201, body: atVersion(ctx, r, created) };
    }
    (next['metadata'] as Obj)['resourceVersion'] = live.metadata.resourceVersion;
    const stored = write(ctx, req, () =>
      route.subresource === 'status'
        ? ctx.host.store.updateStatus(next as never, { fieldValidation: mode })
        : ctx.host.store.update(next as never, { fieldValidation: mode }),
    );
    return { code: 200, body: atVersion(ctx, r, stored) };
  }
  if (live === undefined) mustGet(ctx, route);
  const current: Obj =
    route.subresource === 'scale'
      ? scaleOf(r, live as StoredObject, ctx.resources.customScale(r))
      : (plain(live) ?? {});
  let patched: unknown;
  switch (req.contentType) {
    case 'application/merge-patch+json':
      patched = jsonMergePatch(current, req.body);
      break;
    case 'application/json-patch+json':
      patched = jsonPatch(current, req.body);
      break;
    default:
      if (!isObj(req.body)) throw badRequest('the body of the request was in an unknown format');
      patched = strategicMergePatch(current, req.body);
  }
  if (!isObj(patched)) throw badRequest('the patch did not produce an object');
  if (route.subresource === 'scale')
    return { code: 200, body: scaleWrite(ctx, req, live as StoredObject, patched) };
  const completed = completeBody(route, patched, route.name);
  // Upstream quotes the patch map of a strategic merge patch and the patched object's JSON of
  // the others (handlers/patch.go strategicPatchObject, jsonPatcher.applyPatchToCurrentObject).
  const quoted =
    req.contentType === 'application/strategic-merge-patch+json' ? req.body : goJson(patched);
  const checked = checkPatched(completed, mode, route.name ?? '', quoted, customSchema);
  const warnings = [...checked.warnings];
  const stored = storeWrite(ctx, req, live as StoredObject, checked.object, {
    fieldValidation: mode,
    warnings,
  });
  return { code: 200, body: atVersion(ctx, r, stored), warnings };
}

interface DeleteParams {
  gracePeriodSeconds?: number;
  propagationPolicy?: PropagationPolicy;
  uid?: string;
  resourceVersion?: string;
}

function deleteParams(query: URLSearchParams, body: unknown): DeleteParams {
  const out: DeleteParams = {};
  const b = isObj(body) ? body : {};
  const grace =
    query.get('gracePeriodSeconds') ??
    (typeof b['gracePeriodSeconds'] === 'number' ? String(b['gracePeriodSeconds']) : null);
  if (grace !== null && grace !== '') {
    const n = Number(grace);
    if (!Number.isInteger(n)) throw badRequest(`invalid gracePeriodSeconds: ${grace}`);
    out.gracePeriodSeconds = n;
  }
  const policy =
    query.get('propagationPolicy') ??
    (typeof b['propagationPolicy'] === 'string' ? b['propagationPolicy'] : null);
  if (policy !== null && policy !== '') {
    if (policy !== 'Orphan' && policy !== 'Background' && policy !== 'Foreground') {
      throw new ApiError(
        422,
        'Invalid',
        `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan", "nil"`,
      );
    }
    out.propagationPolicy = policy;
  }
  const pre = isObj(b['preconditions']) ? b['preconditions'] : {};
  if (typeof pre['uid'] === 'string') out.uid = pre['uid'];
  if (typeof pre['resourceVersion'] === 'string') out.resourceVersion = pre['resourceVersion'];
  return out;
}

function deleteOne(
  ctx: ApiContext,
  req: WriteRequest,
  live: StoredObject,
  p: DeleteParams,
): StoredObject {
  const r = req.route.resource;
  const key = r.namespaced
    ? `${live.metadata.namespace ?? 'default'}/${live.metadata.name}`
    : live.metadata.name;
  if (p.resourceVersion !== undefined && p.resourceVersion !== live.metadata.resourceVersion) {
    throw new ApiError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${r.plural} "${live.metadata.name}": the ResourceVersion in the precondition (${p.resourceVersion}) does not match the ResourceVersion in record (${live.metadata.resourceVersion}). The object might have been modified`,
    );
  }
  write(ctx, req, () => {
    // The store carries out the policy (Orphan, Background, Foreground) as the garbage collector.
    ctx.host.store.delete(r.kind, key, {
      ...(p.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: p.gracePeriodSeconds } : {}),
      ...(p.propagationPolicy !== undefined ? { propagationPolicy: p.propagationPolicy } : {}),
      ...(p.uid !== undefined ? { uid: p.uid } : {}),
    });
  });
  return ctx.host.store.getInert(r.kind, key) ?? live;
}

/** DELETE of one object (returns it, marked for deletion or as last seen) or a collection. */
export function handleDelete(ctx: ApiContext, req: WriteRequest): WriteResult {
  rejectDryRun(req.query);
  const route = req.route;
  if (route.subresource !== undefined)
    throw new ApiError(
      405,
      'MethodNotAllowed',
      'the server does not allow this method on the requested resource',
    );
  const p = deleteParams(req.query, req.body);
  if (route.name !== undefined) {
    const live = mustGet(ctx, route);
    return { code: 200, body: atVersion(ctx, route.resource, deleteOne(ctx, req, live, p)) };
  }
  const sel = selectorsOf(req.query, route.resource.kind);
  const items = ctx.host.store
    .listInert(
      route.resource.kind,
      route.namespace !== undefined ? { namespace: route.namespace } : {},
    )
    .filter((o) => matches(o, route, sel));
  const deleted = items.map((o) => atVersion(ctx, route.resource, deleteOne(ctx, req, o, p)));
  return {
    code: 200,
    body: {
      kind: `${route.resource.kind}List`,
      apiVersion: apiVersionOf(route.resource),
      metadata: { resourceVersion: String(ctx.host.store.resourceVersion) },
      items: deleted,
    },
  };
}
