/**
 * The undo journal and pending watch events of the store's transactions.
 * @packageDocumentation
 */
import type { StoreEvent } from './view.js';
import type { StoredObject } from './types.js';

/** One change to the tables: what was at `kind`/`key` before and after. */
export interface JournalEntry {
  readonly kind: string;
  readonly key: string;
  readonly previous: StoredObject | undefined;
  readonly next: StoredObject | undefined;
}

/** A point to roll back to: the journal length, pending events and resourceVersion at entry. */
export interface Savepoint {
  readonly journal: number;
  readonly events: number;
  readonly resourceVersion: number;
}

/**
 * Journal and event buffer of the running transaction. Nested transactions take savepoints;
 * only the outermost one commits (delivering events) or discards everything.
 */
export class TransactionLog {
  /** Nesting depth; 0 outside any transaction. */
  depth = 0;
  /** Changes since the outermost transaction began, in order. */
  readonly journal: JournalEntry[] = [];
  /** Watch events of the running transaction, delivered at its commit. */
  readonly pending: StoreEvent[] = [];

  /** A savepoint at the current position. */
  savepoint(resourceVersion: number): Savepoint {
    return { journal: this.journal.length, events: this.pending.length, resourceVersion };
  }

  /** Removes and returns the journal entries after `sp`, newest first, and drops their events. */
  unwindTo(sp: Savepoint): JournalEntry[] {
    const undone = this.journal.splice(sp.journal).reverse();
    this.pending.length = sp.events;
    return undone;
  }

  /** Ends the outermost transaction: clears the journal and hands over the events. */
  drain(): StoreEvent[] {
    this.journal.length = 0;
    return this.pending.splice(0);
  }
}

/**
 * Delivers events to listeners synchronously and in order. A listener that writes to the store
 * during delivery has its events queued behind the ones being delivered, so every listener sees
 * one global order.
 */
export class EventDelivery {
  private readonly listeners = new Set<(ev: StoreEvent) => void>();
  private readonly queue: StoreEvent[] = [];
  private delivering = false;

  /** True while events are being delivered (a listener is running). */
  get busy(): boolean {
    return this.delivering;
  }

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: (ev: StoreEvent) => void): () => void {
    const wrapped = (ev: StoreEvent): void => {
      listener(ev);
    };
    this.listeners.add(wrapped);
    return () => {
      this.listeners.delete(wrapped);
    };
  }

  /** Delivers `events` after any still queued. The first listener error is rethrown at the end. */
  deliver(events: readonly StoreEvent[]): void {
    if (events.length === 0) return;
    this.queue.push(...events);
    if (this.delivering) return;
    this.delivering = true;
    let failure: { error: unknown } | undefined;
    try {
      for (let i = 0; i < this.queue.length; i++) {
        const ev = this.queue[i];
        if (ev === undefined) continue;
        for (const listener of [...this.listeners]) {
          try {
            listener(ev);
          } catch (error) {
            failure ??= { error };
          }
        }
      }
    } finally {
      this.queue.length = 0;
      this.delivering = false;
    }
    if (failure !== undefined) throw failure.error;
  }
}
