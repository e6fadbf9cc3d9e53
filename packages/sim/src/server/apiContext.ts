/**
 * The state one served simulation shares across requests, and helpers every handler uses.
 * @packageDocumentation
 */
import { formatTimestamp, parseSelector, type Selector, type StoredObject } from '@kubesim/core';
import type { ServeHost } from './host.js';
import type { OpenApiDocuments } from './openApi.js';
import type { ResourceInfo, ResourceTable } from './resources.js';
import type { ResourceRoute } from './route.js';
import { matchesFields, parseFieldSelector, type FieldRequirement } from './fieldSelector.js';
import { badRequest, notFound } from './status.js';
import type { WatchHub } from './watchHub.js';

/** Everything a handler needs. */
export interface ApiContext {
  readonly host: ServeHost;
  readonly resources: ResourceTable;
  readonly hub: WatchHub;
  /** The OpenAPI v3 documents served at `/openapi/v3`. */
  readonly openApi: OpenApiDocuments;
}

/** The store key of a named resource route (a bare name for a cluster-scoped kind, built-in or custom). */
export function keyOf(route: ResourceRoute, name: string): string {
  return route.resource.namespaced ? `${route.namespace ?? 'default'}/${name}` : name;
}

/** The live object a route names, or 404 as upstream words it (`pods "web" not found`). */
export function mustGet(ctx: ApiContext, route: ResourceRoute): StoredObject {
  const name = route.name ?? '';
  const obj = ctx.host.store.getInert(route.resource.kind, keyOf(route, name));
  if (obj === undefined) throw notFound(route.resource.plural, name, route.resource.group);
  return obj;
}

/** The apiVersion a resource is served at. */
export function apiVersionOf(r: ResourceInfo): string {
  return r.group === '' ? r.version : `${r.group}/${r.version}`;
}

/**
 * `obj` as served at the route's version. A custom kind is stored in its storage version and,
 * with conversion `None`, served at any other version with only `apiVersion` changed
 * (apiextensions-apiserver nopConverter); built-in kinds are served as stored.
 */
export function atVersion<T extends StoredObject | undefined>(
  ctx: ApiContext,
  r: ResourceInfo,
  obj: T,
): T {
  if (obj === undefined || ctx.resources.customKind(r.kind) === undefined) return obj;
  const want = apiVersionOf(r);
  return obj.apiVersion === want ? obj : { ...obj, apiVersion: want };
}

/** The label and field selectors of a list or watch request. */
export interface Selectors {
  readonly labels: Selector | undefined;
  readonly fields: readonly FieldRequirement[];
}

/** Parses `labelSelector` and `fieldSelector`; 400 on bad syntax. */
export function selectorsOf(query: URLSearchParams, kind: string): Selectors {
  const ls = query.get('labelSelector');
  let labels: Selector | undefined;
  if (ls !== null && ls !== '') {
    try {
      labels = parseSelector(ls);
    } catch (err) {
      throw badRequest(
        `unable to parse requirement: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
  const fs = query.get('fieldSelector');
  return { labels, fields: fs === null ? [] : parseFieldSelector(fs, kind) };
}

/** True when `obj` is in the route's namespace and matches the selectors. */
export function matches(obj: StoredObject, route: ResourceRoute, sel: Selectors): boolean {
  if (route.namespace !== undefined && obj.metadata.namespace !== route.namespace) return false;
  if (sel.labels !== undefined && !sel.labels.matches(obj.metadata.labels)) return false;
  return matchesFields(obj, sel.fields, route.resource.kind);
}

/** The current virtual instant as an RFC 3339 timestamp. */
export function nowTimestamp(host: ServeHost): string {
  return formatTimestamp(host.startTime + host.now());
}

/** The current virtual instant as epoch ms (for ages). */
export function nowEpoch(host: ServeHost): number {
  return host.startTime + host.now();
}
