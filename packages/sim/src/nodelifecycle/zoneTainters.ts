/**
 * The per-zone NoExecute tainting queues of the node lifecycle controller and their drains,
 * scheduled at the exact instants tokens arrive (upstream runs `doNoExecuteTaintingPass` every
 * 100 ms; kubesim computes the instant instead).
 * @packageDocumentation
 */
import type { AgentHost, ScheduledId } from '../world/agentHost.js';
import { ZoneTaintQueue } from '@kubesim/core';

/** Taints one node at `t` (the controller decides which taint, or none). */
export type TaintNode = (nodeName: string, t: number) => void;

/**
 * Every zone's {@link ZoneTaintQueue}, created on demand at `nodeEvictionRate`, and at most one
 * scheduled drain per zone: at the next token while nodes wait at a positive rate.
 */
export class ZoneTainters {
  readonly #host: AgentHost;
  readonly #taint: TaintNode;
  readonly #label: string;
  readonly #queues = new Map<string, ZoneTaintQueue>();
  readonly #drains = new Map<string, { at: number; id: ScheduledId }>();

  /** @param label - prefix of the scheduled drains' labels. */
  constructor(host: AgentHost, taint: TaintNode, label: string) {
    this.#host = host;
    this.#taint = taint;
    this.#label = label;
  }

  /** The queue of `zone`. */
  /** A copy for a fork, on `host`, tainting through `taint`; pending drains keep their ids. */
  fork(host: AgentHost, taint: TaintNode): ZoneTainters {
    const out = new ZoneTainters(host, taint, this.#label);
    for (const [zone, q] of this.#queues) out.#queues.set(zone, q.fork());
    for (const [zone, d] of this.#drains) out.#drains.set(zone, { ...d });
    return out;
  }

  queue(zone: string): ZoneTaintQueue {
    let queue = this.#queues.get(zone);
    if (queue === undefined) {
      queue = new ZoneTaintQueue(this.#host.config.nodeEvictionRate);
      this.#queues.set(zone, queue);
    }
    return queue;
  }

  /** Removes `nodeName` from every queue. */
  removeEverywhere(nodeName: string): void {
    for (const queue of this.#queues.values()) queue.remove(nodeName);
  }

  /** Empties every queue. */
  clearAll(): void {
    for (const queue of this.#queues.values()) queue.clear();
  }

  /** Drains every zone at `t` (zones in name order) and reschedules their next drains. */
  drainAll(t: number): void {
    for (const zone of [...this.#queues.keys()].sort()) this.#drain(zone, t);
  }

  #drain(zone: string, t: number): void {
    const queue = this.#queues.get(zone);
    if (queue === undefined) return;
    for (let name = queue.take(t); name !== undefined; name = queue.take(t)) this.#taint(name, t);
    const next = queue.nextTakeAt(t);
    const pending = this.#drains.get(zone);
    if (pending !== undefined && pending.at === next) return;
    if (pending !== undefined) {
      this.#host.cancel(pending.id);
      this.#drains.delete(zone);
    }
    if (next === undefined) return;
    const id = this.#host.schedule(next, `${this.#label} taint zone=${zone}`, this, (tainters) => {
      tainters.#drains.delete(zone);
      tainters.#drain(zone, next);
    });
    this.#drains.set(zone, { at: next, id });
  }
}
