/**
 * A watch as a newline-delimited JSON stream: initial state or a resume from a resourceVersion,
 * 410 Gone (an ERROR event, then close) for a version older than the server keeps, bookmarks
 * on request, `timeoutSeconds`. Wall-clock timers are used here for the connection only
 * (bookmarks, timeouts); nothing reaches the simulation.
 * @packageDocumentation
 */
import type { ServerResponse } from 'node:http';
import type { StoredObject } from '@kubesim/core';
import { apiVersionOf, atVersion, matches, selectorsOf, type ApiContext } from '../apiContext.js';
import type { ResourceRoute } from '../route.js';
import { badRequest } from '../status.js';
import { includeObjectOf } from '../tables.js';
import { encodeFrame, frameOf, type WatchFrame } from '../watchEvents.js';

const BOOKMARK_INTERVAL_MS = 10_000;
const INITIAL_EVENTS_END = 'k8s.io/initial-events-end';

/** Serves a watch on `res` until the client goes away, the timeout passes or the server closes. */
export function serveWatch(
  ctx: ApiContext,
  route: ResourceRoute,
  query: URLSearchParams,
  res: ServerResponse,
  asTable: boolean,
  onClose: (stop: () => void) => () => void,
): void {
  const r = route.resource;
  const sel = selectorsOf(query, r.kind);
  const rvText = query.get('resourceVersion') ?? '';
  if (rvText !== '' && !/^\d+$/.test(rvText))
    throw badRequest(`invalid resource version: ${rvText}`);
  const include = asTable ? includeObjectOf(query) : 'Metadata';
  const bookmarks = query.get('allowWatchBookmarks') === 'true';
  const sendInitial = query.get('sendInitialEvents') === 'true';
  const timeoutText = query.get('timeoutSeconds');
  const timeoutMs = timeoutText === null ? 0 : Math.max(0, Number(timeoutText) * 1000);
  const store = ctx.host.store;

  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  // Clients (client-node's fetch) wait for the headers before reading events: send them now.
  res.flushHeaders();
  let first = true;
  let lastRv = store.resourceVersion;
  const send = (frame: WatchFrame): void => {
    const table = asTable ? { include, first } : undefined;
    let out = frame;
    if (frame.type !== 'BOOKMARK' && frame.type !== 'ERROR') {
      first = false;
      out = { type: frame.type, object: atVersion(ctx, r, frame.object as StoredObject) };
    }
    res.write(encodeFrame(ctx, out, r, table));
  };
  const bookmark = (initialEnd: boolean): void => {
    send({
      type: 'BOOKMARK',
      object: {
        kind: r.kind,
        apiVersion: apiVersionOf(r),
        metadata: {
          resourceVersion: String(lastRv),
          ...(initialEnd ? { annotations: { [INITIAL_EVENTS_END]: 'true' } } : {}),
        },
      },
    });
  };

  if (rvText === '' || rvText === '0' || sendInitial) {
    const current = store.listInert(
      r.kind,
      route.namespace !== undefined ? { namespace: route.namespace } : {},
    );
    for (const obj of current) if (matches(obj, route, sel)) send({ type: 'ADDED', object: obj });
    if (sendInitial && bookmarks) bookmark(true);
  } else {
    const since = ctx.hub.since(Number(rvText), r.kind);
    if (since.gone) {
      send({
        type: 'ERROR',
        object: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: `too old resource version: ${rvText} (${since.oldest})`,
          reason: 'Expired',
          code: 410,
        },
      });
      res.end();
      return;
    }
    for (const ev of since.events) {
      const f = frameOf(ev, route, sel);
      if (f !== undefined) send(f);
    }
  }

  const unsubscribe = ctx.hub.subscribe((ev) => {
    lastRv = ev.resourceVersion;
    const f = frameOf(ev, route, sel);
    if (f !== undefined) send(f);
  });
  const timers: ReturnType<typeof setInterval>[] = [];
  const state = { stopped: false, release: (): void => undefined };
  const stop = (): void => {
    if (state.stopped) return;
    state.stopped = true;
    unsubscribe();
    for (const t of timers) clearInterval(t);
    state.release();
    res.end();
  };
  // A server that is closing stops the watch at once (onClose calls stop before returning).
  state.release = onClose(stop);
  if (state.stopped) return;
  if (bookmarks) {
    timers.push(
      setInterval(() => {
        lastRv = Math.max(lastRv, store.resourceVersion);
        bookmark(false);
      }, BOOKMARK_INTERVAL_MS),
    );
  }
  if (timeoutMs > 0) timers.push(setTimeout(stop, timeoutMs));
  res.on('close', stop);
}
