/**
 * Validation and Service allocation on the write path: every refusal is a ValidationError thrown
 * before the tables change.
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { ValidationError } from '../errors.js';
import type { Service } from '../objects/service.js';
import { validateObject, validateStatus, validateUpdate } from './deps.js';
import { jsonValueIssues } from './jsonValue.js';
import type { LooseObject } from './looseObject.js';
import type { StoreCore } from './storeCore.js';
import type { StoredObject } from './types.js';

function nameOf(obj: unknown): string | undefined {
  const meta = (obj as { metadata?: { name?: unknown; generateName?: unknown } } | null)?.metadata;
  if (typeof meta?.name === 'string' && meta.name !== '') return meta.name;
  return typeof meta?.generateName === 'string' ? meta.generateName : undefined;
}

function kindOf(obj: unknown): string | undefined {
  const kind = (obj as { kind?: unknown } | null)?.kind;
  return typeof kind === 'string' ? kind : undefined;
}

function dedupe(issues: readonly FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.path}\u0000${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Throws ValidationError unless `value` is JSON data (no BigInt, function, cycle, NaN, …). `path`
 * names where `value` sits in `obj` (`'status'` for a status write); absent is fine there.
 */
export function checkJson(obj: unknown, value: unknown = obj, path = ''): void {
  if (value === undefined && path !== '') return;
  const issues = jsonValueIssues(value, path);
  if (issues.length > 0) throw new ValidationError(issues, kindOf(obj), nameOf(obj));
}

/** Throws ValidationError unless `obj` (a manifest as written) is valid. */
export function checkCreate(obj: unknown): void {
  const issues = validateObject(obj);
  if (issues.length > 0) throw new ValidationError(issues, kindOf(obj), nameOf(obj));
}

/** Throws ValidationError unless `status`, written for an object of `kind`, is valid. */
export function checkStatus(kind: string, status: unknown, name: string | undefined): void {
  const issues = validateStatus(kind, status);
  if (issues.length > 0) throw new ValidationError(issues, kind, name);
}

/**
 * Throws ValidationError unless `next` (defaulted) is a valid change of `live`: immutable fields
 * kept. The object itself was validated as written, before defaulting.
 */
export function checkUpdate(live: StoredObject, next: LooseObject): void {
  const issues = dedupe(validateUpdate(live, next));
  if (issues.length > 0) throw new ValidationError(issues, next.kind, nameOf(next));
}

/**
 * Allocates a Service's ClusterIP(s) and node ports (or checks the requested ones). Returns the
 * Service to store; throws ValidationError when allocation fails.
 */
export function admitServiceAllocation(
  core: StoreCore,
  svc: LooseObject,
  live: StoredObject | undefined,
): LooseObject {
  const { service, issues } = core.allocators.admitService(
    svc as unknown as Service,
    live as Service | undefined,
  );
  if (issues.length > 0) throw new ValidationError(issues, 'Service', nameOf(svc));
  return service as unknown as LooseObject;
}
