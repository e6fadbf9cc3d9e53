/**
 * Named one-shot schedules of a pod, so a newer plan replaces an older one.
 * @packageDocumentation
 */
import type { AgentHost, ScheduledId } from '../world/agentHost.js';

/**
 * Slots of scheduled callbacks on an {@link AgentHost}: setting a slot cancels what it held,
 * `clear*` cancel. Each callback is followed by `after` (the pod's status flush), so everything
 * one event changes is written once.
 */
export class Timers {
  readonly #host: AgentHost;
  readonly #label: string;
  readonly #after: () => void;
  readonly #slots = new Map<string, ScheduledId>();

  /** @param label prefix of every schedule's label, e.g. `kubelet/node-1 default/web-x`. */
  constructor(host: AgentHost, label: string, after: () => void) {
    this.#host = host;
    this.#label = label;
    this.#after = after;
  }

  /**
   * Runs `fn` at `at` in `slot`, replacing what the slot held. `periodic` marks a step of a
   * steady loop (a crash loop at its back-off cap) that `settle` need not wait for.
   */
  set(slot: string, at: number, fn: () => void, opts?: { periodic?: boolean }): void {
    this.clear(slot);
    const id = this.#host.schedule(
      at,
      `${this.#label} ${slot}`,
      () => {
        this.#slots.delete(slot);
        fn();
        this.#after();
      },
      opts,
    );
    this.#slots.set(slot, id);
  }

  /** Whether `slot` holds a pending callback. */
  has(slot: string): boolean {
    return this.#slots.has(slot);
  }

  /** Cancels `slot`. */
  clear(slot: string): void {
    const id = this.#slots.get(slot);
    if (id === undefined) return;
    this.#host.cancel(id);
    this.#slots.delete(slot);
  }

  /** Cancels every slot whose name starts with `prefix` (all slots with ''). */
  clearPrefix(prefix: string): void {
    for (const slot of [...this.#slots.keys()]) {
      if (slot.startsWith(prefix)) this.clear(slot);
    }
  }
}
