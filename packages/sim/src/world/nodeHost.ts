/**
 * The AgentHost a node's kubelet gets. While the node is cut off from the control plane its API
 * writes do not arrive: they are held (latest status per object, like the kubelet's status
 * manager) and sent when the partition heals, against the objects as they are then.
 * @packageDocumentation
 */
import { KubesimError, type Store } from '@kubesim/core';
import type { RandomStream, SimConfig } from '../engine/index.js';
import type { WorldForkContext } from './forkContext.js';
import type { AgentHost, KubeletAgent, Scheduled, ScheduledId } from './agentHost.js';

/** The part of the World a NodeHost delegates to. */
export interface NodeHostWorld extends AgentHost {
  readonly nodesPartitioned: ReadonlySet<string>;
  /**
   * Schedules a task of `host`'s node agents: a World that shares them with a fork (see
   * NodeAgents) runs it against its own copy of `owner`.
   */
  scheduleAgent<O extends object>(
    host: NodeHost,
    at: number,
    label: string,
    owner: O,
    fn: Scheduled<O>,
    opts?: { periodic?: boolean },
  ): ScheduledId;
}

/**
 * A write held while the node is cut off. It acts on the store it is flushed to and captures only
 * immutable data (the written object), so a fork of the simulation can carry it over.
 */
type Held = (store: Store) => void;

interface StatusWrite {
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly uid: string };
  readonly status?: unknown;
}

/** The store key of a written object. */
const keyOf = (o: StatusWrite): string =>
  o.metadata.namespace === undefined
    ? o.metadata.name
    : `${o.metadata.namespace}/${o.metadata.name}`;

/** A node's view of the simulation. */
export class NodeHost implements AgentHost {
  readonly #world: NodeHostWorld;
  readonly #node: string;
  /** The node's kubelet (set when the World adds the node). */
  kubelet: KubeletAgent | undefined;
  /**
   * Which generation of its World's node agents holds this host and its kubelet: set by
   * NodeAgents; anything else than the table's current epoch means shared with a fork.
   */
  agentEpoch: object | undefined;
  readonly #held = new Map<string, Held>();
  readonly #cutStore: Store;

  constructor(world: NodeHostWorld, node: string) {
    this.#world = world;
    this.#node = node;
    const held = this.#held;
    const live = world.store;
    // Writes while cut off are held; reads go to the live store (a documented simplification: a
    // real kubelet would read its stale informer cache).
    this.#cutStore = new Proxy(live, {
      get(target, prop, receiver) {
        switch (prop) {
          case 'updateStatus':
            return (obj: StatusWrite) => {
              held.set(`status ${obj.kind} ${keyOf(obj)}`, (store) => {
                // Against the object as it is now: the status manager re-reads before it writes.
                const current = store.get(obj.kind as 'Pod', keyOf(obj));
                if (current === undefined || current.metadata.uid !== obj.metadata.uid) return;
                store.updateStatus({ ...current, status: obj.status as typeof current.status });
              });
              return obj;
            };
          case 'remove':
            return (kind: string, key: string, opts?: { uid?: string }) => {
              held.delete(`status ${kind} ${key}`);
              held.set(`remove ${kind} ${key}`, (store) => {
                store.remove(kind, key, opts);
              });
            };
          case 'create':
          case 'update':
          case 'apply':
          case 'delete':
            return () => {
              throw new KubesimError('Unavailable', `node ${node} cannot reach the API server`);
            };
          case 'recordEvent':
            return (...args: Parameters<Store['recordEvent']>) => {
              held.set(`event ${held.size}`, (store) => {
                store.recordEvent(...args);
              });
              return undefined;
            };
          default: {
            const value: unknown = Reflect.get(target, prop, receiver);
            return typeof value === 'function'
              ? (value as (...a: unknown[]) => unknown).bind(target)
              : value;
          }
        }
      },
    });
  }

  /** This host's copy in a fork, on the fork's World, holding the same writes. */
  forkInto(ctx: WorldForkContext): NodeHost {
    const out = new NodeHost(ctx.copyOf(this.#world), this.#node);
    for (const [k, v] of this.#held) out.#held.set(k, v);
    return out;
  }

  /** The World this host acts on. */
  get world(): NodeHostWorld {
    return this.#world;
  }

  /** The node's name. */
  get node(): string {
    return this.#node;
  }

  get now(): number {
    return this.#world.now;
  }

  get config(): Readonly<SimConfig> {
    return this.#world.config;
  }

  get store(): Store {
    return this.#world.nodesPartitioned.has(this.#node) ? this.#cutStore : this.#world.store;
  }

  schedule<O extends object>(
    at: number,
    label: string,
    owner: O,
    fn: Scheduled<O>,
    opts?: { periodic?: boolean },
  ): ScheduledId {
    return this.#world.scheduleAgent(this, at, label, owner, fn, opts);
  }

  cancel(id: ScheduledId): boolean {
    return this.#world.cancel(id);
  }

  random(stream: string): RandomStream {
    return this.#world.random(stream);
  }

  /** The partition healed: send what was held, in order, against the live objects. */
  flushHeld(): void {
    const writes = [...this.#held.values()];
    this.#held.clear();
    for (const write of writes) {
      try {
        write(this.#world.store);
      } catch (err) {
        // The object changed or went away meanwhile: the kubelet's next sync settles it.
        if (!(err instanceof KubesimError)) throw err;
      }
    }
  }
}
