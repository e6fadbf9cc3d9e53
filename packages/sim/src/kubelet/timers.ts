/**
 * Named one-shot schedules of a pod, so a newer plan replaces an older one.
 * @packageDocumentation
 */
import type { WorldForkContext } from '../world/forkContext.js';
import type { AgentHost, Scheduled, ScheduledId } from '../world/agentHost.js';

/** What the owner of {@link Timers} provides (the pod worker). */
export interface TimersOwner {
  /** Prefix of every schedule's label, e.g. `kubelet/node-1 default/web-x` (built on demand). */
  timersLabel(): string;
  /** Runs after every callback (the pod's status flush). */
  flush(): void;
}

/**
 * Slots of scheduled callbacks on an {@link AgentHost}: setting a slot cancels what it held,
 * `clear*` cancel. Each callback gets the slots' owner (the pod worker) and is followed by the
 * owner's `flush` (the pod's status flush), so everything one event changes is written once. The
 * scheduled task is owned by these Timers, so a fork runs it against its own copy (see
 * `Scheduled`).
 *
 * Memory: one per pod, so it keeps no label (the owner builds it when a schedule is made), no
 * closure, and its pending slots as a flat `[slot, id, slot, id, …]` list in insertion order
 * that exists only while a slot is pending (a settled healthy pod has none).
 */
export class Timers<O extends TimersOwner> {
  readonly #host: AgentHost;
  readonly #owner: O;
  /** Pending slots, `[slot, id, …]` in the order they were set; undefined when none. */
  #slots: (string | ScheduledId)[] | undefined = undefined;

  /** @param owner what every callback gets (the pod worker). */
  constructor(host: AgentHost, owner: O) {
    this.#host = host;
    this.#owner = owner;
  }

  /**
   * Copies the pending slots of `from` (a fork's timers: the queue's events owned by `from` are
   * mapped to this copy, so the ids stay valid).
   */
  copySlots(from: Timers<O>): void {
    this.#slots = from.#slots?.slice();
  }

  /** The copy made with its owner's copy in a fork. */
  forkInto(ctx: WorldForkContext): this {
    ctx.copyOf(this.#owner);
    return ctx.copyOf(this);
  }

  /**
   * Runs `fn` at `at` in `slot`, replacing what the slot held. `periodic` marks a step of a
   * steady loop (a crash loop at its back-off cap) that `settle` need not wait for. `fn` captures
   * only immutable data and reaches the rest through the owner it gets.
   */
  set(slot: string, at: number, fn: Scheduled<O>, opts?: { periodic?: boolean }): void {
    this.clear(slot);
    const id = this.#host.schedule(
      at,
      `${this.#owner.timersLabel()} ${slot}`,
      this,
      (timers) => {
        timers.#delete(slot);
        fn(timers.#owner);
        timers.#owner.flush();
      },
      opts,
    );
    (this.#slots ??= []).push(slot, id);
  }

  /** Index of `slot` in the pending list, -1 when not pending. */
  #find(slot: string): number {
    const s = this.#slots;
    if (s === undefined) return -1;
    for (let i = 0; i < s.length; i += 2) if (s[i] === slot) return i;
    return -1;
  }

  /** Forgets `slot` (no cancel). */
  #delete(slot: string): void {
    const i = this.#find(slot);
    if (i >= 0) this.#removeAt(i);
  }

  #removeAt(i: number): void {
    const s = this.#slots as (string | ScheduledId)[];
    if (s.length === 2) this.#slots = undefined;
    else s.splice(i, 2);
  }

  /** Whether `slot` holds a pending callback. */
  has(slot: string): boolean {
    return this.#find(slot) >= 0;
  }

  /** Cancels `slot`. */
  clear(slot: string): void {
    const i = this.#find(slot);
    if (i < 0) return;
    this.#host.cancel((this.#slots as (string | ScheduledId)[])[i + 1] as ScheduledId);
    this.#removeAt(i);
  }

  /** Cancels every slot whose name starts with `prefix` (all slots with ''), in the order set. */
  clearPrefix(prefix: string): void {
    let i = 0;
    for (let s = this.#slots; s !== undefined && i < s.length; s = this.#slots) {
      const slot = s[i] as string;
      if (!slot.startsWith(prefix)) {
        i += 2;
        continue;
      }
      this.#host.cancel(s[i + 1] as ScheduledId);
      this.#removeAt(i);
    }
  }
}
