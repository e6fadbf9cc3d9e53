/**
 * Validation and Service allocation on the write path: every refusal is a ValidationError thrown
 * before the tables change.
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { KubesimError, ValidationError } from '../errors.js';
import type { Service } from '../objects/service.js';
import { updateRuleIssues, validateObject, validateStatus, validateUpdate } from './deps.js';
import { invalid } from '../validation/fieldIssues.js';
import { findInt32Overflows, UnmarshalError } from '../validation/strict/int32Fields.js';
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
  // What the API server's decoder refuses comes first (400): a value of the wrong JSON type for
  // its field, or a number too large for an int32 field.
  const undecodable = findInt32Overflows(obj)[0];
  if (undecodable !== undefined) {
    const o = obj as { kind?: unknown; apiVersion?: unknown };
    throw new UnmarshalError(String(o.kind), String(o.apiVersion), undecodable, nameOf(obj));
  }
  const issues = validateObject(obj);
  if (issues.length > 0) throw new ValidationError(issues, kindOf(obj), nameOf(obj));
}

const REPLICATED_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet']);

/**
 * Throws ValidationError when a write passes one of this simulation's size limits: `spec.replicas`
 * of a workload above `config.maxReplicas` (upstream allows up to int32; kubesim refuses sooner so
 * a typo such as `replicas: 1e6` fails at once instead of running for minutes).
 */
export function checkLimits(core: Pick<StoreCore, 'config'>, obj: unknown): void {
  const kind = kindOf(obj);
  if (kind === undefined || !REPLICATED_KINDS.has(kind)) return;
  const replicas = (obj as { spec?: { replicas?: unknown } }).spec?.replicas;
  const max = core.config.maxReplicas;
  if (typeof replicas === 'number' && replicas > max) {
    throw new ValidationError(
      [
        invalid(
          'spec.replicas',
          replicas,
          `must be no more than ${max} (this simulation's maxReplicas; raise it in the config of createSimulation)`,
        ),
      ],
      kind,
      nameOf(obj),
    );
  }
}

/**
 * Defaults a user's object that passed validation. Defaulting assumes the shape validation
 * checked; should a shape slip through that it cannot read, the write is refused as invalid
 * (naming the kind) instead of a TypeError escaping from inside the store.
 */
export function defaultValidated<T>(obj: T, fn: (o: T) => T): T {
  try {
    return fn(obj);
  } catch (err) {
    if (err instanceof KubesimError) throw err;
    const detail = err instanceof Error ? err.message : String(err);
    throw new ValidationError(
      [invalid('', '(object)', `has a field of a shape kubesim cannot default (${detail})`)],
      kindOf(obj),
      nameOf(obj),
    );
  }
}

/** Throws ValidationError unless `status`, written for an object of `kind`, is valid. */
export function checkStatus(kind: string, status: unknown, name: string | undefined): void {
  const issues = validateStatus(kind, status);
  if (issues.length > 0) throw new ValidationError(issues, kind, name);
}

/**
 * Throws ValidationError unless `next` (defaulted) is a valid change of `live`: immutable fields
 * kept. `objectChecked`: the object was validated as written, before defaulting (a user's
 * update, as on create), so only the rules of an update remain; `paranoid` checks that claim too
 * (the defaulted object must still be valid) and reports a breach as a kubesim bug. Without it
 * the whole object is validated here.
 */
export function checkUpdate(
  live: StoredObject,
  next: LooseObject,
  objectChecked = false,
  paranoid = false,
): void {
  if (!objectChecked) {
    const issues = dedupe(validateUpdate(live, next));
    if (issues.length > 0) throw new ValidationError(issues, next.kind, nameOf(next));
    return;
  }
  if (paranoid) {
    const broken = validateObject(next);
    if (broken.length > 0) {
      throw new ValidationError(
        broken.map((i) => ({ ...i, message: `${i.message} (after defaulting: a kubesim bug)` })),
        next.kind,
        nameOf(next),
      );
    }
  }
  const rules: FieldIssue[] = [];
  updateRuleIssues(live, next, rules);
  const issues = dedupe(rules);
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
