/**
 * Container resource requirements (kubernetes `pkg/apis/core/validation/validation.go`
 * `ValidateResourceRequirements`, `ValidateResourceQuantityValue`).
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { QuantityError, parseQuantity } from '../quantity/index.js';
import type { Quantity } from '../quantity/index.js';
import { invalid, key, typeInvalid } from './fieldIssues.js';
import { get, obj } from './json.js';
import { isQualifiedName } from './names.js';

const standardResources = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods']);

function validateResourceName(name: string, path: string, issues: FieldIssue[]): void {
  for (const msg of isQualifiedName(name)) issues.push(invalid(path, name, msg));
  if (!name.includes('/') && !standardResources.has(name) && !name.startsWith('hugepages-')) {
    issues.push(invalid(path, name, 'must be a standard resource type or fully qualified'));
  }
}

/** Whether the scheduler can count `q` exactly: millicores for cpu, whole units otherwise. */
function computable(name: string, q: Quantity): boolean {
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  const units =
    name === 'cpu' ? (q.nanos + 999_999n) / 1_000_000n : (q.nanos + 999_999_999n) / 1_000_000_000n;
  return units <= max;
}

// Reads one resource list; returns the parsed quantities by resource name.
function readList(v: unknown, path: string, issues: FieldIssue[]): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const [name, raw] of Object.entries(obj(v, path, issues) ?? {})) {
    const p = key(path, name);
    validateResourceName(name, p, issues);
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      issues.push(typeInvalid(p, Array.isArray(raw) ? 'array' : typeof raw, 'a quantity'));
      continue;
    }
    try {
      const q = parseQuantity(raw);
      if (q.nanos < 0n) issues.push(invalid(p, q.toString(), 'must be greater than or equal to 0'));
      else if (!computable(name, q)) {
        issues.push(
          invalid(
            p,
            raw,
            `must be at most ${name === 'cpu' ? '9007199254740991m' : '9007199254740991'} (kubesim computes resources as integers up to 2^53)`,
          ),
        );
      } else out.set(name, q);
    } catch (e) {
      if (!(e instanceof QuantityError)) throw e;
      issues.push(invalid(p, raw, e.detail));
    }
  }
  return out;
}

/**
 * Validates `resources` at `path`: names, quantities that parse and are not negative, and every
 * request at most its limit (`…requests[cpu]: Invalid value: "2": must be less than or equal
 * to cpu limit of 1`).
 */
export function validateResources(v: unknown, path: string, issues: FieldIssue[]): void {
  const r = obj(v, path, issues);
  const limits = readList(get(r, 'limits'), `${path}.limits`, issues);
  const requests = readList(get(r, 'requests'), `${path}.requests`, issues);
  for (const [name, request] of requests) {
    const limit = limits.get(name);
    if (limit !== undefined && request.compare(limit) > 0) {
      issues.push(
        invalid(
          key(`${path}.requests`, name),
          request.toString(),
          `must be less than or equal to ${name} limit of ${limit.toString()}`,
        ),
      );
    }
  }
}
