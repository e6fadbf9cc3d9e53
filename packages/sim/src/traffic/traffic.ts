/**
 * A steady client load in virtual time: one new connection per source every `every`.
 * @packageDocumentation
 */
import type { WorldForkContext } from '../world/forkContext.js';
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
  const load = new SteadyLoad(world, metrics, affinity, {
    sources,
    to: spec.to,
    every,
    until,
    fallbackKey: serviceKeyOfTarget(spec.to, 'default'),
    isUrl: typeof spec.to === 'string' && /^https?:\/\//i.test(spec.to),
  });
  load.schedule(world.now);
  return load;
}

/** What a load sends, fixed when it starts. */
interface LoadPlan {
  readonly sources: readonly ConnectSource[];
  readonly to: string | LoadBalancerTarget;
  readonly every: number;
  readonly until: number;
  readonly fallbackKey: string;
  readonly isUrl: boolean;
}

/** A running load: its counts so far and its next tick (owned by the load, see `Scheduled`). */
class SteadyLoad implements TrafficHandle {
  readonly #world: TrafficHost;
  readonly #metrics: MetricsRecorder;
  readonly #affinity: AffinityTables;
  readonly #plan: LoadPlan;
  readonly #counts: Record<ConnectResult['outcome'], number> = {
    ok: 0,
    refused: 0,
    timeout: 0,
    nxdomain: 0,
    http_404: 0,
    http_502: 0,
    http_503: 0,
    http_504: 0,
  };
  #sent = 0;
  #stopped = false;
  #scheduled: number | undefined;

  constructor(
    world: TrafficHost,
    metrics: MetricsRecorder,
    affinity: AffinityTables,
    plan: LoadPlan,
  ) {
    this.#world = world;
    this.#metrics = metrics;
    this.#affinity = affinity;
    this.#plan = plan;
  }

  /** This load's copy in a fork: same plan, counts and pending tick, on the fork's World. */
  forkInto(ctx: WorldForkContext): SteadyLoad {
    const out = new SteadyLoad(
      ctx.copyOf(this.#world),
      ctx.copyOf(this.#metrics),
      ctx.copyOf(this.#affinity),
      this.#plan,
    );
    Object.assign(out.#counts, this.#counts);
    out.#sent = this.#sent;
    out.#stopped = this.#stopped;
    out.#scheduled = this.#scheduled;
    return out;
  }

  get sent(): number {
    return this.#sent;
  }

  get counts(): Readonly<Record<ConnectResult['outcome'], number>> {
    return { ...this.#counts };
  }

  stop(): void {
    this.#stopped = true;
    if (this.#scheduled !== undefined) this.#world.cancel(this.#scheduled);
  }

  /** Schedules the next tick at `at`. A steady load is periodic: settle does not wait for it. */
  schedule(at: number): void {
    this.#scheduled = this.#world.schedule(
      at,
      'traffic',
      this,
      (load) => {
        load.#tick();
      },
      { periodic: true },
    );
  }

  #tick(): void {
    const world = this.#world;
    const { sources, to, every, until, fallbackKey, isUrl } = this.#plan;
    this.#scheduled = undefined;
    if (this.#stopped || world.now > until) return;
    for (const from of sources) {
      let result: ConnectResult;
      try {
        result = world.withCause('traffic', () => connect(world, { from, to }, this.#affinity));
      } catch (err) {
        // A client pod that is gone (or not running yet) opens no connection: it is skipped,
        // not an error of the whole run.
        if (err instanceof NotFoundError) continue;
        throw err;
      }
      this.#sent += 1;
      this.#counts[result.outcome] += 1;
      this.#metrics.recordOutcome(result.service ?? fallbackKey, world.now, result);
      // A URL's outcomes are also kept under its host, whichever Service a rule picked.
      if (isUrl && result.service !== undefined && result.service !== fallbackKey) {
        this.#metrics.recordOutcome(fallbackKey, world.now, result);
      }
    }
    if (world.now + every <= until) this.schedule(world.now + every);
  }
}
