/**
 * Ingress path matching as the Kubernetes documentation defines it
 * (concepts/services-networking/ingress, "Path types" and "Examples"), with
 * ImplementationSpecific as ingress-nginx treats it.
 * @packageDocumentation
 */
import type { IngressPathType } from './ingressTypes.js';

function elements(path: string): string[] {
  // A trailing slash only adds an empty element; empty elements are ignored on both sides
  // ("/aaa/bbb/" as a Prefix matches "/aaa/bbb", and "/aaa/bbb" matches "/aaa/bbb/").
  return path.split('/').filter((e) => e !== '');
}

/**
 * Whether a request path matches one Ingress path.
 *
 * - `Exact`: the request path equals the rule path, case-sensitively; a trailing slash counts
 *   (`/foo` does not match `/foo/`).
 * - `Prefix`: element-wise by `/`: every element of the rule path equals the element at the same
 *   place in the request path; `/aaa/bbb` matches `/aaa/bbb/ccc` but not `/aaa/bbbxyz`.
 * - `ImplementationSpecific`: ingress-nginx renders it as an nginx prefix `location` (without the
 *   `use-regex` annotation), a plain string prefix: `/aaa/bb` matches `/aaa/bbb`.
 *
 * @example
 * ```ts
 * matchesIngressPath('Prefix', '/aaa/bbb', '/aaa/bbb/ccc'); // true
 * matchesIngressPath('Prefix', '/aaa/bbb', '/aaa/bbbxyz'); // false
 * ```
 */
export function matchesIngressPath(
  pathType: IngressPathType,
  rulePath: string,
  requestPath: string,
): boolean {
  switch (pathType) {
    case 'Exact':
      return rulePath === requestPath;
    case 'Prefix': {
      const rule = elements(rulePath);
      const req = elements(requestPath);
      if (rule.length > req.length) return false;
      return rule.every((e, i) => e === req[i]);
    }
    case 'ImplementationSpecific':
      return requestPath.startsWith(rulePath === '' ? '/' : rulePath);
  }
}

/**
 * The length a matching path competes with when several match ("precedence will be given first
 * to the longest matching path"): the rule path's length, without a Prefix path's trailing slash.
 */
export function ingressPathLength(pathType: IngressPathType, rulePath: string): number {
  if (pathType === 'Prefix') {
    const el = elements(rulePath);
    return el.length === 0 ? 1 : el.join('/').length + 1;
  }
  return rulePath.length;
}

/** Tie-break between equally long matches: Exact over Prefix (docs), then ImplementationSpecific. */
export function pathTypeRank(pathType: IngressPathType): number {
  return pathType === 'Exact' ? 0 : pathType === 'Prefix' ? 1 : 2;
}
