/**
 * Service spec (kubernetes `pkg/apis/core/validation/validation.go` `ValidateService`,
 * `validateServicePort`, `validateClusterIPs`, `validateServiceTrafficPolicy`).
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { duplicate, forbidden, index, invalid, notSupported, required } from './fieldIssues.js';
import type { JsonObject } from './json.js';
import { absent, get, int, list, obj, str } from './json.js';
import { validateLabels } from './labels.js';
import { isDns1123Label, isDns1123Subdomain, isValidPortNum } from './names.js';
import { isIP, isIPv4 } from './network.js';
import { validatePortNumOrName } from './probes.js';
import { validateProtocol } from './container.js';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] as const;
const AFFINITIES = ['ClientIP', 'None'] as const;
const TRAFFIC_POLICIES = ['Cluster', 'Local'] as const;
const TRAFFIC_DISTRIBUTIONS = ['PreferClose', 'PreferSameZone', 'PreferSameNode'] as const;
/** Upstream's `MaxClientIPServiceAffinitySeconds`. */
const MAX_AFFINITY_SECONDS = 86400;

function oneOf(
  v: unknown,
  path: string,
  allowed: readonly string[],
  issues: FieldIssue[],
): string | undefined {
  const s = str(v, path, issues);
  if (s !== undefined && !allowed.includes(s)) issues.push(notSupported(path, s, allowed));
  return s;
}

function validatePorts(spec: JsonObject, type: string, issues: FieldIssue[]): void {
  const path = 'spec.ports';
  const ports = list(get(spec, 'ports'), path, issues) ?? [];
  const names = new Set<string>();
  const keys = new Set<string>();
  const nodePorts = new Set<string>();
  for (const [i, raw] of ports.entries()) {
    const p = index(path, i);
    const sp = obj(raw, p, issues);
    if (sp === undefined) continue;
    const name = str(get(sp, 'name'), `${p}.name`, issues);
    if (ports.length > 1 && (name === undefined || name === '')) {
      if (absent(get(sp, 'name')) || name === '') issues.push(required(`${p}.name`));
    } else if (name !== undefined && name !== '') {
      for (const msg of isDns1123Label(name)) issues.push(invalid(`${p}.name`, name, msg));
      if (names.has(name)) issues.push(duplicate(`${p}.name`, name));
      names.add(name);
    }
    const port = int(get(sp, 'port'), `${p}.port`, issues);
    if (port !== undefined || absent(get(sp, 'port'))) {
      for (const msg of isValidPortNum(port ?? 0))
        issues.push(invalid(`${p}.port`, port ?? 0, msg));
    }
    const protocol = validateProtocol(get(sp, 'protocol'), `${p}.protocol`, issues);
    // targetPort 0 or "" is defaulted to `port` by admission.
    const target = get(sp, 'targetPort');
    if (target !== 0 && target !== '') validatePortNumOrName(target, `${p}.targetPort`, issues);
    const nodePort = int(get(sp, 'nodePort'), `${p}.nodePort`, issues);
    if (nodePort !== undefined && nodePort !== 0) {
      if (type === 'ClusterIP') {
        issues.push(forbidden(`${p}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
      } else {
        for (const msg of isValidPortNum(nodePort))
          issues.push(invalid(`${p}.nodePort`, nodePort, msg));
        const npKey = `${nodePort}/${protocol}`;
        if (nodePorts.has(npKey)) issues.push(duplicate(`${p}.nodePort`, nodePort));
        nodePorts.add(npKey);
      }
    }
    if (port !== undefined) {
      const k = `${port}/${protocol}`;
      if (keys.has(k)) issues.push(duplicate(p, { port, protocol }));
      keys.add(k);
    }
  }
  const headless = str(get(spec, 'clusterIP'), 'spec.clusterIP', []) === 'None';
  if (ports.length === 0 && !headless && type !== 'ExternalName') issues.push(required(path));
}

function validateClusterIP(spec: JsonObject, type: string, issues: FieldIssue[]): void {
  const ip = str(get(spec, 'clusterIP'), 'spec.clusterIP', issues);
  const ips = (list(get(spec, 'clusterIPs'), 'spec.clusterIPs', issues) ?? []).map((v, i) =>
    str(v, index('spec.clusterIPs', i), issues),
  );
  const set = (ip !== undefined && ip !== '') || ips.some((v) => v !== undefined && v !== '');
  if (type === 'ExternalName') {
    if (set) issues.push(forbidden('spec.clusterIP', 'may not be set for ExternalName services'));
    return;
  }
  const check = (value: string | undefined, path: string): void => {
    if (value === undefined || value === '' || value === 'None') return;
    if (!isIPv4(value))
      issues.push(invalid(path, value, "must be empty, 'None', or a valid IP address"));
  };
  check(ip, 'spec.clusterIP');
  ips.forEach((v, i) => {
    check(v, index('spec.clusterIPs', i));
  });
  const first = ips[0];
  if (ip !== undefined && ip !== '' && first !== undefined && first !== ip) {
    issues.push(invalid('spec.clusterIPs[0]', first, 'must be equal to clusterIP'));
  }
  if (ip === 'None' && (type === 'NodePort' || type === 'LoadBalancer')) {
    issues.push(invalid('spec.clusterIP', ip, `may not be set to 'None' for ${type} services`));
  }
}

function validateAffinity(spec: JsonObject, issues: FieldIssue[]): void {
  const affinity = oneOf(get(spec, 'sessionAffinity'), 'spec.sessionAffinity', AFFINITIES, issues);
  const cfgPath = 'spec.sessionAffinityConfig';
  const cfg = obj(get(spec, 'sessionAffinityConfig'), cfgPath, issues);
  if (cfg === undefined) return;
  if (affinity !== 'ClientIP') {
    issues.push(invalid(cfgPath, cfg, 'must not be set when session affinity is None'));
    return;
  }
  const clientIP = obj(get(cfg, 'clientIP'), `${cfgPath}.clientIP`, issues);
  const tPath = `${cfgPath}.clientIP.timeoutSeconds`;
  const t = int(get(clientIP, 'timeoutSeconds'), tPath, issues);
  if (t !== undefined && (t <= 0 || t > MAX_AFFINITY_SECONDS)) {
    issues.push(invalid(tPath, t, `must be greater than 0 and less than ${MAX_AFFINITY_SECONDS}`));
  }
}

/** Validates a Service's `spec` (its metadata is checked by the caller). */
export function validateServiceSpec(v: unknown, issues: FieldIssue[]): void {
  const spec = obj(v, 'spec', issues) ?? {};
  const type = oneOf(get(spec, 'type'), 'spec.type', SERVICE_TYPES, issues) ?? 'ClusterIP';
  validatePorts(spec, type, issues);
  validateClusterIP(spec, type, issues);
  if (type === 'ExternalName') {
    const name = str(get(spec, 'externalName'), 'spec.externalName', issues);
    if (name === undefined || name === '') {
      if (absent(get(spec, 'externalName')) || name === '')
        issues.push(required('spec.externalName'));
    } else {
      // A trailing dot (fully qualified) is allowed, as upstream strips it first.
      const bare = name.endsWith('.') ? name.slice(0, -1) : name;
      for (const msg of isDns1123Subdomain(bare))
        issues.push(invalid('spec.externalName', name, msg));
    }
  }
  validateAffinity(spec, issues);
  oneOf(get(spec, 'externalTrafficPolicy'), 'spec.externalTrafficPolicy', TRAFFIC_POLICIES, issues);
  oneOf(get(spec, 'internalTrafficPolicy'), 'spec.internalTrafficPolicy', TRAFFIC_POLICIES, issues);
  oneOf(
    get(spec, 'trafficDistribution'),
    'spec.trafficDistribution',
    TRAFFIC_DISTRIBUTIONS,
    issues,
  );
  oneOf(
    get(spec, 'ipFamilyPolicy'),
    'spec.ipFamilyPolicy',
    ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
    issues,
  );
  for (const [i, f] of (list(get(spec, 'ipFamilies'), 'spec.ipFamilies', issues) ?? []).entries()) {
    oneOf(f, index('spec.ipFamilies', i), ['IPv4', 'IPv6'], issues);
  }
  for (const [i, raw] of (
    list(get(spec, 'externalIPs'), 'spec.externalIPs', issues) ?? []
  ).entries()) {
    const ip = str(raw, index('spec.externalIPs', i), issues);
    if (ip !== undefined && !isIP(ip)) {
      issues.push(
        invalid(
          index('spec.externalIPs', i),
          ip,
          'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
        ),
      );
    }
  }
  issues.push(...validateLabels(get(spec, 'selector'), 'spec.selector'));
}
