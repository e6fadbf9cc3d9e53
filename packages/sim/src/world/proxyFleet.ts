/**
 * Every node's kube-proxy view of Services and EndpointSlices, delayed and batched by
 * minSyncPeriod (DESIGN.md "Defaults"): the first change after a quiet period applies at once,
 * later ones wait for the next allowed sync.
 *
 * All nodes with the same delay settings see the same sequence of syncs, so they share one
 * `ProxyState`; a node whose view must diverge (cut off from the control plane) gets its own frozen
 * copy of the shared view as it was when it was cut off.
 * @packageDocumentation
 */
import { ProxyState, type EndpointSlice, type Service, type StoreEvent } from '@kubesim/core';
import { MinSyncBatcher } from '../engine/index.js';
import type { SimConfig } from '../engine/index.js';
import type { AgentHost } from './agentHost.js';

/** What the kube-proxy fleet needs of the simulation (the World provides it). */
export interface ProxyFleetHost extends Pick<AgentHost, 'now' | 'schedule'> {
  readonly config: Pick<SimConfig, 'proxyMinSyncPeriod'>;
  /** kube-proxy's watch delay, sampled once per change. */
  proxyWatchDelay(): number;
  /** Appends an activity entry (not an object change) to the trace. */
  traceActivity(cause: string, type: string, detail?: Record<string, unknown>): void;
  /** Told after every sync, when the views changed. */
  afterProxySync(): void;
  /** The outside-traffic model, told after the listeners above. */
  readonly external: { proxiesSynced(): void } | undefined;
}

interface PendingChange {
  readonly seenAt: number;
  readonly ev: StoreEvent;
}

/** kube-proxy on every node. */
export class ProxyFleet {
  readonly #world: ProxyFleetHost;
  readonly #shared: ProxyState;
  readonly #batcher: MinSyncBatcher;
  #pending: PendingChange[] = [];
  readonly #frozen = new Map<string, ProxyState>();
  /** Number of syncs performed (each applies every change seen so far). */
  syncs = 0;

  constructor(world: ProxyFleetHost, shared?: ProxyState, batcher?: MinSyncBatcher) {
    this.#world = world;
    this.#shared = shared ?? new ProxyState();
    this.#batcher = batcher ?? new MinSyncBatcher(world.config.proxyMinSyncPeriod);
  }

  /**
   * The fleet of a fork of the simulation, on `world`: the shared view copied, the frozen views
   * shared (they never change until dropped), the pending changes and the sync batcher copied.
   * Pending watch arrivals and syncs are owned by this fleet: the fork's queue maps them to the
   * copy.
   */
  fork(world: ProxyFleetHost): ProxyFleet {
    const copy = new ProxyFleet(world, this.#shared.clone(), this.#batcher.clone());
    copy.#pending = this.#pending.slice();
    for (const [node, view] of this.#frozen) copy.#frozen.set(node, view);
    copy.syncs = this.syncs;
    return copy;
  }

  /** Feeds a Service or EndpointSlice store event. */
  observe(ev: StoreEvent): void {
    const world = this.#world;
    const delay = world.proxyWatchDelay();
    const seenAt = world.now + delay;
    if (delay === 0) this.#arrive(seenAt, ev);
    else {
      world.schedule(seenAt, 'kube-proxy watch', this, (fleet) => {
        fleet.#arrive(seenAt, ev);
      });
    }
  }

  #arrive(seenAt: number, ev: StoreEvent): void {
    this.#pending.push({ seenAt, ev });
    const req = this.#batcher.request(this.#world.now);
    if (req.isNew) {
      this.#world.schedule(req.at, 'kube-proxy sync', this, (fleet) => {
        fleet.#sync();
      });
    }
  }

  #sync(): void {
    const now = this.#world.now;
    const ready = this.#pending.filter((p) => p.seenAt <= now);
    this.#pending = this.#pending.filter((p) => p.seenAt > now);
    for (const { ev } of ready) {
      applyTo(this.#shared, ev);
    }
    this.#batcher.synced(now);
    this.syncs += 1;
    this.#world.traceActivity('kube-proxy', 'ProxySync', { changes: ready.length });
    this.#world.afterProxySync();
    this.#world.external?.proxiesSynced();
  }

  /** The view kube-proxy on `nodeName` routes from at this instant. */
  stateFor(nodeName: string): ProxyState {
    return this.#frozen.get(nodeName) ?? this.#shared;
  }

  /** Freezes `nodeName`'s view as it is now (the node lost its control-plane connection). */
  freeze(nodeName: string): void {
    if (this.#frozen.has(nodeName)) return;
    this.#frozen.set(nodeName, this.#shared.clone({ nodeName }));
  }

  /** Lets `nodeName` follow the shared view again (its watch reconnected and relisted). */
  unfreeze(nodeName: string): void {
    this.#frozen.delete(nodeName);
  }
}

function applyTo(state: ProxyState, ev: StoreEvent): void {
  if (ev.kind === 'Service') state.applyService(ev.type, ev.object as Service);
  else if (ev.kind === 'EndpointSlice') state.applySlice(ev.type, ev.object as EndpointSlice);
}
