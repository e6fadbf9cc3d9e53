/**
 * What traffic and the control plane did over time: request outcomes per Service, ready endpoints
 * per Service, and black-hole windows (from a backend's death to the moment no kube-proxy routes
 * to it any more).
 * @packageDocumentation
 */
import type { EndpointSlice, StoreEvent } from '@kubesim/core';
import type { ConnectResult } from './connect.js';

/** How traffic entered the cluster: from inside (or a node port), a cloud load balancer, the ingress controller. */
export type EntryPathName = 'cluster' | 'loadBalancer' | 'ingress';

/** Selects the entry path of a metric. */
export interface ViaOptions {
  /** Only what came this way; all paths when absent (outcomes) or `cluster` (windows). */
  readonly via?: EntryPathName;
}

/** Outcome counts in one time bucket. */
export interface OutcomeBucket {
  /** Start of the bucket, virtual ms. */
  readonly t: number;
  ok: number;
  refused: number;
  timeout: number;
  nxdomain: number;
  /** HTTP errors from the ingress controller (outside traffic through an Ingress). */
  http_404: number;
  http_502: number;
  http_503: number;
  http_504: number;
}

/** Outcome counts. */
export type OutcomeCounts = Omit<OutcomeBucket, 't'>;

/** Request outcomes over time, bucketed. */
export interface OutcomeSeries {
  readonly bucketMs: number;
  readonly buckets: readonly OutcomeBucket[];
  readonly total: OutcomeCounts;
}

/** A value over time: a point at every change. */
export type Series = readonly { readonly t: number; readonly value: number }[];

/**
 * A window in which clients were sent to a dead backend.
 * - `via: 'cluster'`: a pod IP, from its node's power loss until no live kube-proxy routes to it.
 * - `via: 'loadBalancer'`: a node (its address), from its power loss until the load balancer's
 *   health checks take it out.
 * - `via: 'ingress'`: a pod IP, from its node's power loss until the ingress controller's data
 *   path drops it (its EndpointSlice turns not ready, the controller syncs, the nginx workers pick
 *   the list up at their next 1 s tick). With retries the window is not a window of failures: a
 *   request sent to the dead pod inside it times out there (`proxy-connect-timeout`) and is
 *   retried on the next endpoint, failing (`http_504`) only when every try hits a dead one.
 */
export interface Window {
  readonly ip: string;
  readonly podKey?: string;
  /** When the backend died (its node lost power, or the pod was removed while still routed). */
  readonly start: number;
  /** When no live node's kube-proxy routed to it any more; undefined while still open. */
  end?: number;
}

/** Read access to what was measured. */
export interface Metrics {
  /** Request outcomes under a Service; `via` keeps one entry path (default: all). */
  outcomes(serviceKey: string, opts?: ViaOptions): OutcomeSeries;
  readyEndpoints(serviceKey: string): Series;
  /** Black-hole windows of a Service; `via` picks the entry path (default `cluster`). */
  blackHoleWindows(serviceKey: string, opts?: ViaOptions): readonly Window[];
}

const OUTCOME_FIELDS = [
  'ok',
  'refused',
  'timeout',
  'nxdomain',
  'http_404',
  'http_502',
  'http_503',
  'http_504',
] as const;

const empty = (): OutcomeCounts => ({
  ok: 0,
  refused: 0,
  timeout: 0,
  nxdomain: 0,
  http_404: 0,
  http_502: 0,
  http_503: 0,
  http_504: 0,
});

/** Internal: the recorder behind `sim.metrics`. */
export class MetricsRecorder implements Metrics {
  readonly bucketMs: number;
  readonly #outcomes = new Map<string, OutcomeBucket[]>();
  readonly #ready = new Map<string, { t: number; value: number }[]>();
  readonly #windows = new Map<string, Window[]>();
  readonly #viaWindows = new Map<string, Window[]>();

  constructor(bucketMs = 1000) {
    this.bucketMs = bucketMs;
  }

  /** An independent recorder with the same series so far (for a fork). */
  fork(): MetricsRecorder {
    const out = new MetricsRecorder(this.bucketMs);
    for (const [k, list] of this.#outcomes)
      out.#outcomes.set(
        k,
        list.map((b) => ({ ...b })),
      );
    for (const [k, list] of this.#ready)
      out.#ready.set(
        k,
        list.map((p) => ({ ...p })),
      );
    for (const [k, list] of this.#windows)
      out.#windows.set(
        k,
        list.map((w) => ({ ...w })),
      );
    for (const [k, list] of this.#viaWindows)
      out.#viaWindows.set(
        k,
        list.map((w) => ({ ...w })),
      );
    return out;
  }

  /** Records one connection's outcome under `serviceKey` (and under its entry path). */
  recordOutcome(serviceKey: string, now: number, result: ConnectResult): void {
    this.#record(serviceKey, now, result.outcome);
    this.#record(`${result.via ?? 'cluster'}\u0000${serviceKey}`, now, result.outcome);
  }

  #record(key: string, now: number, outcome: ConnectResult['outcome']): void {
    let list = this.#outcomes.get(key);
    if (list === undefined) {
      list = [];
      this.#outcomes.set(key, list);
    }
    const t = now - (now % this.bucketMs);
    let bucket = list[list.length - 1];
    if (bucket?.t !== t) {
      bucket = { t, ...empty() };
      list.push(bucket);
    }
    bucket[outcome] += 1;
  }

  /** Records the ready endpoint count of a Service after a slice change. */
  recordReady(serviceKey: string, now: number, slices: readonly EndpointSlice[]): void {
    const ips = new Set<string>();
    for (const s of slices) {
      for (const e of s.endpoints) {
        if (e.conditions.ready ?? true) for (const a of e.addresses) ips.add(a);
      }
    }
    let series = this.#ready.get(serviceKey);
    if (series === undefined) {
      series = [];
      this.#ready.set(serviceKey, series);
    }
    const last = series[series.length - 1];
    if (last?.value === ips.size) return;
    if (last?.t === now) last.value = ips.size;
    else series.push({ t: now, value: ips.size });
  }

  /** Opens a black-hole window for `ip` behind `serviceKey` unless one is open. */
  openWindow(serviceKey: string, ip: string, podKey: string | undefined, now: number): void {
    let list = this.#windows.get(serviceKey);
    if (list === undefined) {
      list = [];
      this.#windows.set(serviceKey, list);
    }
    if (list.some((w) => w.ip === ip && w.end === undefined)) return;
    list.push({ ip, start: now, ...(podKey !== undefined ? { podKey } : {}) });
  }

  /** Open windows, for the engine to re-check after each kube-proxy sync. */
  *openWindows(): Generator<[string, Window]> {
    for (const [svc, list] of this.#windows) {
      for (const w of list) if (w.end === undefined) yield [svc, w];
    }
  }

  outcomes(serviceKey: string, opts: ViaOptions = {}): OutcomeSeries {
    const key = opts.via === undefined ? serviceKey : `${opts.via}\u0000${serviceKey}`;
    const buckets = this.#outcomes.get(key) ?? [];
    const total = empty();
    for (const b of buckets) for (const f of OUTCOME_FIELDS) total[f] += b[f];
    return { bucketMs: this.bucketMs, buckets, total };
  }

  readyEndpoints(serviceKey: string): Series {
    return this.#ready.get(serviceKey) ?? [];
  }

  blackHoleWindows(serviceKey: string, opts: ViaOptions = {}): readonly Window[] {
    if (opts.via === undefined || opts.via === 'cluster')
      return this.#windows.get(serviceKey) ?? [];
    return this.#viaWindows.get(`${opts.via}\u0000${serviceKey}`) ?? [];
  }

  /** Opens a window of an outside entry path (`loadBalancer`, `ingress`) unless one is open for `ip`. */
  openViaWindow(
    via: Exclude<EntryPathName, 'cluster'>,
    serviceKey: string,
    ip: string,
    podKey: string | undefined,
    now: number,
  ): void {
    const key = `${via}\u0000${serviceKey}`;
    let list = this.#viaWindows.get(key);
    if (list === undefined) {
      list = [];
      this.#viaWindows.set(key, list);
    }
    if (list.some((w) => w.ip === ip && w.end === undefined)) return;
    list.push({ ip, start: now, ...(podKey !== undefined ? { podKey } : {}) });
  }

  /** Closes the open window of `ip` on an outside entry path, if any. */
  closeViaWindow(
    via: Exclude<EntryPathName, 'cluster'>,
    serviceKey: string,
    ip: string,
    now: number,
  ): void {
    for (const w of this.#viaWindows.get(`${via}\u0000${serviceKey}`) ?? []) {
      if (w.ip === ip && w.end === undefined) w.end = now;
    }
  }

  /** Open windows of an outside entry path, as [serviceKey, window]. */
  *openViaWindows(via: Exclude<EntryPathName, 'cluster'>): Generator<[string, Window]> {
    const prefix = `${via}\u0000`;
    for (const [key, list] of this.#viaWindows) {
      if (!key.startsWith(prefix)) continue;
      for (const w of list) if (w.end === undefined) yield [key.slice(prefix.length), w];
    }
  }

  /** The Service key a slice event belongs to, or undefined. */
  static serviceOfSlice(ev: StoreEvent): string | undefined {
    const slice = ev.object as EndpointSlice;
    const name = slice.metadata.labels?.['kubernetes.io/service-name'];
    return name === undefined ? undefined : `${slice.metadata.namespace}/${name}`;
  }
}
