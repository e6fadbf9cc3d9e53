/**
 * EndpointSlice and Endpoints (kubernetes `pkg/apis/discovery/validation/validation.go`
 * `ValidateEndpointSlice`; `pkg/apis/core/validation/validation.go` `validateEndpointSubsets`).
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { duplicate, index, invalid, notSupported, required, tooMany } from './fieldIssues.js';
import type { JsonObject } from './json.js';
import { absent, get, int, list, obj, str } from './json.js';
import { isDns1123Label, isDns1123Subdomain, isValidPortNum } from './names.js';
import { isIPv4, isIPv6, isIP } from './network.js';
import { validateProtocol } from './container.js';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'] as const;
const MAX_ENDPOINTS = 1000;
const MAX_PORTS = 100;
const MAX_ADDRESSES = 100;

function validateAddress(a: string, type: string, path: string, issues: FieldIssue[]): void {
  if (type === 'IPv4' && !isIPv4(a)) issues.push(invalid(path, a, 'must be a valid IPv4 address'));
  if (type === 'IPv6' && !isIPv6(a)) issues.push(invalid(path, a, 'must be a valid IPv6 address'));
  if (type === 'FQDN') for (const msg of isDns1123Subdomain(a)) issues.push(invalid(path, a, msg));
}

function validateSliceEndpoint(
  e: JsonObject,
  type: string,
  path: string,
  issues: FieldIssue[],
): void {
  const aPath = `${path}.addresses`;
  const addresses = list(get(e, 'addresses'), aPath, issues);
  if (addresses === undefined || addresses.length === 0) {
    if (absent(get(e, 'addresses')) || addresses !== undefined) {
      issues.push(required(aPath, 'must contain at least 1 address'));
    }
  } else if (addresses.length > MAX_ADDRESSES) {
    issues.push(tooMany(aPath, addresses.length, MAX_ADDRESSES));
  }
  for (const [i, raw] of (addresses ?? []).entries()) {
    const a = str(raw, index(aPath, i), issues);
    if (a !== undefined) validateAddress(a, type, index(aPath, i), issues);
  }
  const hostname = str(get(e, 'hostname'), `${path}.hostname`, issues);
  if (hostname !== undefined) {
    for (const msg of isDns1123Label(hostname))
      issues.push(invalid(`${path}.hostname`, hostname, msg));
  }
  const nodeName = str(get(e, 'nodeName'), `${path}.nodeName`, issues);
  if (nodeName !== undefined) {
    for (const msg of isDns1123Subdomain(nodeName))
      issues.push(invalid(`${path}.nodeName`, nodeName, msg));
  }
  str(get(e, 'zone'), `${path}.zone`, issues);
  obj(get(e, 'conditions'), `${path}.conditions`, issues);
}

// Slice ports may omit `port` (all ports); an Endpoints port needs one, and names once there are two.
function validatePorts(
  v: unknown,
  path: string,
  legacy: { readonly nameRequired: boolean; readonly portRequired: boolean },
  issues: FieldIssue[],
): void {
  const ports = list(v, path, issues) ?? [];
  if (ports.length > MAX_PORTS) issues.push(tooMany(path, ports.length, MAX_PORTS));
  const names = new Set<string>();
  for (const [i, raw] of ports.entries()) {
    const p = index(path, i);
    const port = obj(raw, p, issues);
    if (port === undefined) continue;
    const name = str(get(port, 'name'), `${p}.name`, issues) ?? '';
    if (name === '' && legacy.nameRequired) issues.push(required(`${p}.name`));
    if (name !== '')
      for (const msg of isDns1123Label(name)) issues.push(invalid(`${p}.name`, name, msg));
    if (names.has(name)) issues.push(duplicate(`${p}.name`, name));
    names.add(name);
    const n = int(get(port, 'port'), `${p}.port`, issues);
    if (n !== undefined || (legacy.portRequired && absent(get(port, 'port')))) {
      for (const msg of isValidPortNum(n ?? 0)) issues.push(invalid(`${p}.port`, n ?? 0, msg));
    }
    validateProtocol(get(port, 'protocol'), `${p}.protocol`, issues);
  }
}

/** Validates an EndpointSlice's top-level fields (`addressType`, `endpoints`, `ports`). */
export function validateEndpointSliceBody(o: JsonObject, issues: FieldIssue[]): void {
  const type = str(get(o, 'addressType'), 'addressType', issues);
  if (type === undefined || type === '') {
    if (absent(get(o, 'addressType')) || type === '') issues.push(required('addressType'));
  } else if (!(ADDRESS_TYPES as readonly string[]).includes(type)) {
    issues.push(notSupported('addressType', type, ADDRESS_TYPES));
  }
  const endpoints = list(get(o, 'endpoints'), 'endpoints', issues) ?? [];
  if (endpoints.length > MAX_ENDPOINTS)
    issues.push(tooMany('endpoints', endpoints.length, MAX_ENDPOINTS));
  for (const [i, raw] of endpoints.entries()) {
    const e = obj(raw, index('endpoints', i), issues);
    if (e !== undefined) validateSliceEndpoint(e, type ?? '', index('endpoints', i), issues);
  }
  validatePorts(get(o, 'ports'), 'ports', { nameRequired: false, portRequired: false }, issues);
}

function validateEndpointAddresses(v: unknown, path: string, issues: FieldIssue[]): number {
  const addresses = list(v, path, issues) ?? [];
  for (const [i, raw] of addresses.entries()) {
    const p = index(path, i);
    const a = obj(raw, p, issues);
    const ip = str(get(a, 'ip'), `${p}.ip`, issues);
    if (a === undefined) continue;
    if (ip === undefined || !isIP(ip)) {
      issues.push(invalid(`${p}.ip`, ip ?? '', 'must be a valid IP address'));
    } else if (ip.startsWith('127.') || ip === '::1') {
      issues.push(
        invalid(`${p}.ip`, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'),
      );
    }
    const hostname = str(get(a, 'hostname'), `${p}.hostname`, issues);
    if (hostname !== undefined && hostname !== '') {
      for (const msg of isDns1123Label(hostname))
        issues.push(invalid(`${p}.hostname`, hostname, msg));
    }
  }
  return addresses.length;
}

/** Validates a legacy Endpoints' `subsets`: each has addresses and at least one valid port. */
export function validateEndpointsBody(o: JsonObject, issues: FieldIssue[]): void {
  for (const [i, raw] of (list(get(o, 'subsets'), 'subsets', issues) ?? []).entries()) {
    const path = index('subsets', i);
    const s = obj(raw, path, issues);
    if (s === undefined) continue;
    const ready = validateEndpointAddresses(get(s, 'addresses'), `${path}.addresses`, issues);
    const notReady = validateEndpointAddresses(
      get(s, 'notReadyAddresses'),
      `${path}.notReadyAddresses`,
      issues,
    );
    if (ready + notReady === 0) {
      issues.push(required(path, 'must specify `addresses` or `notReadyAddresses`'));
    }
    const rawPorts = get(s, 'ports');
    const count = Array.isArray(rawPorts) ? rawPorts.length : 0;
    if (absent(rawPorts) || count === 0) issues.push(required(`${path}.ports`));
    const legacy = { nameRequired: count > 1, portRequired: true };
    validatePorts(rawPorts, `${path}.ports`, legacy, issues);
  }
}
