/**
 * Runs one core `Controller` in virtual time: store events become keys after the controller's
 * watch delay, a de-duplicating queue feeds `reconcile`, and plans are applied through admission.
 * @packageDocumentation
 */
import {
  BudgetExceededError,
  ValidationError,
  WorkQueue,
  type Controller,
  type FieldIssue,
  type StoreEvent,
} from '@kubesim/core';
import type { SimConfig } from '../engine/index.js';
import type { AgentHost } from './agentHost.js';
import { applyPlan, type PlanHost } from './applyPlan.js';
import type { WorldForkContext } from './forkContext.js';

/** What a controller runtime needs of the simulation (the World provides it). */
export interface ControllerRuntimeHost
  extends Pick<AgentHost, 'now' | 'store' | 'schedule' | 'cancel'>, PlanHost {
  readonly config: Pick<SimConfig, 'maxReconcilesPerKeyPerInstant'>;
}

/**
 * Throws ValidationError unless `c` has what the runtime calls (a name, `keysFor`, `reconcile`),
 * so a malformed controller is refused when it is added, not on the next store change.
 */
function assertController(c: unknown): asserts c is Controller {
  const o = (typeof c === 'object' && c !== null ? c : {}) as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  if (typeof o['name'] !== 'string' || o['name'] === '') {
    issues.push({
      path: 'name',
      type: 'FieldValueRequired',
      message: 'Required value: a non-empty string',
    });
  }
  for (const [f, sig] of [
    ['keysFor', '(event, view) => keys'],
    ['reconcile', '(view, key, now) => plan'],
  ] as const) {
    if (typeof o[f] !== 'function') {
      issues.push({
        path: f,
        type: 'FieldValueRequired',
        message: `Required value: a function ${sig}`,
      });
    }
  }
  if (issues.length > 0) {
    throw new ValidationError(
      issues,
      'Controller',
      typeof o['name'] === 'string' ? o['name'] : undefined,
    );
  }
}

/** The runtime of one controller inside the World. */
export class ControllerRuntime {
  readonly controller: Controller;
  readonly #world: ControllerRuntimeHost;
  readonly #delay: () => number;
  #ready = new WorkQueue();
  #syncScheduled = false;
  /** True while this runtime applies a plan: the store changes then are the controller's own. */
  #applying = false;
  /** Pending requeue timers by key: [time, scheduled id]. */
  #requeues = new Map<string, readonly [number, number]>();
  #countsAt = -1;
  #counts = new Map<string, number>();
  /** Reconciles done in the whole run (for metrics and benches). */
  reconciles = 0;

  readonly #trusted: boolean;
  // Labels and the sync task, built once instead of per event.
  readonly #watchLabel: string;
  readonly #syncLabel: string;
  // One task for every sync; it acts on the runtime the queue hands it (a fork's copy included).
  static readonly #runSync = (rt: ControllerRuntime): void => {
    rt.#sync();
  };

  /** @param trusted - a built-in controller (its writes skip validation unless paranoid). */
  constructor(
    world: ControllerRuntimeHost,
    controller: Controller,
    delay: () => number,
    trusted = true,
  ) {
    assertController(controller);
    this.#trusted = trusted;
    this.#world = world;
    this.controller = controller;
    this.#delay = delay;
    this.#watchLabel = `${controller.name} watch`;
    this.#syncLabel = `${controller.name} sync`;
  }

  /** Keys waiting to be reconciled (for settle's diagnostics). */
  /**
   * This runtime's copy in a fork, on `host` (the fork's World), with the controller's `fork` (or
   * the same controller when it keeps no state): its ready keys, pending sync, requeues (same
   * queue ids) and per-instant counts copied.
   */
  forkInto(
    host: ControllerRuntimeHost,
    delay: () => number,
    ctx: WorldForkContext,
  ): ControllerRuntime {
    const controller = this.controller.fork?.(ctx) ?? this.controller;
    const out = ctx.remember(this, new ControllerRuntime(host, controller, delay, this.#trusted));
    out.#ready = this.#ready.fork();
    out.#syncScheduled = this.#syncScheduled;
    // The [time, id] pairs are never changed in place: shared.
    out.#requeues = new Map(this.#requeues);
    // Counts only matter at the instant they were made (the next sync at another clears them).
    if (this.#countsAt === host.now) {
      out.#countsAt = this.#countsAt;
      out.#counts = new Map(this.#counts);
    }
    out.reconciles = this.reconciles;
    return out;
  }

  get pending(): number {
    return this.#ready.size;
  }

  /** Feeds one store event: the keys it dirties are queued after the watch delay. */
  observe(ev: StoreEvent): void {
    if (this.#applying) this.controller.ownWrite?.(ev);
    const keys = this.controller.keysFor(ev, this.#world.store);
    if (keys.length === 0) return;
    const delay = this.#delay();
    if (delay === 0) {
      for (const key of keys) this.#enqueue(key);
      return;
    }
    const at = this.#world.now + delay;
    this.#world.schedule(at, this.#watchLabel, this, (rt) => {
      for (const key of keys) rt.#enqueue(key);
    });
  }

  /** Queues `key` for a reconcile at the current instant. */
  enqueueNow(key: string): void {
    this.#enqueue(key);
  }

  #enqueue(key: string): void {
    this.#ready.add(key);
    if (!this.#syncScheduled) {
      this.#syncScheduled = true;
      this.#world.schedule(this.#world.now, this.#syncLabel, this, ControllerRuntime.#runSync);
    }
  }

  #sync(): void {
    this.#syncScheduled = false;
    const world = this.#world;
    const now = world.now;
    if (this.#countsAt !== now) {
      this.#counts.clear();
      this.#countsAt = now;
    }
    const limit = world.config.maxReconcilesPerKeyPerInstant;
    for (let key = this.#ready.take(); key !== undefined; key = this.#ready.take()) {
      const count = (this.#counts.get(key) ?? 0) + 1;
      this.#counts.set(key, count);
      if (count > limit) {
        throw new BudgetExceededError(
          `${this.controller.name} reconciled ${key} more than ${limit} times at t=${now} ms without settling (a controller that never converges); raise config.maxReconcilesPerKeyPerInstant only if this is expected`,
          this.controller.name,
          key,
        );
      }
      this.reconciles += 1;
      const plan = this.controller.reconcile(world.store, key, now);
      let retry: boolean;
      this.#applying = plan.actions.length > 0;
      try {
        retry = applyPlan(world, this.controller.name, key, plan, this.#trusted);
      } finally {
        this.#applying = false;
      }
      if (retry) this.#ready.add(key);
      // The latest reconcile saw the whole state: its requeue (or none) replaces any earlier one.
      if (plan.requeueAfter !== undefined) {
        this.#requeue(key, plan.requeueAfter, plan.periodic === true);
      } else {
        this.#cancelRequeue(key);
      }
    }
  }

  #cancelRequeue(key: string): void {
    const existing = this.#requeues.get(key);
    if (existing === undefined) return;
    this.#world.cancel(existing[1]);
    this.#requeues.delete(key);
  }

  #requeue(key: string, after: number, periodic: boolean): void {
    const at = this.#world.now + Math.max(0, Math.round(after));
    const existing = this.#requeues.get(key);
    if (existing !== undefined) {
      if (existing[0] === at) return;
      this.#world.cancel(existing[1]);
    }
    const id = this.#world.schedule(
      at,
      `${this.controller.name} requeue ${key}`,
      this,
      (rt) => {
        rt.#requeues.delete(key);
        rt.#enqueue(key);
      },
      { periodic },
    );
    this.#requeues.set(key, [at, id]);
  }
}
