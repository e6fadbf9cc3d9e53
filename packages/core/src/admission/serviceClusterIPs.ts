/**
 * The ClusterIP step of Service admission: IP families, headless, requested and dynamic IPs.
 * @packageDocumentation
 */
import type { Draft } from 'immer';
import type { FieldIssue } from '../errors.js';
import type { Service, ServiceSpec } from '../objects/service.js';
import { invalid } from '../validation/fieldIssues.js';
import { asAllocationError } from './allocationError.js';
import type { AllocatorOps } from './allocatorOps.js';

const NONE = 'None';

/** `clusterIP` if set, else `clusterIPs[0]`; empty strings count as unset. */
function requestedClusterIP(spec: Draft<ServiceSpec>): string | undefined {
  const ip =
    spec.clusterIP !== undefined && spec.clusterIP !== '' ? spec.clusterIP : spec.clusterIPs?.[0];
  return ip === '' ? undefined : ip;
}

/**
 * Sets `ipFamilyPolicy` and `ipFamilies` for a single-stack IPv4 cluster, as upstream's
 * `initIPFamilyFields` (pkg/registry/core/service/storage/alloc.go): the policy defaults to the old
 * one on update, to `RequireDualStack` for a headless Service without selector (whose families
 * then list both, even on a single-stack cluster), else to `SingleStack`.
 */
function admitIPFamilies(spec: Draft<ServiceSpec>, old: Service | undefined): FieldIssue[] {
  const headlessSelectorless =
    requestedClusterIP(spec) === NONE && Object.keys(spec.selector ?? {}).length === 0;
  const oldPolicy = old?.spec.type === 'ExternalName' ? undefined : old?.spec.ipFamilyPolicy;
  const policy =
    spec.ipFamilyPolicy ?? oldPolicy ?? (headlessSelectorless ? 'RequireDualStack' : 'SingleStack');
  spec.ipFamilyPolicy = policy;
  const families =
    spec.ipFamilies !== undefined && spec.ipFamilies.length > 0
      ? spec.ipFamilies
      : ['IPv4' as const];
  if (headlessSelectorless) {
    spec.ipFamilies =
      policy !== 'SingleStack' && families.length < 2
        ? [...families, families[0] === 'IPv4' ? 'IPv6' : 'IPv4']
        : [...families];
    return [];
  }
  const issues: FieldIssue[] = [];
  if (policy === 'RequireDualStack') {
    issues.push(
      invalid(
        'spec.ipFamilyPolicy',
        policy,
        'this cluster is not configured for dual-stack services',
      ),
    );
  }
  families.forEach((family, i) => {
    if (family !== 'IPv4') {
      issues.push(invalid(`spec.ipFamilies[${i}]`, family, 'not configured on this cluster'));
    }
  });
  spec.ipFamilies = [...families];
  return issues;
}

/** Removes every ClusterIP field (ExternalName Services have none). */
function clearClusterIPFields(spec: Draft<ServiceSpec>): void {
  delete spec.clusterIP;
  delete spec.clusterIPs;
  delete spec.ipFamilies;
  delete spec.ipFamilyPolicy;
}

/**
 * Allocates or keeps the ClusterIP of `spec` (mutated in place) and returns the issues.
 * On update the allocated address is immutable; an omitted one is kept.
 */
export function admitClusterIPs(
  spec: Draft<ServiceSpec>,
  old: Service | undefined,
  ops: AllocatorOps,
): FieldIssue[] {
  const oldIP =
    old !== undefined && old.spec.type !== 'ExternalName' ? old.spec.clusterIP : undefined;
  if (spec.type === 'ExternalName') {
    // alloc.go updateClusterIPs case B: leaving the ClusterIP types releases the address.
    if (oldIP !== undefined && oldIP !== NONE) ops.deferReleaseIP(oldIP);
    clearClusterIPFields(spec);
    return [];
  }
  const familyIssues = admitIPFamilies(spec, old);
  if (familyIssues.length > 0) return familyIssues;

  const requested = requestedClusterIP(spec);
  const listed = (ip: string): string[] =>
    spec.clusterIPs !== undefined && spec.clusterIPs.length > 0 ? [...spec.clusterIPs] : [ip];
  if (oldIP !== undefined && oldIP !== '') {
    // The strategy patches an omitted ClusterIP back in (rest.go patchAllocatedValues);
    // validation refuses a changed one (ValidateServiceUpdate).
    if (requested !== undefined && requested !== oldIP) {
      return [invalid('spec.clusterIPs[0]', listed(requested), 'may not change once set')];
    }
    spec.clusterIP = oldIP;
    spec.clusterIPs = [oldIP];
    return [];
  }
  if (requested === NONE) {
    spec.clusterIP = NONE;
    spec.clusterIPs = [NONE];
    return [];
  }
  let ip: string;
  if (requested === undefined) {
    try {
      ip = ops.allocateNextIP();
    } catch (err) {
      const e = asAllocationError(err);
      return [
        {
          path: 'spec.clusterIPs',
          type: 'FieldValueInvalid',
          message: `Internal error occurred: failed to allocate a serviceIP: ${e.message}`,
        },
      ];
    }
  } else {
    try {
      ops.allocateIP(requested);
    } catch (err) {
      const e = asAllocationError(err);
      return [
        invalid(
          'spec.clusterIPs',
          listed(requested),
          `failed to allocate IP ${requested}: ${e.message}`,
        ),
      ];
    }
    ip = requested;
  }
  spec.clusterIP = ip;
  spec.clusterIPs = [ip];
  return [];
}
