/**
 * The server's watch cache: the recent store events with their resourceVersions, so a watch can
 * resume from a version, and a version older than the window is 410 Gone
 * (staging/src/k8s.io/apiserver/pkg/storage/cacher/watch_cache.go, in our own words).
 * @packageDocumentation
 */
import type { Store, StoreEvent } from '@kubesim/core';

/** A store event as watchers see it. */
export type HubEvent = StoreEvent;

/** A hub subscriber. */
export type HubListener = (ev: HubEvent) => void;

/** Outcome of {@link WatchHub.since}. */
export type SinceResult =
  | { readonly gone: true; readonly oldest: number }
  | { readonly gone: false; readonly events: readonly HubEvent[] };

/** Keeps the last `capacity` store events and fans new ones out to live watches. */
export class WatchHub {
  readonly #capacity: number;
  readonly #ring: HubEvent[] = [];
  readonly #listeners = new Set<HubListener>();
  readonly #unsubscribe: () => void;
  /** The resourceVersion when the hub started: events after it are all in the ring until it wraps. */
  #floor: number;

  constructor(store: Store, capacity: number) {
    this.#capacity = Math.max(1, capacity);
    this.#floor = store.resourceVersion;
    this.#unsubscribe = store.watch((ev) => {
      this.#ring.push(ev);
      if (this.#ring.length > this.#capacity) {
        const dropped = this.#ring.shift();
        if (dropped !== undefined) this.#floor = dropped.resourceVersion;
      }
      for (const l of [...this.#listeners]) l(ev);
    });
  }

  /**
   * The events after `rv` of `kind`, or gone when `rv` is older than what the hub keeps
   * (a watch from `rv` would miss events).
   */
  since(rv: number, kind: string): SinceResult {
    if (rv < this.#floor) return { gone: true, oldest: this.#floor + 1 };
    return {
      gone: false,
      events: this.#ring.filter((e) => e.resourceVersion > rv && e.kind === kind),
    };
  }

  /** Subscribes to new events; returns an unsubscribe. */
  subscribe(listener: HubListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops listening to the store. */
  close(): void {
    this.#unsubscribe();
    this.#listeners.clear();
  }
}
