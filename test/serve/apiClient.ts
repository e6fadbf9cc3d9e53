/* eslint-disable @typescript-eslint/no-explicit-any -- wire JSON read in tests */
/**
 * A minimal HTTPS client for tests of the API server: reads the kubeconfig's server, CA and token.
 * @packageDocumentation
 */
import { request } from 'node:https';
import { parse } from 'yaml';

/** An answer: status code, headers and the body parsed as JSON when it is JSON. */
export interface ApiAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  readonly json: any;
}

/** Connection details from a kubeconfig. */
export interface ApiTarget {
  readonly url: string;
  readonly ca: string;
  readonly token: string;
}

/** Reads a kubesim kubeconfig. */
export function targetOf(kubeconfig: string): ApiTarget {
  const doc = parse(kubeconfig) as {
    clusters: { cluster: { server: string; 'certificate-authority-data': string } }[];
    users: { user: { token: string } }[];
  };
  const cluster = doc.clusters[0]!.cluster;
  return {
    url: cluster.server,
    ca: Buffer.from(cluster['certificate-authority-data'], 'base64').toString(),
    token: doc.users[0]!.user.token,
  };
}

/** One request; `body` objects are sent as JSON unless a string is given. */
export function call(
  t: ApiTarget,
  method: string,
  path: string,
  opts: { body?: unknown; headers?: Record<string, string>; token?: string | null } = {},
): Promise<ApiAnswer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, t.url);
    const payload =
      opts.body === undefined
        ? undefined
        : typeof opts.body === 'string'
          ? opts.body
          : JSON.stringify(opts.body);
    const token = opts.token === undefined ? t.token : opts.token;
    const req = request(
      url,
      {
        method,
        ca: t.ca,
        headers: {
          ...(token !== null ? { Authorization: `Bearer ${token}` } : {}),
          ...(payload !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...opts.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** Opens a watch and collects its frames until `stop()`; `frames` fills as they arrive. */
export function openWatch(
  t: ApiTarget,
  path: string,
  headers: Record<string, string> = {},
): { frames: any[]; ended: Promise<void>; stop: () => void } {
  const frames: any[] = [];
  let buffer = '';
  let stopFn = (): void => {};
  const ended = new Promise<void>((resolve, reject) => {
    const req = request(
      new URL(path, t.url),
      { method: 'GET', ca: t.ca, headers: { Authorization: `Bearer ${t.token}`, ...headers } },
      (res) => {
        res.on('data', (c: Buffer) => {
          buffer += c.toString('utf8');
          let nl = buffer.indexOf('\n');
          while (nl >= 0) {
            frames.push(JSON.parse(buffer.slice(0, nl)));
            buffer = buffer.slice(nl + 1);
            nl = buffer.indexOf('\n');
          }
        });
        res.on('end', () => {
          resolve();
        });
        res.on('close', () => {
          resolve();
        });
      },
    );
    req.on('error', (err) => {
      if (String(err).includes('socket hang up') || String(err).includes('aborted')) resolve();
      else reject(err);
    });
    req.end();
    stopFn = () => req.destroy();
  });
  return {
    frames,
    ended,
    stop: () => {
      stopFn();
    },
  };
}

/** Waits (wall time, polling) until `pred` holds; throws after `ms`. */
export async function eventually(pred: () => boolean, ms = 3000): Promise<void> {
  const start = Date.now();
  while (!pred()) {
    if (Date.now() - start > ms) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
