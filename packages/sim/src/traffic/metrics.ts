/**
 * What traffic and the control plane did over time: request outcomes per Service, ready endpoints
 * per Service, and black-hole windows (from a backend's death to the moment no kube-proxy routes
 * to it any more).
 * @packageDocumentation
 */
import type { EndpointSlice, StoreEvent } from '@kubesim/core';
import type { ConnectResult } from './connect.js';

/** Outcome counts in one time bucket. */
export interface OutcomeBucket {
  /** Start of the bucket, virtual ms. */
  readonly t: number;
  ok: number;
  refused: number;
  timeout: number;
  nxdomain: number;
}

/** Request outcomes over time, bucketed. */
export interface OutcomeSeries {
  readonly bucketMs: number;
  readonly buckets: readonly OutcomeBucket[];
  readonly total: { ok: number; refused: number; timeout: number; nxdomain: number };
}

/** A value over time: a point at every change. */
export type Series = readonly { readonly t: number; readonly value: number }[];

/** A window in which clients were sent to a dead backend. */
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
  outcomes(serviceKey: string): OutcomeSeries;
  readyEndpoints(serviceKey: string): Series;
  blackHoleWindows(serviceKey: string): readonly Window[];
}

const empty = (): OutcomeSeries['total'] => ({ ok: 0, refused: 0, timeout: 0, nxdomain: 0 });

/** Internal: the recorder behind `sim.metrics`. */
export class MetricsRecorder implements Metrics {
  readonly bucketMs: number;
  readonly #outcomes = new Map<string, OutcomeBucket[]>();
  readonly #ready = new Map<string, { t: number; value: number }[]>();
  readonly #windows = new Map<string, Window[]>();

  constructor(bucketMs = 1000) {
    this.bucketMs = bucketMs;
  }

  /** Records one connection's outcome under `serviceKey`. */
  recordOutcome(serviceKey: string, now: number, result: ConnectResult): void {
    let list = this.#outcomes.get(serviceKey);
    if (list === undefined) {
      list = [];
      this.#outcomes.set(serviceKey, list);
    }
    const t = now - (now % this.bucketMs);
    let bucket = list[list.length - 1];
    if (bucket?.t !== t) {
      bucket = { t, ok: 0, refused: 0, timeout: 0, nxdomain: 0 };
      list.push(bucket);
    }
    bucket[result.outcome] += 1;
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

  outcomes(serviceKey: string): OutcomeSeries {
    const buckets = this.#outcomes.get(serviceKey) ?? [];
    const total = empty();
    for (const b of buckets) {
      total.ok += b.ok;
      total.refused += b.refused;
      total.timeout += b.timeout;
      total.nxdomain += b.nxdomain;
    }
    return { bucketMs: this.bucketMs, buckets, total };
  }

  readyEndpoints(serviceKey: string): Series {
    return this.#ready.get(serviceKey) ?? [];
  }

  blackHoleWindows(serviceKey: string): readonly Window[] {
    return this.#windows.get(serviceKey) ?? [];
  }

  /** The Service key a slice event belongs to, or undefined. */
  static serviceOfSlice(ev: StoreEvent): string | undefined {
    const slice = ev.object as EndpointSlice;
    const name = slice.metadata.labels?.['kubernetes.io/service-name'];
    return name === undefined ? undefined : `${slice.metadata.namespace}/${name}`;
  }
}
