/**
 * GET of one object and LIST with selectors, `limit` and `continue`.
 * @packageDocumentation
 */
import type { StoredObject } from '@kubesim/core';
import {
  apiVersionOf,
  atVersion,
  matches,
  mustGet,
  nowEpoch,
  selectorsOf,
  type ApiContext,
} from './apiContext.js';
import type { ResourceRoute } from './route.js';
import { scaleOf } from './scale.js';
import { ApiError, badRequest } from './status.js';
import { columnsOf, includeObjectOf, toTable } from './tables.js';

/** How the client wants the answer. */
export interface ReadFormat {
  readonly table: boolean;
}

/** GET …/name and GET …/name/{status,scale}. */
export function handleGet(
  ctx: ApiContext,
  route: ResourceRoute,
  query: URLSearchParams,
  fmt: ReadFormat,
): unknown {
  const obj = atVersion(ctx, route.resource, mustGet(ctx, route));
  if (route.subresource === 'scale')
    return scaleOf(route.resource, obj, ctx.resources.customScale(route.resource));
  if (fmt.table && route.subresource === undefined) {
    return toTable(columnsOf(ctx.resources, route.resource), [obj], nowEpoch(ctx.host), {
      include: includeObjectOf(query),
      headers: true,
      resourceVersion: obj.metadata.resourceVersion,
    });
  }
  return obj;
}

interface ContinueToken {
  readonly rv: number;
  readonly after: string;
}

function encodeContinue(t: ContinueToken): string {
  return Buffer.from(JSON.stringify(t)).toString('base64url');
}

function decodeContinue(text: string): ContinueToken {
  try {
    const t = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<ContinueToken>;
    if (typeof t.rv === 'number' && typeof t.after === 'string')
      return { rv: t.rv, after: t.after };
  } catch {
    // fall through
  }
  throw badRequest('continue key is not valid: invalid continue token');
}

/** Key order of list results: namespace then name, as the API server lists by storage key. */
function storageKey(o: StoredObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

/**
 * LIST. Pages (`limit`) continue after the last key; unlike etcd, a continued page reads the
 * current state, not the first page's snapshot (the token carries that page's resourceVersion).
 */
export function handleList(
  ctx: ApiContext,
  route: ResourceRoute,
  query: URLSearchParams,
  fmt: ReadFormat,
): unknown {
  const r = route.resource;
  const sel = selectorsOf(query, r.kind);
  const store = ctx.host.store;
  const all = store.listInert(r.kind, {
    ...(route.namespace !== undefined ? { namespace: route.namespace } : {}),
    ...(sel.labels !== undefined ? { selector: sel.labels } : {}),
  });
  const limitText = query.get('limit');
  const limit = limitText === null || limitText === '' ? 0 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 0) throw badRequest(`invalid limit: ${limitText ?? ''}`);
  const cont = query.get('continue');
  const token = cont === null || cont === '' ? undefined : decodeContinue(cont);
  const rv = token?.rv ?? store.resourceVersion;
  let items = all
    .filter((o) => matches(o, route, sel))
    .sort((a, b) => (storageKey(a) < storageKey(b) ? -1 : 1))
    .map((o) => atVersion(ctx, r, o));
  if (token !== undefined) items = items.filter((o) => storageKey(o) > token.after);
  let next: string | undefined;
  let remaining: number | undefined;
  if (limit > 0 && items.length > limit) {
    remaining = items.length - limit;
    items = items.slice(0, limit);
    const last = items[items.length - 1];
    if (last !== undefined) next = encodeContinue({ rv, after: storageKey(last) });
  }
  const rvMatch = query.get('resourceVersionMatch');
  if (rvMatch !== null && rvMatch !== '' && rvMatch !== 'NotOlderThan' && rvMatch !== 'Exact') {
    throw badRequest(`resourceVersionMatch: Unsupported value: "${rvMatch}"`);
  }
  if (rvMatch === 'Exact' && query.get('resourceVersion') !== String(store.resourceVersion)) {
    throw new ApiError(
      410,
      'Expired',
      `resourceVersion ${query.get('resourceVersion') ?? ''} is not the current one; kubesim lists only the current state`,
    );
  }
  if (fmt.table) {
    return toTable(columnsOf(ctx.resources, r), items, nowEpoch(ctx.host), {
      include: includeObjectOf(query),
      headers: true,
      resourceVersion: String(rv),
      ...(next !== undefined ? { continue: next } : {}),
    });
  }
  return {
    kind: `${r.kind}List`,
    apiVersion: apiVersionOf(r),
    metadata: {
      resourceVersion: String(rv),
      ...(next !== undefined ? { continue: next } : {}),
      ...(remaining !== undefined ? { remainingItemCount: remaining } : {}),
    },
    items,
  };
}
