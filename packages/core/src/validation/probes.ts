/**
 * Probes and their handlers (kubernetes `pkg/apis/core/validation/validation.go` `validateProbe`,
 * `validateHandler`, `ValidatePortNumOrName`).
 * @packageDocumentation
 */
import type { FieldIssue } from '../errors.js';
import { forbidden, invalid, notSupported, required } from './fieldIssues.js';
import { get, int, intOrString, obj, str } from './json.js';
import { isValidPortName, isValidPortNum } from './names.js';

/** Which probe: liveness and startup probes need `successThreshold` 1. */
export type ProbeKind = 'liveness' | 'readiness' | 'startup';

/** A port given as a number (1–65535) or an IANA port name. */
export function validatePortNumOrName(v: unknown, path: string, issues: FieldIssue[]): void {
  const p = intOrString(v, path, issues);
  if (p === undefined) return;
  const msgs = typeof p === 'number' ? isValidPortNum(p) : isValidPortName(p);
  for (const msg of msgs) issues.push(invalid(path, p, msg));
}

const handlerNames = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;

/** Exactly one handler, each well formed. `extra` lists more handler names (lifecycle `sleep`). */
export function validateHandler(
  h: Readonly<Record<string, unknown>>,
  path: string,
  issues: FieldIssue[],
  extra: readonly string[] = [],
): void {
  let count = 0;
  for (const name of [...handlerNames, ...extra]) {
    const v = get(h, name);
    if (v === undefined || v === null) continue;
    count += 1;
    const p = `${path}.${name}`;
    if (count > 1) {
      issues.push(forbidden(p, 'may not specify more than 1 handler type'));
      continue;
    }
    const o = obj(v, p, issues);
    if (name === 'httpGet' || name === 'tcpSocket') {
      if (get(o, 'port') === undefined) issues.push(required(`${p}.port`));
      else validatePortNumOrName(get(o, 'port'), `${p}.port`, issues);
    }
    if (name === 'httpGet') {
      const scheme = str(get(o, 'scheme'), `${p}.scheme`, issues);
      if (scheme !== undefined && scheme !== 'HTTP' && scheme !== 'HTTPS') {
        issues.push(notSupported(`${p}.scheme`, scheme, ['HTTP', 'HTTPS']));
      }
    }
    if (name === 'grpc') {
      const port = int(get(o, 'port'), `${p}.port`, issues);
      if (port === undefined) issues.push(required(`${p}.port`));
      else for (const msg of isValidPortNum(port)) issues.push(invalid(`${p}.port`, port, msg));
    }
  }
  if (count === 0) issues.push(required(path, 'must specify a handler type'));
}

/** Validates a probe at `path`. */
export function validateProbe(
  v: unknown,
  path: string,
  kind: ProbeKind,
  issues: FieldIssue[],
): void {
  const p = obj(v, path, issues);
  if (p === undefined) return;
  validateHandler(p, path, issues);
  const initial = int(get(p, 'initialDelaySeconds'), `${path}.initialDelaySeconds`, issues);
  if (initial !== undefined && initial < 0) {
    issues.push(
      invalid(`${path}.initialDelaySeconds`, initial, 'must be greater than or equal to 0'),
    );
  }
  // Upstream treats 0 as unset and defaults it; kubesim asks for an explicit positive value so
  // that a probe never ticks with a zero period.
  for (const f of ['timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    const n = int(get(p, f), `${path}.${f}`, issues);
    if (n !== undefined && n < 1) {
      issues.push(invalid(`${path}.${f}`, n, 'must be greater than or equal to 1'));
    }
  }
  const success = int(get(p, 'successThreshold'), `${path}.successThreshold`, []);
  if (kind !== 'readiness' && success !== undefined && success !== 1) {
    issues.push(invalid(`${path}.successThreshold`, success, 'must be 1'));
  }
  const grace = int(
    get(p, 'terminationGracePeriodSeconds'),
    `${path}.terminationGracePeriodSeconds`,
    issues,
  );
  if (grace !== undefined) {
    if (kind === 'readiness') {
      issues.push(
        invalid(
          `${path}.terminationGracePeriodSeconds`,
          grace,
          'must not be set for readinessProbes',
        ),
      );
    } else if (grace <= 0) {
      issues.push(
        invalid(`${path}.terminationGracePeriodSeconds`, grace, 'must be greater than 0'),
      );
    }
  }
}
