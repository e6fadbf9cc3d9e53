/**
 * The messages of the store's errors, worded as kube-apiserver words them.
 * @packageDocumentation
 */
import { AlreadyExistsError, ConflictError, NotFoundError } from '../errors.js';

/**
 * The resource (plural, lower-case) name of a kind, as error messages print it:
 * `Pod` → `pods`, `Endpoints` → `endpoints`, `NetworkPolicy` → `networkpolicies`,
 * `Ingress` → `ingresses`.
 */
export function resourceName(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower === 'endpoints') return lower;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  return `${lower}s`;
}

/** `pods "x" not found`. */
export function notFound(kind: string, name: string): NotFoundError {
  return new NotFoundError(`${resourceName(kind)} ${JSON.stringify(name)} not found`);
}

/** `namespaces "foo" not found: create the Namespace first`. */
export function namespaceNotFound(namespace: string): NotFoundError {
  return new NotFoundError(
    `namespaces ${JSON.stringify(namespace)} not found: create the Namespace first`,
  );
}

/** `services "web" already exists`. */
export function alreadyExists(kind: string, name: string): AlreadyExistsError {
  return new AlreadyExistsError(`${resourceName(kind)} ${JSON.stringify(name)} already exists`);
}

/** The optimistic-concurrency conflict of a stale resourceVersion. */
export function staleConflict(kind: string, name: string): ConflictError {
  return new ConflictError(
    `Operation cannot be fulfilled on ${resourceName(kind)} ${JSON.stringify(name)}: the object has been modified; please apply your changes to the latest version and try again`,
  );
}

/** A uid precondition that does not hold (staging apiserver pkg/registry/rest/delete.go). */
export function uidConflict(
  kind: string,
  name: string,
  wanted: string,
  actual: string,
): ConflictError {
  return new ConflictError(
    `Operation cannot be fulfilled on ${resourceName(kind)} ${JSON.stringify(name)}: the UID in the precondition (${wanted}) does not match the UID in record (${actual}). The object might have been deleted and then recreated`,
  );
}
