/**
 * Which backend an ingress controller sends one HTTP request to, over every Ingress it serves.
 * @packageDocumentation
 */
import type { IngressObject, IngressPath, IngressServiceBackend } from './ingressTypes.js';
import { hostOnly, hostRank, matchesIngressHost } from './matchIngressHost.js';
import { ingressPathLength, matchesIngressPath, pathTypeRank } from './matchIngressPath.js';

/** One HTTP request as the controller sees it. */
export interface IngressRequest {
  /** The Host header (a `:port` suffix is ignored). */
  readonly host: string;
  /** The request path, starting with `/`. */
  readonly path: string;
}

/** Where the request goes. */
export type IngressRoute =
  | {
      readonly outcome: 'backend';
      /** `namespace/name` of the Ingress whose rule matched. */
      readonly ingress: string;
      /** `namespace/name` of the backend Service. */
      readonly service: string;
      /** The Service port, by number or by name. */
      readonly port: { readonly number?: number; readonly name?: string };
      /** What matched: the rule's path and type, or `defaultBackend`. */
      readonly matched: string;
    }
  /** Nothing matched and no default backend: the controller's own default backend answers 404. */
  | { readonly outcome: 'notFound'; readonly reason: string };

interface Candidate {
  readonly ingress: IngressObject;
  readonly order: number;
  readonly path: IngressPath;
}

function keyOf(ing: IngressObject): string {
  return `${ing.metadata.namespace ?? 'default'}/${ing.metadata.name}`;
}

/** Oldest first, then by key: ingress-nginx keeps the oldest Ingress's path when two collide. */
function byAge(a: IngressObject, b: IngressObject): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const ka = keyOf(a);
  const kb = keyOf(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function toRoute(
  ing: IngressObject,
  backend: IngressServiceBackend,
  matched: string,
): IngressRoute {
  const svc = backend.service;
  if (svc === undefined) {
    // ingress-nginx serves Service backends only; a resource backend has no upstream.
    return { outcome: 'notFound', reason: `${keyOf(ing)}: resource backends are not served` };
  }
  return {
    outcome: 'backend',
    ingress: keyOf(ing),
    service: `${ing.metadata.namespace ?? 'default'}/${svc.name}`,
    port: { ...svc.port },
    matched,
  };
}

/**
 * Routes one request over the Ingresses of one controller class, as the Kubernetes documentation
 * defines matching and ingress-nginx merges Ingresses:
 *
 * 1. Host: rules whose `host` matches ({@link matchesIngressHost}); a precise host wins over a
 *    wildcard, a wildcard over a rule without host (nginx tries exact `server_name`s first, then
 *    wildcards, then the catch-all server). Rules of every Ingress for the chosen host are merged.
 * 2. Path: among matching paths ({@link matchesIngressPath}) the longest wins, then Exact over
 *    Prefix (docs, "Multiple matches"), then the oldest Ingress.
 * 3. No path matched: the `spec.defaultBackend` of the oldest Ingress that has one and either
 *    defines the chosen host or has no rules for any other host; otherwise `notFound` (404).
 *
 * Pure: reads only its arguments.
 * @example
 * ```ts
 * routeIngressRequest([ing], { host: 'shop.example.com', path: '/cart' });
 * // → { outcome: 'backend', service: 'default/cart', port: { number: 80 }, … }
 * ```
 */
export function routeIngressRequest(
  ingresses: readonly IngressObject[],
  request: IngressRequest,
): IngressRoute {
  const sorted = [...ingresses].sort(byAge);
  const host = hostOnly(request.host);
  // The most specific matching host among all rules.
  let bestRank = -1;
  let bestHost: string | undefined;
  for (const ing of sorted) {
    for (const rule of ing.spec?.rules ?? []) {
      if (!matchesIngressHost(rule.host, host)) continue;
      const rank = hostRank(rule.host);
      const h = (rule.host ?? '').toLowerCase();
      if (
        rank > bestRank ||
        (rank === bestRank && bestHost !== undefined && h.length > bestHost.length)
      ) {
        bestRank = rank;
        bestHost = h;
      }
    }
  }
  const candidates: Candidate[] = [];
  const hostIngresses: IngressObject[] = [];
  if (bestHost !== undefined) {
    sorted.forEach((ing, order) => {
      let contributes = false;
      for (const rule of ing.spec?.rules ?? []) {
        if ((rule.host ?? '').toLowerCase() !== bestHost) continue;
        contributes = true;
        for (const path of rule.http?.paths ?? []) candidates.push({ ingress: ing, order, path });
      }
      if (contributes) hostIngresses.push(ing);
    });
  }
  let best: Candidate | undefined;
  let bestLen = -1;
  for (const c of candidates) {
    const rulePath = c.path.path ?? '/';
    if (!matchesIngressPath(c.path.pathType, rulePath, request.path)) continue;
    const len = ingressPathLength(c.path.pathType, rulePath);
    if (
      best === undefined ||
      len > bestLen ||
      (len === bestLen && pathTypeRank(c.path.pathType) < pathTypeRank(best.path.pathType))
    ) {
      best = c;
      bestLen = len;
    }
  }
  if (best !== undefined) {
    return toRoute(
      best.ingress,
      best.path.backend,
      `${best.path.pathType} ${best.path.path ?? '/'}`,
    );
  }
  const withDefault =
    hostIngresses.find((i) => i.spec?.defaultBackend !== undefined) ??
    sorted.find(
      (i) =>
        i.spec?.defaultBackend !== undefined &&
        (i.spec.rules ?? []).every((r) => r.host === undefined || r.host === ''),
    );
  const backend = withDefault?.spec?.defaultBackend;
  if (withDefault !== undefined && backend !== undefined) {
    return toRoute(withDefault, backend, 'defaultBackend');
  }
  return {
    outcome: 'notFound',
    reason:
      bestHost === undefined
        ? `no Ingress rule for host ${host}`
        : `no path of host ${bestHost === '' ? '(any)' : bestHost} matches ${request.path}`,
  };
}
