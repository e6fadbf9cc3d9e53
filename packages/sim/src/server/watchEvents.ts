/**
 * Which watch events a watcher gets and how they are framed: selector transitions as the watch
 * cache makes them (an object leaving the selector is DELETED for this watcher, one entering it
 * is ADDED — cacher/cache_watcher.go), DELETED objects carrying the deletion's resourceVersion, and
 * Tables inside frames when the client asked for them.
 * @packageDocumentation
 */
import type { StoredObject } from '@kubesim/core';
import { matches, nowEpoch, type ApiContext, type Selectors } from './apiContext.js';
import type { ResourceRoute } from './route.js';
import type { HubEvent } from './watchHub.js';
import type { ResourceInfo } from './resources.js';
import { columnsOf, toTable, type IncludeObject } from './tables.js';

/** One frame of a watch stream. */
export interface WatchFrame {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  readonly object: unknown;
}

/** The frame of `ev` for this watcher, or undefined when the watcher does not see it. */
export function frameOf(
  ev: HubEvent,
  route: ResourceRoute,
  sel: Selectors,
): { type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: StoredObject } | undefined {
  if (ev.kind !== route.resource.kind) return undefined;
  const now = ev.type !== 'DELETED' && matches(ev.object, route, sel);
  const before = ev.oldObject !== undefined && matches(ev.oldObject, route, sel);
  if (ev.type === 'DELETED') {
    if (!now && !before && !matches(ev.object, route, sel)) return undefined;
    // The deleted object carries the resourceVersion of its deletion, as etcd3's watcher reports it.
    const object = {
      ...ev.object,
      metadata: { ...ev.object.metadata, resourceVersion: String(ev.resourceVersion) },
    } as StoredObject;
    return { type: 'DELETED', object };
  }
  if (now && before) return { type: 'MODIFIED', object: ev.object };
  if (now) return { type: 'ADDED', object: ev.object };
  if (before) {
    const object = {
      ...ev.object,
      metadata: { ...ev.object.metadata, resourceVersion: String(ev.resourceVersion) },
    } as StoredObject;
    return { type: 'DELETED', object };
  }
  return undefined;
}

/** Serialises a frame, as a Table frame when `table` is set (column definitions on the first only). */
export function encodeFrame(
  ctx: ApiContext,
  frame: WatchFrame,
  resource: ResourceInfo,
  table: { include: IncludeObject; first: boolean } | undefined,
): string {
  if (table === undefined || frame.type === 'BOOKMARK' || frame.type === 'ERROR') {
    return `${JSON.stringify(frame)}\n`;
  }
  const obj = frame.object as StoredObject;
  const t = toTable(columnsOf(ctx.resources, resource), [obj], nowEpoch(ctx.host), {
    include: table.include,
    headers: table.first,
    resourceVersion: obj.metadata.resourceVersion,
  });
  return `${JSON.stringify({ type: frame.type, object: t })}\n`;
}
