/**
 * Node, Namespace, Lease and Event bodies (kubernetes `pkg/apis/core/validation/validation.go`
 * `ValidateNode`, `ValidateNamespace`; `pkg/apis/coordination/validation` `ValidateLeaseSpec`).
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { index, invalid, notSupported } from './fieldIssues.js';
import type { JsonObject } from './json.js';
import { get, int, list, obj, str } from './json.js';
import { isCIDR } from './network.js';
import { validateTaints } from './tolerations.js';

const CIDR_MESSAGE = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/** Validates a Node's `spec`: podCIDR(s) and taints. */
export function validateNodeSpec(v: unknown, issues: FieldIssue[]): void {
  const spec = obj(v, 'spec', issues);
  const cidr = str(get(spec, 'podCIDR'), 'spec.podCIDR', issues);
  if (cidr !== undefined && cidr !== '' && !isCIDR(cidr)) {
    issues.push(invalid('spec.podCIDR', cidr, CIDR_MESSAGE));
  }
  for (const [i, raw] of (list(get(spec, 'podCIDRs'), 'spec.podCIDRs', issues) ?? []).entries()) {
    const c = str(raw, index('spec.podCIDRs', i), issues);
    if (c !== undefined && !isCIDR(c))
      issues.push(invalid(index('spec.podCIDRs', i), c, CIDR_MESSAGE));
  }
  validateTaints(get(spec, 'taints'), 'spec.taints', issues);
}

/** Validates a Lease's `spec`: a positive duration. */
export function validateLeaseSpec(v: unknown, issues: FieldIssue[]): void {
  const spec = obj(v, 'spec', issues);
  const d = int(get(spec, 'leaseDurationSeconds'), 'spec.leaseDurationSeconds', issues);
  if (d !== undefined && d <= 0) {
    issues.push(invalid('spec.leaseDurationSeconds', d, 'must be greater than 0'));
  }
  str(get(spec, 'holderIdentity'), 'spec.holderIdentity', issues);
  int(get(spec, 'leaseTransitions'), 'spec.leaseTransitions', issues);
}

/** Validates a core/v1 Event's body: `type` Normal or Warning when set, a non-negative count. */
export function validateEventBody(o: JsonObject, issues: FieldIssue[]): void {
  obj(get(o, 'involvedObject'), 'involvedObject', issues);
  const type = str(get(o, 'type'), 'type', issues);
  if (type !== undefined && type !== '' && type !== 'Normal' && type !== 'Warning') {
    issues.push(notSupported('type', type, ['Normal', 'Warning']));
  }
  const count = int(get(o, 'count'), 'count', issues);
  if (count !== undefined && count < 0) {
    issues.push(invalid('count', count, 'must be greater than or equal to 0'));
  }
}
