/**
 * Named one-shot schedules of a pod, so a newer plan replaces an older one.
 * @packageDocumentation
 */
import type { WorldForkContext } from '../world/forkContext.js';
import type { AgentHost, Scheduled, ScheduledId } from '../world/agentHost.js';

/**
 * Slots of scheduled callbacks on an {@link AgentHost}: setting a slot cancels what it held,
 * `clear*` cancel. Each callback gets the slots' owner (the pod worker) and is followed by `after`
 * (the pod's status flush), so everything one event changes is written once. The scheduled task
 * is owned by these Timers, so a fork runs it against its own copy (see `Scheduled`).
 */
export class Timers<O> {
  readonly #host: AgentHost;
  readonly #label: string;
  readonly #owner: O;
  readonly #after: () => void;
  readonly #slots = new Map<string, ScheduledId>();

  /**
   * @param label prefix of every schedule's label, e.g. `kubelet/node-1 default/web-x`.
   * @param owner what every callback gets (the pod worker).
   */
  constructor(host: AgentHost, label: string, owner: O, after: () => void) {
    this.#host = host;
    this.#label = label;
    this.#owner = owner;
    this.#after = after;
  }

  /**
   * Runs `fn` at `at` in `slot`, replacing what the slot held. `periodic` marks a step of a
   * steady loop (a crash loop at its back-off cap) that `settle` need not wait for. `fn` captures
   * only immutable data and reaches the rest through the owner it gets.
   */
  /**
   * Copies the pending slots of `from` (a fork's timers: the queue's events owned by `from` are
   * mapped to this copy, so the ids stay valid).
   */
  copySlots(from: Timers<O>): void {
    for (const [slot, id] of from.#slots) this.#slots.set(slot, id);
  }

  /** The copy made with its owner's copy in a fork. */
  forkInto(ctx: WorldForkContext): this {
    ctx.copyOf(this.#owner as object);
    return ctx.copyOf(this);
  }

  set(slot: string, at: number, fn: Scheduled<O>, opts?: { periodic?: boolean }): void {
    this.clear(slot);
    const id = this.#host.schedule(
      at,
      `${this.#label} ${slot}`,
      this,
      (timers) => {
        timers.#slots.delete(slot);
        fn(timers.#owner);
        timers.#after();
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
    // Deleting the entry being visited is safe while iterating a Map (no copy of the keys needed);
    // the slots are cancelled in insertion order, as before.
    for (const slot of this.#slots.keys()) {
      if (slot.startsWith(prefix)) this.clear(slot);
    }
  }
}
