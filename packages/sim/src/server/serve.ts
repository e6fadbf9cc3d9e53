/**
 * `sim.serve()`: a simulation as a Kubernetes API server on 127.0.0.1, with a kubeconfig for
 * kubectl and @kubernetes/client-node.
 * @packageDocumentation
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from '../engine/engineErrors.js';
import type { ApiContext } from './apiContext.js';
import type { ServeHost } from './host.js';
import { OpenApiDocuments } from './openApi.js';
import { ResourceCatalog } from './resources.js';
import { startHttpServer } from './socket/httpServer.js';
import { startSpeedDriver } from './socket/speedDriver.js';
import { newToken } from './socket/token.js';
import { selfSignedCertificate } from './socket/selfSignedCert.js';
import { WatchHub } from './watchHub.js';

/** Options of `sim.serve()`. */
export interface ServeOptions {
  /**
   * TCP port on 127.0.0.1; 0 picks a free one.
   * @defaultValue `0`
   */
  port?: number;
  /**
   * Virtual seconds per wall second. Unset: time moves only when the caller runs the simulation
   * (`sim.runFor`) or a client posts `/kubesim/v1/advance?by=5m`.
   */
  speed?: number;
  /**
   * How many recent changes the server keeps for watches that resume from a resourceVersion;
   * an older version gets 410 Gone (the client relists).
   * @defaultValue `10000`
   */
  watchHistory?: number;
  /**
   * Where to write the kubeconfig; a new temporary folder by default (removed by `close`).
   */
  kubeconfigPath?: string;
}

/** A running server. */
export interface ServeHandle {
  /** `https://127.0.0.1:<port>` (a self-signed certificate, in the kubeconfig as its CA). */
  readonly url: string;
  /** The kubeconfig text (cluster with its CA, user with this server's bearer token, context `kubesim`). */
  readonly kubeconfig: string;
  /** Where the kubeconfig was written (`kubectl --kubeconfig <path>`, `KUBECONFIG=<path>`). */
  readonly kubeconfigPath: string;
  /**
   * Ends every open watch now, as an API server restart or a proxy timeout would; the server keeps
   * serving and clients resume from their last resourceVersion (or relist after a 410). For tests
   * of informers and controllers.
   */
  dropWatches(): void;
  /** Stops the server: open watches end, the port is released, the temporary kubeconfig removed. */
  close(): Promise<void>;
}

function kubeconfigText(url: string, token: string, caPem: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: kubesim',
    '  cluster:',
    `    server: ${url}`,
    `    certificate-authority-data: ${Buffer.from(caPem).toString('base64')}`,
    'users:',
    '- name: kubesim',
    '  user:',
    `    token: ${token}`,
    'contexts:',
    '- name: kubesim',
    '  context:',
    '    cluster: kubesim',
    '    user: kubesim',
    '    namespace: default',
    'current-context: kubesim',
    '',
  ].join('\n');
}

/** Serves `host` over HTTP. See {@link ServeOptions}. */
export async function serveHost(host: ServeHost, opts: ServeOptions = {}): Promise<ServeHandle> {
  const port = opts.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(
      'serve.port',
      `must be an integer from 0 to 65535, got ${String(port)}`,
    );
  }
  if (opts.speed !== undefined && (!Number.isFinite(opts.speed) || opts.speed <= 0)) {
    throw new InvalidArgumentError(
      'serve.speed',
      `must be a positive number of virtual seconds per wall second, got ${String(opts.speed)}`,
    );
  }
  const history = opts.watchHistory ?? 10_000;
  if (!Number.isInteger(history) || history < 1) {
    throw new InvalidArgumentError(
      'serve.watchHistory',
      `must be a positive integer, got ${String(history)}`,
    );
  }
  const hub = new WatchHub(host.store, history);
  const catalog = new ResourceCatalog(host.store);
  const ctx: ApiContext = {
    host,
    get resources() {
      return catalog.current();
    },
    hub,
    openApi: new OpenApiDocuments(() => catalog.current()),
  };
  const token = newToken();
  const tls = selfSignedCertificate();
  let server;
  try {
    server = await startHttpServer(ctx, { port, token, ...tls });
  } catch (err) {
    hub.close();
    throw err;
  }
  const url = `https://127.0.0.1:${server.port}`;
  const kubeconfig = kubeconfigText(url, token, tls.cert);
  const tempDir =
    opts.kubeconfigPath === undefined ? mkdtempSync(join(tmpdir(), 'kubesim-')) : undefined;
  const kubeconfigPath = opts.kubeconfigPath ?? join(tempDir ?? '', 'kubeconfig');
  writeFileSync(kubeconfigPath, kubeconfig, { mode: 0o600 });
  const stopSpeed =
    opts.speed === undefined
      ? undefined
      : startSpeedDriver(opts.speed, (ms) => {
          host.advance(ms);
        });
  const running = server;
  return {
    url,
    kubeconfig,
    kubeconfigPath,
    dropWatches: () => {
      running.dropWatches();
    },
    close: async () => {
      stopSpeed?.();
      await running.close();
      hub.close();
      if (tempDir !== undefined) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
