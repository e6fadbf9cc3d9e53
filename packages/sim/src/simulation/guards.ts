/**
 * Argument guards of the public entry points: the one place that checks the types and sizes of
 * what a user hands to a {@link Simulation} method before anything changes. A bad argument is an
 * `InvalidArgumentError` (code `InvalidArgument`) naming the method and the parameter path, e.g.
 * `addNodes(count): must be a whole number from 0 to 20000, got "2"`; an unknown kind is a
 * `NotFoundError` in the API server's words. Limits come from the simulation's config
 * (`maxNodes`, `maxReplicas`, …) so a test can raise them.
 * @packageDocumentation
 */
import {
  DurationParseError,
  InvalidArgumentError,
  NotFoundError,
  parseDuration,
  type KindInfo,
} from '@kubesim/core';

/** Largest virtual instant kubesim keeps exact (integer milliseconds). */
export const MAX_VIRTUAL_TIME_MS = Number.MAX_SAFE_INTEGER;

/** A short, safe rendering of a refused value for a message. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'bigint') return `${String(v)}n`;
  if (typeof v === 'symbol') return 'a symbol';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (v !== null && typeof v === 'object') return 'an object';
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}..."` : text;
}

function refuse(path: string, expected: string, v: unknown): never {
  throw new InvalidArgumentError(path, `must be ${expected}, got ${describeValue(v)}`);
}

/** `v` is a non-empty string. */
export function requireString(path: string, v: unknown): string {
  if (typeof v !== 'string' || v === '') refuse(path, 'a non-empty string', v);
  return v;
}

/** `v` is a function. */
export function requireFunction(path: string, v: unknown): void {
  if (typeof v !== 'function') refuse(path, 'a function', v);
}

/** `v` is a plain object (or undefined when `optional`). */
export function requireObject(path: string, v: unknown, optional = false): void {
  if (v === undefined && optional) return;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    refuse(path, optional ? 'an object or undefined' : 'an object', v);
  }
}

/** `v` is one of `allowed`. */
export function requireOneOf(path: string, v: unknown, allowed: readonly string[]): void {
  if (typeof v !== 'string' || !allowed.includes(v)) {
    refuse(path, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, v);
  }
}

/** `v` is a whole number in [min, max]. */
export function requireCount(path: string, v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    refuse(path, `a whole number from ${min} to ${max}`, v);
  }
  return v;
}

/**
 * A duration in ms: a Go-style duration string ('30s', '1h30m', '30d') or a number of ms, at
 * least `min`. DurationParseError for a string that does not parse; InvalidArgumentError else.
 */
export function requireDuration(path: string, v: unknown, min = 0): number {
  if (typeof v !== 'string' && typeof v !== 'number') {
    refuse(path, "a duration such as '30s' or a number of milliseconds", v);
  }
  let ms: number;
  try {
    ms = parseDuration(v);
  } catch (err) {
    if (err instanceof DurationParseError) throw new InvalidArgumentError(path, err.message);
    throw err;
  }
  if (ms < min) refuse(path, `a duration of at least ${min} ms`, v);
  if (ms > MAX_VIRTUAL_TIME_MS) refuse(path, `at most ${MAX_VIRTUAL_TIME_MS} ms`, v);
  return ms;
}

/** The instant `now + d`, refused when it passes the largest exact instant. */
export function horizon(path: string, now: number, d: unknown, min = 0): number {
  const ms = requireDuration(path, d, min);
  if (now + ms > MAX_VIRTUAL_TIME_MS) {
    throw new InvalidArgumentError(
      path,
      `now (${now} ms) + ${ms} ms passes ${MAX_VIRTUAL_TIME_MS} ms, the largest instant virtual time keeps exact`,
    );
  }
  return now + ms;
}

/**
 * `kind` is a kind this cluster stores (built in, inert, or custom from a stored CRD): else the
 * API server's NotFound, `the server doesn't have a resource type "Potato"`.
 */
export function requireKind(
  path: string,
  kind: unknown,
  resolve: (kind: string) => KindInfo | undefined,
): string {
  const k = requireString(path, kind);
  if (resolve(k) === undefined) {
    throw new NotFoundError(`the server doesn't have a resource type ${JSON.stringify(k)}`);
  }
  return k;
}

/** Optional list options: `namespace` and `labelSelector` strings. */
export function requireListOptions(path: string, opts: unknown): void {
  requireObject(path, opts, true);
  if (opts === undefined) return;
  const o = opts as Record<string, unknown>;
  if (o.namespace !== undefined && typeof o.namespace !== 'string') {
    refuse(`${path}.namespace`, 'a string', o.namespace);
  }
  if (o.labelSelector !== undefined && typeof o.labelSelector !== 'string') {
    refuse(`${path}.labelSelector`, 'a string', o.labelSelector);
  }
}

/** Node template of `addNodes`: the types of each field. */
export function requireNodeTemplate(path: string, t: unknown): void {
  requireObject(path, t, true);
  if (t === undefined) return;
  const o = t as Record<string, unknown>;
  if (o.zones !== undefined) {
    if (!Array.isArray(o.zones)) refuse(`${path}.zones`, 'an array of zone names', o.zones);
    (o.zones as unknown[]).forEach((z, i) => requireString(`${path}.zones[${i}]`, z));
  }
  for (const f of ['cpu', 'memory'] as const) {
    if (o[f] !== undefined && typeof o[f] !== 'string') {
      refuse(`${path}.${f}`, "a quantity string such as '4' or '16Gi'", o[f]);
    }
  }
  if (o.pods !== undefined) requireCount(`${path}.pods`, o.pods, 0, 2 ** 31 - 1);
  if (o.labels !== undefined) {
    requireObject(`${path}.labels`, o.labels);
    for (const [k, v] of Object.entries(o.labels as object)) {
      if (typeof v !== 'string') refuse(`${path}.labels.${k}`, 'a string', v);
    }
  }
  if (o.taints !== undefined && !Array.isArray(o.taints)) {
    refuse(`${path}.taints`, 'an array of taints', o.taints);
  }
}

/** A connection source: a pod key, `{ pod }`, `{ node }` or `{ external: true }`. */
export function requireSource(path: string, from: unknown): void {
  if (typeof from === 'string') {
    requireString(path, from);
    return;
  }
  requireObject(path, from);
  const o = from as Record<string, unknown>;
  if ('pod' in o) requireString(`${path}.pod`, o.pod);
  else if ('node' in o) requireString(`${path}.node`, o.node);
  else if (o.external !== true) {
    refuse(path, 'a pod key, { pod }, { node } or { external: true }', from);
  }
}

/** A connection target: a non-empty string or `{ loadBalancer, port? }`. */
export function requireTarget(path: string, to: unknown): void {
  if (typeof to === 'string') {
    requireString(path, to);
    return;
  }
  requireObject(path, to);
  const o = to as Record<string, unknown>;
  requireString(`${path}.loadBalancer`, o.loadBalancer);
  if (o.port !== undefined) requireCount(`${path}.port`, o.port, 1, 65535);
}

/** `connect`'s request. */
export function requireConnectRequest(path: string, req: unknown): void {
  requireObject(path, req);
  const o = req as Record<string, unknown>;
  if (o.from !== undefined) requireSource(`${path}.from`, o.from);
  requireTarget(`${path}.to`, o.to);
}

/** `traffic`'s spec: sources, target, a positive interval and an optional end. */
export function requireTrafficSpec(path: string, spec: unknown): void {
  requireObject(path, spec);
  const o = spec as Record<string, unknown>;
  if (Array.isArray(o.from)) {
    if (o.from.length === 0) refuse(`${path}.from`, 'at least one source', o.from);
    (o.from as unknown[]).forEach((f, i) => {
      requireSource(`${path}.from[${i}]`, f);
    });
  } else requireSource(`${path}.from`, o.from);
  requireTarget(`${path}.to`, o.to);
  requireDuration(`${path}.every`, o.every, 1);
  if (o.until !== undefined) requireDuration(`${path}.until`, o.until);
}

/** Optional `{ timeout }` of `settle` and `runUntil`. */
export function requireTimeoutOptions(path: string, opts: unknown): void {
  requireObject(path, opts, true);
  const t = (opts as { timeout?: unknown } | undefined)?.timeout;
  if (t !== undefined) requireDuration(`${path}.timeout`, t);
}
