/**
 * Containers and their ports (kubernetes `pkg/apis/core/validation/validation.go`
 * `validateContainers`, `validateContainerPorts`).
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { duplicate, index, invalid, notSupported, required } from './fieldIssues.js';
import { absent, get, int, list, obj, str } from './json.js';
import { isDns1123Label, isValidPortName, isValidPortNum } from './names.js';
import { validateHandler, validateProbe } from './probes.js';
import { validateResources } from './resources.js';

/** Protocols of container and Service ports, sorted as upstream lists them. */
export const SUPPORTED_PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;

/** Names seen so far across a pod's containers: container names and port names are pod-wide. */
export interface ContainerNames {
  readonly containers: Set<string>;
  readonly ports: Set<string>;
}

/** Validates one protocol field that admission would default to TCP when absent. */
export function validateProtocol(v: unknown, path: string, issues: FieldIssue[]): string {
  const p = str(v, path, issues);
  if (p === undefined) return 'TCP';
  if (!(SUPPORTED_PROTOCOLS as readonly string[]).includes(p)) {
    issues.push(p === '' ? required(path) : notSupported(path, p, SUPPORTED_PROTOCOLS));
  }
  return p;
}

function validatePorts(
  v: unknown,
  path: string,
  names: ContainerNames,
  issues: FieldIssue[],
): void {
  for (const [i, raw] of (list(v, path, issues) ?? []).entries()) {
    const p = index(path, i);
    const port = obj(raw, p, issues);
    if (port === undefined) continue;
    const name = str(get(port, 'name'), `${p}.name`, issues);
    if (name !== undefined && name !== '') {
      const msgs = isValidPortName(name);
      for (const msg of msgs) issues.push(invalid(`${p}.name`, name, msg));
      if (msgs.length === 0 && names.ports.has(name)) issues.push(duplicate(`${p}.name`, name));
      names.ports.add(name);
    }
    const containerPort = int(get(port, 'containerPort'), `${p}.containerPort`, issues);
    if (containerPort === undefined ? absent(get(port, 'containerPort')) : containerPort === 0) {
      issues.push(required(`${p}.containerPort`));
    } else if (containerPort !== undefined) {
      for (const msg of isValidPortNum(containerPort)) {
        issues.push(invalid(`${p}.containerPort`, containerPort, msg));
      }
    }
    const hostPort = int(get(port, 'hostPort'), `${p}.hostPort`, issues);
    if (hostPort !== undefined && hostPort !== 0) {
      for (const msg of isValidPortNum(hostPort))
        issues.push(invalid(`${p}.hostPort`, hostPort, msg));
    }
    validateProtocol(get(port, 'protocol'), `${p}.protocol`, issues);
  }
}

function validateLifecycle(v: unknown, path: string, issues: FieldIssue[]): void {
  const l = obj(v, path, issues);
  for (const hook of ['preStop', 'postStart']) {
    const h = obj(get(l, hook), `${path}.${hook}`, issues);
    if (h !== undefined) validateHandler(h, `${path}.${hook}`, issues, ['sleep']);
  }
}

/**
 * Validates the containers (or init containers) at `path`: name a unique DNS-1123 label, an
 * image, ports, resources, probes (regular containers only) and lifecycle hooks.
 */
export function validateContainers(
  v: unknown,
  path: string,
  names: ContainerNames,
  init: boolean,
  issues: FieldIssue[],
): void {
  for (const [i, raw] of (list(v, path, issues) ?? []).entries()) {
    const p = index(path, i);
    const c = obj(raw, p, issues);
    if (c === undefined) continue;
    const name = str(get(c, 'name'), `${p}.name`, issues);
    if (name === undefined || name === '') {
      issues.push(required(`${p}.name`));
    } else {
      for (const msg of isDns1123Label(name)) issues.push(invalid(`${p}.name`, name, msg));
      if (names.containers.has(name)) issues.push(duplicate(`${p}.name`, name));
      names.containers.add(name);
    }
    const image = str(get(c, 'image'), `${p}.image`, issues);
    if (image === undefined ? absent(get(c, 'image')) : image.trim() === '') {
      issues.push(required(`${p}.image`));
    }
    validatePorts(get(c, 'ports'), `${p}.ports`, names, issues);
    validateResources(get(c, 'resources'), `${p}.resources`, issues);
    validateLifecycle(get(c, 'lifecycle'), `${p}.lifecycle`, issues);
    const restart = str(get(c, 'restartPolicy'), `${p}.restartPolicy`, issues);
    if (restart !== undefined) {
      if (!init)
        issues.push(
          invalid(`${p}.restartPolicy`, restart, 'may not be set for non-init containers'),
        );
      else if (restart !== 'Always')
        issues.push(notSupported(`${p}.restartPolicy`, restart, ['Always']));
    }
    const probes = [
      ['livenessProbe', 'liveness'],
      ['readinessProbe', 'readiness'],
      ['startupProbe', 'startup'],
    ] as const;
    for (const [field, kind] of probes) {
      if (get(c, field) === undefined || get(c, field) === null) continue;
      // Plain init containers run to completion and take no probes; sidecars may have them.
      if (init && restart !== 'Always') {
        issues.push(
          invalid(
            `${p}.${field}`,
            field,
            'may not be set for init containers without restartPolicy=Always',
          ),
        );
      } else {
        validateProbe(get(c, field), `${p}.${field}`, kind, issues);
      }
    }
  }
}
