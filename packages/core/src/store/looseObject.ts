/**
 * The untyped shape the write path works on, and the rules that differ by kind: what counts as
 * the desired state (for `generation`) and what status a created object starts with.
 * @packageDocumentation
 */
import type { ObjectMeta } from '../objects/meta.js';
import { deepEqual } from './deepEqual.js';

/** An object being admitted: wire format, every field optional and mutable. */
export interface LooseObject {
  apiVersion?: string;
  kind: string;
  metadata: Partial<ObjectMeta> & Record<string, unknown>;
  spec?: unknown;
  status?: unknown;
  [field: string]: unknown;
}

/** True for a plain (non-array, non-null) object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The manifest without the status a create must not take: upstream strategies reset status on
 * create (pkg/registry/<group>/<kind>/strategy.go `PrepareForCreate`); Node keeps what was written
 * (pkg/registry/core/node/strategy.go). Defaulting then fills each kind's initial status
 * (Pod phase Pending, Namespace Active, workloads with zero counts).
 */
export function withoutCreateStatus(obj: LooseObject): LooseObject {
  if (obj.kind === 'Node' || !('status' in obj)) return obj;
  const { status: _dropped, ...rest } = obj;
  return rest;
}

/**
 * The part of an object whose change bumps `metadata.generation`: `spec` when the object has one,
 * otherwise everything but metadata, status, kind and apiVersion (EndpointSlice endpoints and
 * ports, ConfigMap data, …).
 */
export function desiredState(obj: LooseObject): unknown {
  if ('spec' in obj) return obj.spec;
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k !== 'metadata' && k !== 'status' && k !== 'kind' && k !== 'apiVersion') rest[k] = v;
  }
  return rest;
}

const notDesired = (k: string): boolean =>
  k === 'metadata' || k === 'status' || k === 'kind' || k === 'apiVersion';

/** What `desiredState(obj)[k]` reads for a key `obj` may lack: a plain object's inherited value. */
const inherited = (k: string): unknown => (Object.prototype as Record<string, unknown>)[k];

/**
 * `deepEqual(desiredState(a), desiredState(b))` for two objects without `spec`, without building
 * the two desired states.
 */
function sameDesiredRest(a: LooseObject, b: LooseObject): boolean {
  for (const k of Object.keys(a)) {
    if (notDesired(k)) continue;
    if (!deepEqual(a[k], Object.hasOwn(b, k) ? b[k] : inherited(k))) return false;
  }
  for (const k of Object.keys(b)) {
    if (notDesired(k) || Object.hasOwn(a, k) || k in Object.prototype) continue;
    if (b[k] !== undefined) return false;
  }
  return true;
}

/** Labels absent and labels `{}` are the same (the API server's semantic equality). */
const sameLabels = (a: LooseObject, b: LooseObject): boolean =>
  deepEqual(a.metadata.labels ?? {}, b.metadata.labels ?? {});

/**
 * The generation `next` gets when it replaces `live`: +1 if its desired state changed. An
 * EndpointSlice also moves on a change of its labels (pkg/registry/discovery/endpointslice/
 * strategy.go `PrepareForUpdate`: anything but metadata, or the labels), which the EndpointSlice
 * controller's tracker relies on to see a user's relabel of its slice.
 */
export function nextGeneration(live: LooseObject, next: LooseObject): number {
  const current = live.metadata.generation ?? 1;
  if (live.kind === 'EndpointSlice' && !sameLabels(live, next)) return current + 1;
  const liveHasSpec = 'spec' in live;
  const same =
    liveHasSpec && 'spec' in next
      ? deepEqual(live.spec, next.spec)
      : !liveHasSpec && !('spec' in next)
        ? sameDesiredRest(live, next)
        : deepEqual(desiredState(live), desiredState(next));
  return same ? current : current + 1;
}
