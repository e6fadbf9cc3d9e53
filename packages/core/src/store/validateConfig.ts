/**
 * Checking a cluster configuration before the store starts (the API server's flag validation).
 * @packageDocumentation
 */
import ipaddr from 'ipaddr.js';
import type { ClusterConfig } from '../config.js';
import { defaultClusterConfig } from '../config.js';
import { ConfigError } from '../errors.js';

interface Cidr {
  readonly network: number;
  readonly prefix: number;
  readonly size: number;
}

function parseCidr(field: string, text: unknown): Cidr {
  const m = typeof text === 'string' ? /^([^/]+)\/(\d{1,2})$/.exec(text) : null;
  const prefix = Number(m?.[2]);
  if (m === null || !ipaddr.IPv4.isValidFourPartDecimal(m[1] ?? '') || prefix > 32) {
    throw new ConfigError(
      field,
      `invalid CIDR address: ${String(text)} (an IPv4 CIDR like 10.96.0.0/12)`,
    );
  }
  const value = ipaddr.IPv4.parse(m[1] ?? '').octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  return { network: value - (value % size), prefix, size };
}

function checkInt(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(
      field,
      `must be an integer between ${min} and ${max}, got ${String(value)}`,
    );
  }
}

const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * The address at `index` of an IPv4 CIDR (index 1 is network + 1: the `kubernetes` Service).
 * @example serviceIPAt('10.96.0.0/12', 10) === '10.96.0.10'
 */
export function serviceIPAt(cidr: string, index: number): string {
  const v = parseCidr('serviceCIDR', cidr).network + index;
  return [24, 16, 8, 0].map((s) => Math.floor(v / 2 ** s) % 256).join('.');
}

/**
 * `overrides` over {@link defaultClusterConfig}, frozen, after checking every value: CIDRs that
 * parse, a Service range of 8 to 2^20 addresses (kube-apiserver refuses masks under /12),
 * Service and pod ranges that do not overlap, a node mask inside the pod range, a NodePort range
 * `base-last` within 1–65535, maxEndpointsPerSlice within 1–1000, and so on.
 * @throws {@link ConfigError} naming the first bad field.
 */
export function resolveClusterConfig(
  overrides: Partial<ClusterConfig> = {},
): Readonly<ClusterConfig> {
  // A configuration this function returned is complete, checked and frozen: a fork of a store
  // hands its own back, and it is taken as it is.
  if (resolved.has(overrides)) return overrides as Readonly<ClusterConfig>;
  const c: ClusterConfig = { ...defaultClusterConfig, ...overrides };
  const svc = parseCidr('serviceCIDR', c.serviceCIDR);
  if (svc.size < 8)
    throw new ConfigError(
      'serviceCIDR',
      `${c.serviceCIDR} is too small: a Service range needs at least 8 addresses (/29)`,
    );
  if (svc.size > 2 ** 20) {
    throw new ConfigError(
      'serviceCIDR',
      'specified --service-cluster-ip-range is too large; for 32-bit addresses, the mask must be >= 12',
    );
  }
  const pods = parseCidr('clusterCIDR', c.clusterCIDR);
  const overlap = svc.network < pods.network + pods.size && pods.network < svc.network + svc.size;
  if (overlap) {
    throw new ConfigError(
      'clusterCIDR',
      `${c.clusterCIDR} overlaps serviceCIDR ${c.serviceCIDR}: pod and Service ranges must be disjoint`,
    );
  }
  checkInt('nodeCIDRMaskSize', c.nodeCIDRMaskSize, pods.prefix, 32);
  const range = /^(\d+)-(\d+)$/.exec(c.nodePortRange);
  const base = Number(range?.[1]);
  const last = Number(range?.[2]);
  if (range === null || base < 1 || last > 65535 || base > last) {
    throw new ConfigError(
      'nodePortRange',
      `invalid port range ${JSON.stringify(c.nodePortRange)}: expected "base-last" within 1-65535, e.g. "30000-32767"`,
    );
  }
  if (!dnsSubdomain.test(c.clusterDomain) || c.clusterDomain.length > 253) {
    throw new ConfigError(
      'clusterDomain',
      `${JSON.stringify(c.clusterDomain)} is not a DNS subdomain`,
    );
  }
  checkInt('startTime', c.startTime, -8_640_000_000_000_000, 8_640_000_000_000_000);
  checkInt('maxEndpointsPerSlice', c.maxEndpointsPerSlice, 1, 1000);
  checkInt('maxEndpointsPerEndpoints', c.maxEndpointsPerEndpoints, 1, Number.MAX_SAFE_INTEGER);
  checkInt('mirroringMaxEndpointsPerSubset', c.mirroringMaxEndpointsPerSubset, 1, 1000);
  checkInt(
    'defaultNotReadyTolerationSeconds',
    c.defaultNotReadyTolerationSeconds,
    0,
    Number.MAX_SAFE_INTEGER,
  );
  checkInt(
    'defaultUnreachableTolerationSeconds',
    c.defaultUnreachableTolerationSeconds,
    0,
    Number.MAX_SAFE_INTEGER,
  );
  if (!ipaddr.isValid(c.apiServerAddress)) {
    throw new ConfigError(
      'apiServerAddress',
      `${JSON.stringify(c.apiServerAddress)} is not an IP address`,
    );
  }
  checkInt('apiServerPort', c.apiServerPort, 1, 65535);
  const answer: string = c.headlessEmptyAnswer;
  if (answer !== 'NODATA' && answer !== 'NXDOMAIN') {
    throw new ConfigError(
      'headlessEmptyAnswer',
      `must be "NODATA" or "NXDOMAIN", got ${JSON.stringify(c.headlessEmptyAnswer)}`,
    );
  }
  if (typeof c.paranoid !== 'boolean') {
    throw new ConfigError('paranoid', `must be true or false, got ${JSON.stringify(c.paranoid)}`);
  }
  const out = Object.freeze(c);
  resolved.add(out);
  return out;
}

/** The configurations {@link resolveClusterConfig} returned (frozen, so still valid). */
const resolved = new WeakSet<object>();
