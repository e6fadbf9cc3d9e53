/**
 * An ingress controller modelled on ingress-nginx: its objects (namespace, IngressClass,
 * Deployment, LoadBalancer Service) and its data path: it reads Services and EndpointSlices with
 * its own sync delay, routes each request by the Ingress rules and sends it straight to an
 * endpoint, trying the next one on a connect error or timeout.
 * @packageDocumentation
 */
import {
  ProxyState,
  routeIngressRequest,
  servesIngress,
  type EndpointSlice,
  type IngressClassObject,
  type IngressObject,
  type Service,
  type StoreEvent,
} from '@kubesim/core';
import { MinSyncBatcher } from '../engine/index.js';
import type { ExternalHost } from './externalHost.js';
import { backendAnswer, type ExternalOutcome } from './externalOutcome.js';

/** ingress-nginx defaults the model uses (kubernetes/ingress-nginx). */
export const INGRESS_NGINX_DEFAULTS = Object.freeze({
  namespace: 'ingress-nginx',
  name: 'ingress-nginx-controller',
  className: 'nginx',
  /** The Helm chart's and the static manifests' `controller.replicaCount` is 1; the issue asks for 2. */
  replicas: 2,
  /**
   * `proxy-next-upstream-tries` default 3 (internal/ingress/controller/config/config.go
   * `ProxyNextUpstreamTries: 3`), retried on `proxy-next-upstream: "error timeout"`.
   */
  tries: 3,
  /** `proxy-connect-timeout` default 5 s (config.go `ProxyConnectTimeout: 5`). */
  connectTimeoutMs: 5_000,
  /**
   * `--sync-rate-limit` default 0.3 syncs per second (cmd/nginx/flags.go): a sync at most every
   * 1/0.3 s, rounded up to whole ms.
   */
  syncPeriodMs: 3_334,
  /**
   * How often each nginx worker picks up the endpoint lists the controller posted
   * (rootfs/etc/nginx/lua/balancer.lua `BACKENDS_SYNC_INTERVAL = 1`, run by `ngx.timer.every`):
   * a change reaches the data path at the worker's first tick after the controller's sync. The
   * model puts the ticks at k × 1 s from t = 0 (a fixed phase, like the node-monitor passes), and
   * a tick at the very instant of the sync has already run: the change waits for the next one.
   */
  backendsSyncIntervalMs: 1_000,
});

/**
 * The first nginx worker tick strictly after a controller sync at `syncAt`: when the posted
 * endpoints reach the data path.
 * @example backendsAppliedAt(175_000) === 176_000
 * @example backendsAppliedAt(175_400) === 176_000
 */
export function backendsAppliedAt(
  syncAt: number,
  intervalMs: number = INGRESS_NGINX_DEFAULTS.backendsSyncIntervalMs,
): number {
  return (Math.floor(syncAt / intervalMs) + 1) * intervalMs;
}

/** Options of `sim.addIngressController`. */
export interface IngressControllerOptions {
  /** Controller pods. @defaultValue `2` */
  readonly replicas?: number;
  /** The IngressClass it creates and serves (marked the default class). @defaultValue `'nginx'` */
  readonly className?: string;
  /** Minimum spacing of its endpoint syncs, ms. @defaultValue `3334` (ingress-nginx `--sync-rate-limit` 0.3) */
  readonly syncPeriodMs?: number;
  /** Upstream tries per request. @defaultValue `3` (`proxy-next-upstream-tries`) */
  readonly tries?: number;
  /** `externalTrafficPolicy` of its Service. @defaultValue `'Local'` (ingress-nginx's cloud manifests) */
  readonly externalTrafficPolicy?: 'Local' | 'Cluster';
}

/** The objects `addIngressController` applies. */
export function ingressNginxManifests(opts: IngressControllerOptions = {}): unknown[] {
  const ns = INGRESS_NGINX_DEFAULTS.namespace;
  const name = INGRESS_NGINX_DEFAULTS.name;
  const labels = {
    'app.kubernetes.io/name': 'ingress-nginx',
    'app.kubernetes.io/instance': 'ingress-nginx',
    'app.kubernetes.io/component': 'controller',
  };
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: {
        name: opts.className ?? INGRESS_NGINX_DEFAULTS.className,
        labels,
        annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' },
      },
      spec: { controller: 'k8s.io/ingress-nginx' },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: ns, labels },
      spec: {
        replicas: opts.replicas ?? INGRESS_NGINX_DEFAULTS.replicas,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              {
                name: 'controller',
                image: 'registry.k8s.io/ingress-nginx/controller:v1.12.1',
                ports: [
                  { name: 'http', containerPort: 80, protocol: 'TCP' },
                  { name: 'https', containerPort: 443, protocol: 'TCP' },
                ],
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: ns, labels },
      spec: {
        type: 'LoadBalancer',
        externalTrafficPolicy: opts.externalTrafficPolicy ?? 'Local',
        selector: labels,
        ports: [
          { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
          { name: 'https', port: 443, targetPort: 'https', protocol: 'TCP' },
        ],
      },
    },
  ];
}

/** What the controller answers one request with. */
export interface IngressAnswer {
  readonly outcome: ExternalOutcome;
  /** The backend Service, `namespace/name`, when a rule matched. */
  readonly service?: string;
  readonly podKey?: string;
  readonly ip?: string;
  readonly port?: number;
  /** Upstream attempts made. */
  readonly tries?: number;
  readonly reason: string;
}

interface Pending {
  readonly ev: StoreEvent;
}

/** An open ingress black-hole window: a dead endpoint still in the data path's view. */
interface OpenWindow {
  readonly service: string;
  readonly ip: string;
  readonly node: string;
}

function ingressNamespace(ing: IngressObject): string {
  return ing.metadata.namespace ?? 'default';
}

/** The controller's state: its delayed view of Services and EndpointSlices, round-robin counters. */
export class IngressNginx {
  readonly #host: ExternalHost;
  readonly className: string;
  readonly serviceKey = `${INGRESS_NGINX_DEFAULTS.namespace}/${INGRESS_NGINX_DEFAULTS.name}`;
  readonly #tries: number;
  readonly #view = new ProxyState();
  readonly #batcher: MinSyncBatcher;
  #pending: Pending[] = [];
  readonly #rr = new Map<string, number>();
  /** Open black-hole windows by `service\u0000ip`. */
  readonly #open = new Map<string, OpenWindow>();

  constructor(host: ExternalHost, opts: IngressControllerOptions = {}) {
    this.#host = host;
    this.className = opts.className ?? INGRESS_NGINX_DEFAULTS.className;
    this.#tries = opts.tries ?? INGRESS_NGINX_DEFAULTS.tries;
    this.#batcher = new MinSyncBatcher(opts.syncPeriodMs ?? INGRESS_NGINX_DEFAULTS.syncPeriodMs);
    for (const svc of host.store.list('Service')) this.#view.applyService('ADDED', svc);
    for (const slice of host.store.list('EndpointSlice')) this.#view.applySlice('ADDED', slice);
  }

  /**
   * Feeds Service and EndpointSlice events. The controller syncs them at most once per
   * `syncPeriodMs` (the first change after a quiet period at once); the nginx workers pick the
   * result up at their next tick ({@link backendsAppliedAt}), and only then do requests see it.
   */
  observe(ev: StoreEvent): void {
    if (ev.kind !== 'Service' && ev.kind !== 'EndpointSlice') return;
    this.#pending.push({ ev });
    const req = this.#batcher.request(this.#host.now);
    if (req.isNew) {
      this.#host.schedule(req.at, `ingress-nginx sync`, this, (ingress) => {
        ingress.#sync();
      });
    }
  }

  #sync(): void {
    const batch = this.#pending;
    this.#pending = [];
    this.#batcher.synced(this.#host.now);
    this.#host.traceActivity('ingress-nginx', 'IngressSync', { changes: batch.length });
    this.#host.schedule(
      backendsAppliedAt(this.#host.now),
      'ingress-nginx backends',
      this,
      (ingress) => {
        ingress.#apply(batch);
      },
    );
  }

  #apply(batch: readonly Pending[]): void {
    for (const { ev } of batch) {
      if (ev.kind === 'Service') this.#view.applyService(ev.type, ev.object as Service);
      else this.#view.applySlice(ev.type, ev.object as EndpointSlice);
    }
    // A window closes when the workers' view no longer has its endpoint as ready.
    for (const [key, w] of [...this.#open]) {
      if (!this.#readyEndpoints(w.service).has(w.ip)) {
        this.#open.delete(key);
        this.#host.windows.close('ingress', w.service, w.ip);
      }
    }
  }

  /**
   * A node lost or regained power. Every ready endpoint on it that the workers still route to, of
   * a Service some served Ingress names, opens an ingress black-hole window (`via: 'ingress'`):
   * from the power loss until the data path's view drops the endpoint, after the EndpointSlice
   * turns not ready, the controller's sync and the workers' next tick. During the window each
   * request that round robin sends to the dead endpoint first waits `proxy-connect-timeout` (5 s)
   * and is then retried on the next endpoint (up to `proxy-next-upstream-tries`), so it succeeds
   * late rather than failing unless every try lands on a dead endpoint (then `http_504`).
   */
  powerChanged(nodeName: string): void {
    if (this.#host.isNodePowered(nodeName)) {
      for (const [key, w] of [...this.#open]) {
        if (w.node !== nodeName) continue;
        this.#open.delete(key);
        this.#host.windows.close('ingress', w.service, w.ip);
      }
      return;
    }
    for (const service of this.#backendServices()) {
      for (const [ip, node] of this.#readyEndpoints(service)) {
        if (node !== nodeName) continue;
        const key = `${service}\u0000${ip}`;
        if (this.#open.has(key)) continue;
        this.#open.set(key, { service, ip, node });
        this.#host.windows.open('ingress', service, ip, this.#host.podAtIP(ip));
      }
    }
  }

  /** The Services the served Ingresses send to (rule paths and default backends), sorted. */
  #backendServices(): string[] {
    const keys = new Set<string>();
    for (const ing of this.ingresses()) {
      const ns = ingressNamespace(ing);
      const add = (name: string | undefined): void => {
        if (name !== undefined) keys.add(`${ns}/${name}`);
      };
      add(ing.spec?.defaultBackend?.service?.name);
      for (const rule of ing.spec?.rules ?? []) {
        for (const p of rule.http?.paths ?? []) add(p.backend.service?.name);
      }
    }
    return [...keys].sort();
  }

  /** The ready endpoints of `service` in the workers' view (any port), IP → node name. */
  #readyEndpoints(service: string): Map<string, string | undefined> {
    const out = new Map<string, string | undefined>();
    const svc = this.#view.getService(service);
    for (const port of svc?.spec.ports ?? []) {
      for (const e of this.#view.endpointsOf(service, port.name, port.protocol)) {
        if (e.ready && !out.has(e.ip)) out.set(e.ip, e.nodeName);
      }
    }
    return out;
  }

  /** The Ingresses this controller serves. */
  ingresses(): IngressObject[] {
    const store = this.#host.store;
    const cls = store.getInert('IngressClass', this.className) as IngressClassObject | undefined;
    if (cls === undefined) return [];
    return (store.listInert('Ingress') as unknown as IngressObject[]).filter((i) =>
      servesIngress(cls, i),
    );
  }

  /** Whether outside DNS has a name for `host`: some served Ingress rule names it. */
  hasHost(host: string): boolean {
    const h = host.toLowerCase();
    for (const ing of this.ingresses()) {
      for (const rule of ing.spec?.rules ?? []) {
        const r = rule.host?.toLowerCase();
        if (r === undefined || r === '') continue;
        if (r === h) return true;
        if (
          r.startsWith('*.') &&
          h.endsWith(r.slice(1)) &&
          !h.slice(0, h.length - r.length + 1).includes('.')
        )
          return true;
      }
    }
    return false;
  }

  /** Handles one request that reached a controller pod. */
  handle(host: string, path: string): IngressAnswer {
    const route = routeIngressRequest(this.ingresses(), { host, path });
    if (route.outcome === 'notFound') return { outcome: 'http_404', reason: route.reason };
    const svc = this.#view.getService(route.service);
    const port =
      svc === undefined
        ? undefined
        : svc.spec.ports.find((p) =>
            route.port.number !== undefined
              ? p.port === route.port.number
              : p.name === route.port.name,
          );
    if (svc === undefined || port === undefined) {
      return {
        outcome: 'http_503',
        service: route.service,
        reason: `${route.service}: no such Service port in the controller's view`,
      };
    }
    const endpoints = this.#view
      .endpointsOf(route.service, port.name, port.protocol)
      .filter((e) => e.ready);
    if (endpoints.length === 0) {
      return {
        outcome: 'http_503',
        service: route.service,
        reason: `${route.service} has no ready endpoints`,
      };
    }
    // round_robin (ingress-nginx's default `load-balance`), next endpoint on error or timeout.
    const start = this.#rr.get(route.service) ?? 0;
    this.#rr.set(route.service, start + 1);
    const attempts = Math.min(this.#tries, endpoints.length);
    let last: { outcome: 'refused' | 'timeout'; reason: string } | undefined;
    for (let i = 0; i < attempts; i++) {
      const ep = endpoints[(start + i) % endpoints.length];
      if (ep === undefined) continue;
      const podKey = this.#host.podAtIP(ep.ip);
      const answer = backendAnswer(this.#host, podKey);
      if (answer.outcome === 'ok') {
        return {
          outcome: 'ok',
          service: route.service,
          ...(podKey !== undefined ? { podKey } : {}),
          ip: ep.ip,
          port: ep.port,
          tries: i + 1,
          reason: i === 0 ? 'connected' : `connected on try ${i + 1}`,
        };
      }
      last = { outcome: answer.outcome, reason: answer.reason };
    }
    // nginx answers 504 when the last upstream timed out, 502 when it refused or reset.
    return {
      outcome: last?.outcome === 'timeout' ? 'http_504' : 'http_502',
      service: route.service,
      tries: attempts,
      reason: `${attempts} upstream tr${attempts === 1 ? 'y' : 'ies'} failed: ${last?.reason ?? ''}`,
    };
  }
}
