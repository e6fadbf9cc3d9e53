/**
 * A steady client load in virtual time: one new connection per source every `every`.
 * @packageDocumentation
 */
import {
  normalizeKey,
  NotFoundError,
  parseDuration,
  parseTarget,
  type Duration,
} from '@kubesim/core';
import type { TrafficHost } from '../world/index.js';
import type { MetricsRecorder } from './metrics.js';
import {
  connect,
  type AffinityTables,
  type ConnectResult,
  type ConnectSource,
  type LoadBalancerTarget,
} from './connect.js';

/** What `traffic` sends. */
export interface TrafficSpec {
  /** One source or several: pod keys, `{ node }`, or `{ external: true }`. */
  from: ConnectSource | readonly ConnectSource[];
  /** The target, as for `connect`. */
  to: string | LoadBalancerTarget;
  /** Interval between connections from each source. */
  every: Duration;
  /** Absolute virtual time to stop at (default: never). */
  until?: Duration;
}

/** A running load. */
export interface TrafficHandle {
  /** Connections opened so far. */
  readonly sent: number;
  /** Outcome counts so far. */
  readonly counts: Readonly<Record<ConnectResult['outcome'], number>>;
  /** Stops the load. */
  stop(): void;
}

/**
 * The Service key a target names, for metrics (`web.shop.svc…` → `shop/web`); a load balancer
 * target names its Service; a URL its host (until a rule names a Service).
 */
export function serviceKeyOfTarget(to: string | LoadBalancerTarget, fromNamespace: string): string {
  if (typeof to === 'object') return normalizeKey('Service', to.loadBalancer).key;
  const url = /^https?:\/\/([^/:?#]+)/i.exec(to);
  if (url !== null) return (url[1] ?? to).toLowerCase();
  const { host, isIP } = parseTarget(to);
  if (isIP) return host;
  const parts = host.split('.');
  const name = parts[0] ?? host;
  const namespace =
    parts.length > 1 && parts[1] !== '' ? (parts[1] ?? fromNamespace) : fromNamespace;
  return normalizeKey('Service', `${namespace}/${name}`).key;
}

/** Starts a steady load; outcomes are recorded in `metrics`. */
export function startTraffic(
  world: TrafficHost,
  metrics: MetricsRecorder,
  spec: TrafficSpec,
  affinity: AffinityTables,
): TrafficHandle {
  const every = parseDuration(spec.every);
  if (every <= 0) throw new RangeError('traffic: `every` must be a positive duration');
  const until = spec.until === undefined ? Infinity : parseDuration(spec.until);
  const sources: readonly ConnectSource[] = Array.isArray(spec.from)
    ? (spec.from as readonly ConnectSource[])
    : [spec.from as ConnectSource];
  const counts: Record<ConnectResult['outcome'], number> = {
    ok: 0,
    refused: 0,
    timeout: 0,
    nxdomain: 0,
    http_404: 0,
    http_502: 0,
    http_503: 0,
    http_504: 0,
  };
  let sent = 0;
  let stopped = false;
  let scheduled: number | undefined;
  const fallbackKey = serviceKeyOfTarget(spec.to, 'default');
  const isUrl = typeof spec.to === 'string' && /^https?:\/\//i.test(spec.to);
  const tick = (): void => {
    scheduled = undefined;
    if (stopped || world.now > until) return;
    for (const from of sources) {
      let result: ConnectResult;
      try {
        result = world.withCause('traffic', () => connect(world, { from, to: spec.to }, affinity));
      } catch (err) {
        // A client pod that is gone (or not running yet) opens no connection: it is skipped,
        // not an error of the whole run.
        if (err instanceof NotFoundError) continue;
        throw err;
      }
      sent += 1;
      counts[result.outcome] += 1;
      metrics.recordOutcome(result.service ?? fallbackKey, world.now, result);
      // A URL's outcomes are also kept under its host, whichever Service a rule picked.
      if (isUrl && result.service !== undefined && result.service !== fallbackKey) {
        metrics.recordOutcome(fallbackKey, world.now, result);
      }
    }
    if (world.now + every <= until) {
      // A steady load is periodic activity: settle does not wait for it.
      scheduled = world.schedule(world.now + every, 'traffic', tick, { periodic: true });
    }
  };
  scheduled = world.schedule(world.now, 'traffic', tick, { periodic: true });
  return {
    get sent() {
      return sent;
    },
    get counts() {
      return { ...counts };
    },
    stop() {
      stopped = true;
      if (scheduled !== undefined) world.cancel(scheduled);
    },
  };
}
