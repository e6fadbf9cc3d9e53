/**
 * Parsing a request path into the resource it names
 * (staging/src/k8s.io/apiserver/pkg/endpoints/request/requestinfo.go, in our own words).
 * @packageDocumentation
 */
import { badRequest, pathNotFound } from './status.js';
import type { ResourceInfo, ResourceTable } from './resources.js';

/** A resource request: `/api/v1/namespaces/ns/pods/name/status`. */
export interface ResourceRoute {
  readonly type: 'resource';
  readonly resource: ResourceInfo;
  readonly namespace: string | undefined;
  readonly name: string | undefined;
  readonly subresource: string | undefined;
}

/** A discovery request: `/api`, `/apis`, `/api/v1`, `/apis/apps`, `/apis/apps/v1`. */
export interface DiscoveryRoute {
  readonly type: 'discovery';
  readonly path: readonly string[];
}

/** Any other path the server knows (`/version`, `/openapi/v3…`, `/kubesim/v1/advance`, …). */
export interface OtherRoute {
  readonly type: 'other';
  readonly path: readonly string[];
}

/** What a path names. */
export type Route = ResourceRoute | DiscoveryRoute | OtherRoute;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest(`invalid path segment ${JSON.stringify(segment)}`);
  }
}

/** Parses `pathname` (without the query). Throws ApiError 404 for an unknown resource. */
export function parseRoute(pathname: string, table: ResourceTable): Route {
  const parts = pathname
    .split('/')
    .filter((p) => p !== '')
    .map(decode);
  const root = parts[0];
  let group: string;
  let version: string;
  let rest: string[];
  if (root === 'api') {
    group = '';
    if (parts[1] === undefined) return { type: 'discovery', path: parts };
    version = parts[1];
    rest = parts.slice(2);
  } else if (root === 'apis') {
    if (parts[1] === undefined || parts[2] === undefined || parts.length <= 3) {
      return { type: 'discovery', path: parts };
    }
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return { type: 'other', path: parts };
  }
  if (rest.length === 0) return { type: 'discovery', path: parts };
  let namespace: string | undefined;
  // namespaces/<ns>/<resource>… is a namespaced request unless the third part is a subresource of
  // the Namespace itself (status, finalize).
  if (
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    table.lookup(group, version, rest[2] ?? '') !== undefined
  ) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural = '', name, subresource, ...extra] = rest;
  const resource = table.lookup(group, version, plural);
  if (resource === undefined || extra.length > 0) {
    throw pathNotFound();
  }
  if (name === '') throw badRequest('resource name may not be empty');
  if (subresource !== undefined && !resource.subresources.some((s) => s.name === subresource)) {
    throw pathNotFound();
  }
  if (!resource.namespaced && namespace !== undefined) throw pathNotFound();
  return { type: 'resource', resource, namespace, name, subresource };
}
