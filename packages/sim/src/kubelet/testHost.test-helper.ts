/**
 * Test helpers (not exported): a tiny AgentHost over a core Store and the engine's EventQueue,
 * and a recorder of pod status writes.
 * @packageDocumentation
 */
import { DEFAULT_START_TIME_MS, Store, formatTimestamp } from '@kubesim/core';
import type { Condition, Pod, PodInput, StoreEvent } from '@kubesim/core';
import { EventQueue, RandomStreams, defaultSimConfig } from '../engine/index.js';
import type { RandomStream, SimConfig } from '../engine/index.js';
import type { AgentHost, NodeAgent, Scheduled, ScheduledId } from '../world/agentHost.js';

interface Task {
  readonly label: string;
  readonly fn: () => void;
}

/** One pod status the store accepted, with the virtual time it was written. */
export interface StatusWrite {
  readonly t: number;
  readonly pod: Pod;
}

/**
 * A minimal event loop: schedules run in (time, sequence) order, `now` advances to each event's
 * time. Pod events reach registered agents at once (a kubelet watch delay of 0), as an event.
 */
export class TestHost implements AgentHost {
  now = 0;
  readonly config: Readonly<SimConfig>;
  readonly store: Store;
  /** Every Pod event the store emitted, with time. */
  readonly podEvents: { t: number; ev: StoreEvent }[] = [];
  readonly #queue = new EventQueue<Task>();
  readonly #labels = new Map<number, string>();
  readonly #streams = new RandomStreams(1);
  readonly #agents: NodeAgent[] = [];

  constructor(config: Partial<SimConfig> = {}) {
    this.config = { ...defaultSimConfig, ...config };
    this.store = new Store({ config: this.config, clock: () => this.now });
    this.store.watch((ev) => {
      if (ev.kind !== 'Pod') return;
      this.podEvents.push({ t: this.now, ev });
      const pod = ev.object as Pod;
      const node = pod.spec.nodeName ?? (ev.oldObject as Pod | undefined)?.spec.nodeName;
      for (const agent of this.#agents) {
        if (agent.nodeName !== node) continue;
        this.schedule(this.now, `watch ${ev.key}`, agent, (a) => {
          a.onPodEvent(ev);
        });
      }
    });
  }

  /** Delivers Pod events of its node to `agent` from now on. */
  register(agent: NodeAgent): void {
    this.#agents.push(agent);
  }

  schedule<O extends object>(at: number, label: string, owner: O, fn: Scheduled<O>): ScheduledId {
    if (at < this.now) throw new Error(`scheduled in the past: ${label} at ${at} < ${this.now}`);
    const id = this.#queue.push(at, {
      label,
      fn: () => {
        fn(owner);
      },
    });
    this.#labels.set(id, label);
    return id;
  }

  cancel(id: ScheduledId): boolean {
    this.#labels.delete(id);
    return this.#queue.cancel(id);
  }

  random(stream: string): RandomStream {
    return this.#streams.stream(stream);
  }

  /** Pending events. */
  get pending(): number {
    return this.#queue.size;
  }

  /** Labels of pending events (for failure messages). */
  pendingLabels(): string[] {
    return [...this.#labels.values()];
  }

  /** Runs every event due at or before `t`, then sets now to `t`. */
  runUntil(t: number): void {
    for (;;) {
      const next = this.#queue.peekTime();
      if (next === undefined || next > t) break;
      const seq = this.#queue.peekSeq() ?? -1;
      const task = this.#queue.pop();
      this.#labels.delete(seq);
      this.now = next;
      task?.fn();
    }
    this.now = t;
  }

  /** Runs `ms` of virtual time. */
  runFor(ms: number): void {
    this.runUntil(this.now + ms);
  }

  /** Runs `fn` at virtual time `t` (absolute). */
  at(t: number, fn: () => void): void {
    this.schedule(t, 'test', this, fn);
  }

  /** A Ready node with an InternalIP. */
  addNode(name: string, ip = '172.16.0.11'): void {
    this.store.create({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name },
      spec: {},
      status: { addresses: [{ type: 'InternalIP', address: ip }] },
    });
  }

  /** Creates a pod bound to `nodeName` (`spec` merged over one nginx container named app). */
  createPod(
    name: string,
    nodeName: string,
    opts: {
      behavior?: string;
      spec?: Record<string, unknown>;
      container?: Record<string, unknown>;
    } = {},
  ): Pod {
    const manifest: PodInput = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: 'default',
        ...(opts.behavior === undefined
          ? {}
          : { annotations: { 'kubesim.io/behavior': opts.behavior } }),
      },
      spec: {
        nodeName,
        containers: [{ name: 'app', image: 'nginx', ...opts.container }],
        ...opts.spec,
      },
    };
    return this.store.create(manifest) as Pod;
  }

  /** Status writes of one pod, in order. */
  statusWrites(name: string): StatusWrite[] {
    return this.podEvents
      .filter((e) => e.ev.type === 'MODIFIED' && e.ev.key === `default/${name}`)
      .map((e) => ({ t: e.t, pod: e.ev.object as Pod }));
  }

  /** When the pod was removed from the store, if it was. */
  removedAt(name: string): number | undefined {
    return this.podEvents.find((e) => e.ev.type === 'DELETED' && e.ev.key === `default/${name}`)?.t;
  }

  /** The live pod. */
  pod(name: string): Pod | undefined {
    return this.store.get('Pod', `default/${name}`);
  }

  /** Events recorded about a pod: reason and message. */
  events(name: string): { reason: string; message: string; type: string }[] {
    return this.store
      .list('Event', { namespace: 'default' })
      .filter((e) => e.involvedObject.name === name)
      .map((e) => ({ reason: e.reason, message: e.message, type: e.type }));
  }
}

/** The condition of `type`, if present. */
export function condition(pod: Pod | undefined, type: string): Condition | undefined {
  return pod?.status.conditions?.find((c) => c.type === type);
}

/** The first write time at which `pred` holds of the pod, if any. */
export function firstWhen(
  writes: readonly StatusWrite[],
  pred: (p: Pod) => boolean,
  after = -1,
): number | undefined {
  return writes.find((w) => w.t > after && pred(w.pod))?.t;
}

/** Virtual ms → the RFC 3339 timestamp objects carry (default start time). */
export function ts(ms: number): string {
  return formatTimestamp(DEFAULT_START_TIME_MS + ms);
}
