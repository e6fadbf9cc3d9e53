/**
 * Each node's agents (its {@link NodeHost} and kubelet), shared between a World and its forks
 * until one of them touches them: copy on first touch, in the parent as in the fork.
 * @packageDocumentation
 */
import type { KubeletAgent } from './agentHost.js';
import { WorldForkContext } from './forkContext.js';
import type { NodeHost } from './nodeHost.js';

/**
 * The node agents of one World by node name (join order), readable as a map of kubelets.
 *
 * A node's agents form a closed unit: the kubelet, its pod workers, their timers and containers,
 * its lease clock and address pool, and the NodeHost they all reach the World through. Forking
 * copies none of them. Instead each table has an epoch (an identity, no number): a host stamped
 * with the table's current epoch is this World's own and may change; any other host — one made
 * before the last fork, by either side, or a parent's — is shared and read-only. `fork` gives the
 * parent a new epoch, so after a fork both sides see every unit as shared, and whichever side
 * touches a unit first (runs one of its tasks, gets its kubelet) copies it, once, with one
 * {@link WorldForkContext} per unit that also maps its pending tasks' owners.
 */
export class NodeAgents implements ReadonlyMap<string, KubeletAgent> {
  readonly #world: object;
  #hosts: Map<string, NodeHost>;
  /** `#hosts` is shared with a fork (or its parent): copied before it changes. */
  #hostsShared = false;
  /** For each shared host this World copied: the context that made its unit's copy. */
  readonly #copies = new WeakMap<NodeHost, WorldForkContext>();
  #epoch: object = {};

  /**
   * @param world - the World the hosts of this table act on (copies are made onto it).
   * @param from - the table this one continues, in a fork: its units are shared, not copied.
   */
  constructor(world: object, from?: NodeAgents) {
    this.#world = world;
    if (from === undefined) this.#hosts = new Map();
    else {
      this.#hosts = from.#hosts;
      this.#hostsShared = true;
      from.#hostsShared = true;
    }
  }

  /**
   * After a fork: every unit this table holds is now shared with the fork, so the next change to
   * one copies it first (the fork's table has its own epoch already).
   */
  share(): void {
    this.#epoch = {};
  }

  /** Adds a new node's agents (this World's own). */
  add(name: string, host: NodeHost, kubelet: KubeletAgent): void {
    host.kubelet = kubelet;
    host.agentEpoch = this.#epoch;
    this.#writableHosts().set(name, host);
  }

  /** Drops a node (its pending tasks still run against its agents, copied if shared). */
  delete(name: string): boolean {
    return this.#hosts.has(name) && this.#writableHosts().delete(name);
  }

  /** The node's host, this World's own (copied first if shared). */
  host(name: string): NodeHost | undefined {
    const host = this.#hosts.get(name);
    return host === undefined ? undefined : this.#own(host);
  }

  /**
   * The node's host as the table holds it, possibly shared (read-only): for scheduling a task
   * that names it, which {@link NodeAgents.resolve} maps when it runs.
   */
  shared(name: string): NodeHost | undefined {
    return this.#hosts.get(name);
  }

  /**
   * The first node whose kubelet cannot be copied (a custom kubelet factory's agent with neither
   * `forkInto` nor `fork`), read without copying anything: a fork refuses up front what its first
   * touch of that node could not copy.
   */
  firstUnforkable(): string | undefined {
    for (const [name, host] of this.#hosts) {
      const k = host.kubelet as Partial<{ forkInto: unknown; fork: unknown }> | undefined;
      if (k !== undefined && typeof k.forkInto !== 'function' && typeof k.fork !== 'function') {
        return name;
      }
    }
    return undefined;
  }

  /** The node's kubelet, this World's own (copied first if shared). */
  get(name: string): KubeletAgent | undefined {
    return this.host(name)?.kubelet;
  }

  has(name: string): boolean {
    return this.#hosts.has(name);
  }

  get size(): number {
    return this.#hosts.size;
  }

  keys(): MapIterator<string> {
    return this.#hosts.keys();
  }

  /** Every node's kubelet (all copied first if shared: prefer `keys` and `get`). */
  entries(): MapIterator<[string, KubeletAgent]> {
    const out = new Map<string, KubeletAgent>();
    for (const name of [...this.#hosts.keys()]) {
      const kubelet = this.get(name);
      if (kubelet !== undefined) out.set(name, kubelet);
    }
    return out.entries();
  }

  values(): MapIterator<KubeletAgent> {
    return new Map(this.entries()).values();
  }

  [Symbol.iterator](): MapIterator<[string, KubeletAgent]> {
    return this.entries();
  }

  forEach(
    fn: (value: KubeletAgent, key: string, map: ReadonlyMap<string, KubeletAgent>) => void,
  ): void {
    for (const [name, kubelet] of this.entries()) fn(kubelet, name, this);
  }

  /**
   * The owner a task scheduled through `host` acts on in this World: `owner` itself when `host`
   * is this World's own, else the copy of `owner` in this World's copy of the unit (made now if
   * needed).
   */
  resolve<O extends object>(host: NodeHost, owner: O): O {
    let h = host;
    let o = owner;
    while (h.agentEpoch !== this.#epoch) {
      const ctx = this.#copies.get(h) ?? this.#copyUnit(h);
      o = ctx.copyOf(o);
      h = ctx.copyOf(h);
    }
    return o;
  }

  /**
   * The latest version of a task's host and owner this World made, without copying anything new
   * (for a fork's queue: the fork must start from the state the parent has now, not from a unit
   * the parent has since copied).
   */
  current<O extends object>(host: NodeHost, owner: O): [NodeHost, O] {
    let h = host;
    let o = owner;
    for (let ctx = this.#copies.get(h); ctx !== undefined; ctx = this.#copies.get(h)) {
      o = ctx.copyOf(o);
      h = ctx.copyOf(h);
    }
    return [h, o];
  }

  #own(host: NodeHost): NodeHost {
    return host.agentEpoch === this.#epoch ? host : this.resolve(host, host);
  }

  /** Copies the shared unit of `host` onto this World (and into the table if it holds it). */
  #copyUnit(host: NodeHost): WorldForkContext {
    const ctx = new WorldForkContext();
    ctx.remember(host.world, this.#world);
    const kubelet = host.kubelet === undefined ? undefined : ctx.copyOf(host.kubelet);
    const copy = ctx.copyOf(host);
    copy.kubelet = kubelet;
    copy.agentEpoch = this.#epoch;
    this.#copies.set(host, ctx);
    if (this.#hosts.get(host.node) === host) this.#writableHosts().set(host.node, copy);
    return ctx;
  }

  #writableHosts(): Map<string, NodeHost> {
    if (this.#hostsShared) {
      this.#hosts = new Map(this.#hosts);
      this.#hostsShared = false;
    }
    return this.#hosts;
  }
}
