/**
 * The HTTP side of the API server on node:https (no framework: watches are long-lived chunked
 * streams, and node:http(s) serves them without a dependency; HTTPS because kubectl sends a
 * bearer token only over TLS). Bearer-token auth, a bounded request
 * body, JSON/YAML bodies, content negotiation (JSON, or Tables for kubectl), and every failure as
 * a Status object: a handler error never takes the server down.
 * @packageDocumentation
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { createServer, type Server } from 'node:https';
import { parse as parseYaml } from 'yaml';
import type { ApiContext } from '../apiContext.js';
import { discoveryDocument } from '../discovery.js';
import { handleGet, handleList } from '../readHandlers.js';
import { parseRoute, type ResourceRoute } from '../route.js';
import { ApiError, badRequest, methodNotAllowed, pathNotFound, statusOf } from '../status.js';
import {
  handleCreate,
  handleDelete,
  handlePatch,
  handleUpdate,
  type WriteRequest,
} from '../writeHandlers.js';
import { serveWatch } from './watchStream.js';
import { handleExtra } from '../extraRoutes.js';
import { JsonText } from '../openApi.js';

/** Upstream's limit on a request body (apiserver MaxRequestBodyBytes, 3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Options of {@link startHttpServer}. */
export interface HttpServerOptions {
  readonly port: number;
  readonly token: string;
  /** PEM certificate and key the server presents. */
  readonly cert: string;
  readonly key: string;
}

class BodyTooLarge extends Error {}

/** Where open watches register how to end them; a watch opened while closing ends at once. */
interface WatchClosers {
  readonly add: (stop: () => void) => () => void;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.pause();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function parseBody(raw: Buffer, contentType: string): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  try {
    if (contentType.includes('yaml')) return parseYaml(text) as unknown;
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw badRequest(
      `the request body could not be decoded: ${err instanceof Error ? (err.message.split('\n')[0] ?? '') : 'invalid'}`,
    );
  }
}

/** What the Accept header asks for: a Table, JSON, or nothing we serve (406). */
function negotiate(accept: string | undefined): { table: boolean } {
  if (accept === undefined || accept.trim() === '') return { table: false };
  for (const clause of accept.split(',')) {
    const [type = '', ...params] = clause.split(';').map((s) => s.trim());
    const p = new Map(params.map((x) => x.split('=') as [string, string]));
    const asTable =
      p.get('as') === 'Table' &&
      p.get('g') === 'meta.k8s.io' &&
      (p.get('v') === 'v1' || p.get('v') === 'v1beta1');
    if (type === 'application/json' || type === '*/*' || type === 'application/*') {
      if (p.get('as') === undefined) return { table: false };
      if (asTable) return { table: true };
    }
  }
  throw new ApiError(
    406,
    'NotAcceptable',
    `only the following media types are accepted: application/json, application/json;as=Table;g=meta.k8s.io;v=v1`,
  );
}

function send(
  res: ServerResponse,
  code: number,
  body: unknown,
  warnings: readonly string[] = [],
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = body instanceof JsonText ? body.text : JSON.stringify(body);
  const headers: Record<string, string | string[]> = {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-cache, private',
  };
  if (warnings.length > 0) headers['Warning'] = warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  res.writeHead(code, headers);
  res.end(text);
}

function managerOf(req: IncomingMessage, query: URLSearchParams): string {
  const explicit = query.get('fieldManager');
  if (explicit !== null && explicit !== '') return explicit;
  const agent = req.headers['user-agent'] ?? 'unknown';
  return agent.split('/')[0]?.slice(0, 128) ?? 'unknown';
}

async function dispatch(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  watchers: WatchClosers,
  token: string,
): Promise<void> {
  const auth = req.headers.authorization;
  if (auth !== `Bearer ${token}`) {
    throw new ApiError(401, 'Unauthorized', 'Unauthorized');
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  const contentType = mediaType(req.headers['content-type']);
  const raw = await readBody(req);
  const route = parseRoute(url.pathname, ctx.resources);
  if (route.type === 'discovery') {
    if (method !== 'GET') throw methodNotAllowed(method);
    send(res, 200, discoveryDocument(route.path, ctx.resources));
    return;
  }
  if (route.type === 'other') {
    const out = handleExtra(ctx, method, route.path, url.searchParams);
    if (out === undefined) throw pathNotFound();
    send(res, out.code, out.body);
    return;
  }
  const fmt = negotiate(req.headers.accept);
  const query = url.searchParams;
  const watch = query.get('watch') === 'true' || query.get('watch') === '1';
  const body = method === 'GET' || method === 'HEAD' ? undefined : parseBody(raw, contentType);
  if (
    body !== undefined &&
    method !== 'PATCH' &&
    contentType !== '' &&
    !contentType.includes('json') &&
    !contentType.includes('yaml')
  ) {
    throw new ApiError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`,
    );
  }
  const wr: WriteRequest = { route, query, body, contentType, manager: managerOf(req, query) };
  switch (method) {
    case 'GET':
      if (watch) {
        if (route.name !== undefined)
          throw badRequest('watch of a single object: use fieldSelector=metadata.name=<name>');
        serveWatch(ctx, route, query, res, fmt.table, watchers.add);
        return;
      }
      send(
        res,
        200,
        route.name === undefined
          ? handleList(ctx, route, query, fmt)
          : handleGet(ctx, route, query, fmt),
      );
      return;
    case 'POST': {
      const out = handleCreate(ctx, wr);
      send(res, out.code, out.body, out.warnings);
      return;
    }
    case 'PUT': {
      needsName(route);
      const out = handleUpdate(ctx, wr);
      send(res, out.code, out.body, out.warnings);
      return;
    }
    case 'PATCH': {
      needsName(route);
      const out = handlePatch(ctx, wr);
      send(res, out.code, out.body, out.warnings);
      return;
    }
    case 'DELETE': {
      const out = handleDelete(ctx, wr);
      send(res, out.code, out.body, out.warnings);
      return;
    }
    default:
      throw methodNotAllowed(method);
  }
}

function needsName(route: ResourceRoute): void {
  if (route.name === undefined)
    throw new ApiError(
      405,
      'MethodNotAllowed',
      'the server does not allow this method on the requested resource',
    );
}

/** A running server and a way to stop it (open watches are ended). */
export interface RunningServer {
  readonly port: number;
  /** Ends every open watch (clients resume from their last resourceVersion). */
  dropWatches(): void;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 only. */
export async function startHttpServer(
  ctx: ApiContext,
  opts: HttpServerOptions,
): Promise<RunningServer> {
  const closers = new Set<() => void>();
  // TCP connections still in their TLS handshake, by remote port (all are from 127.0.0.1):
  // `closeAllConnections` knows only those the HTTP layer has seen, so a client connecting when
  // `close()` runs (an informer restarting its watch) would otherwise be served afterwards, and
  // its watch would keep `close()` from ever ending.
  const handshaking = new Map<number, Socket>();
  let closing = false;
  const watchers: WatchClosers = {
    add: (stop) => {
      if (closing) {
        stop();
        return () => undefined;
      }
      closers.add(stop);
      return () => closers.delete(stop);
    },
  };
  const server: Server = createServer({ cert: opts.cert, key: opts.key }, (req, res) => {
    dispatch(ctx, req, res, watchers, opts.token).catch((err: unknown) => {
      if (err instanceof BodyTooLarge) {
        // Answer, then discard the rest of the body (nothing more is kept) and close.
        res.setHeader('Connection', 'close');
        send(
          res,
          413,
          statusOf(
            new ApiError(
              413,
              'RequestEntityTooLarge',
              `Request entity too large: limit is ${MAX_BODY_BYTES}`,
            ),
          ),
        );
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      send(res, statusOf(err).code, statusOf(err));
    });
  });
  // A request the HTTP parser refuses (malformed, a body where none may be) still gets a Status.
  server.on('clientError', (_err, socket) => {
    const body = JSON.stringify(statusOf(badRequest('malformed HTTP request')));
    if (socket.writable) {
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    } else socket.destroy();
  });
  server.on('connection', (socket: Socket) => {
    const port = socket.remotePort;
    if (closing || port === undefined) {
      socket.destroy();
      return;
    }
    handshaking.set(port, socket);
    socket.on('close', () => {
      if (handshaking.get(port) === socket) handshaking.delete(port);
    });
  });
  server.on('secureConnection', (tlsSocket: TLSSocket) => {
    if (tlsSocket.remotePort !== undefined) handshaking.delete(tlsSocket.remotePort);
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : opts.port;
  return {
    port,
    dropWatches: () => {
      for (const stop of [...closers]) stop();
    },
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        for (const stop of [...closers]) stop();
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
        for (const socket of [...handshaking.values()]) socket.destroy();
      }),
  };
}
