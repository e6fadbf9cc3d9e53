/**
 * The kube-scheduler as a kubesim Controller (§9): binds pending pods to nodes, reports the
 * ones no node fits, and retries them with upstream's backoff and flush.
 * @packageDocumentation
 */
import { KubesimError } from '../../errors.js';
import { emptyPlan } from '../plan.js';
import { formatTimestamp } from '../../time.js';
import type { Action, Controller, ForkContext, Plan } from '../plan.js';
import type { ClusterView, StoreEvent } from '../../store/view.js';
import type { Condition } from '../../objects/meta.js';
import type { Pod } from '../../objects/pod.js';
import type { RandomSource } from '../../sources.js';
import { SchedulerCache } from './schedulerCache.js';
import type { SchedulerCacheView } from './schedulerCache.js';
import {
  DEFAULT_SCHEDULER_NAME,
  isAssigned,
  moveTrigger,
  needsScheduling,
  podSpecOrLabelsChanged,
} from './schedulerEvents.js';
import { schedulePod } from './schedulePod.js';
import { SchedulingQueue } from './schedulingQueue.js';
import type { SchedulerTimings } from './schedulingQueue.js';

/**
 * The plugins that register for a bound pod appearing or changing labels (upstream
 * `EventsToRegister` of PodTopologySpread and InterPodAffinity).
 */
const POD_EVENT_PLUGINS = ['PodTopologySpread', 'InterPodAffinity'] as const;

/** Options of {@link schedulerController}. */
export interface SchedulerControllerConstraints {
  /** Breaks ties between equally scored nodes (a named stream of the engine, or a stub in tests). */
  readonly random: RandomSource;
  /** Backoff and flush timings in ms; SimConfig's `scheduler…` fields. */
  readonly config: SchedulerTimings;
  /**
   * The node aggregates the scheduler reads, owned and kept current by the caller from every store
   * event in commit order, before the next reconcile (the simulation's World does, as upstream's
   * informer-fed cache). Without it the scheduler keeps its own cache from the events `keysFor` is
   * given (the sync driver passes every event).
   */
  readonly cache?: SchedulerCacheView;
}

/** The scheduler controller: a {@link Controller} that also exposes its cache. */
export interface SchedulerController extends Controller {
  /** The node aggregates the scheduler decides from (read-only). */
  readonly cache: SchedulerCacheView;
}

/** Thrown for scheduler options that cannot work (code `InvalidSchedulerConfig`). */
export class SchedulerConfigError extends KubesimError {
  constructor(message: string) {
    super('InvalidSchedulerConfig', message);
  }
}

function checkTimings(t: SchedulerTimings): void {
  for (const field of [
    'schedulerInitialBackoff',
    'schedulerMaxBackoff',
    'schedulerUnschedulableFlush',
  ] as const) {
    const v = t[field];
    if (!Number.isSafeInteger(v) || v < 0) {
      throw new SchedulerConfigError(
        `config.${field} must be a whole number of ms, at least 0, got ${v}`,
      );
    }
  }
  if (t.schedulerInitialBackoff > t.schedulerMaxBackoff) {
    throw new SchedulerConfigError(
      `config.schedulerInitialBackoff (${t.schedulerInitialBackoff}) must not exceed config.schedulerMaxBackoff (${t.schedulerMaxBackoff})`,
    );
  }
}

function withCondition(pod: Pod, condition: Condition): Condition[] {
  const others = (pod.status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  return [...others, condition];
}

function statusUpdate(pod: Pod, condition: Condition): Action {
  // Unconditional (an empty resourceVersion): it follows the bind in the same plan, which moved
  // the resourceVersion on. The store reads only `.status` of a status write.
  return {
    verb: 'updateStatus',
    object: {
      ...pod,
      metadata: { ...pod.metadata, resourceVersion: '' },
      status: { ...pod.status, conditions: withCondition(pod, condition) },
    },
  };
}

/**
 * Creates the default scheduler (name `default-scheduler`).
 *
 * - `reconcile` only reads the scheduler cache ({@link SchedulerControllerConstraints.cache}).
 *   Without a handed cache, `keysFor` keeps the scheduler's own from every store event, so pass it
 *   every event in commit order (the sync driver does). `keysFor` returns the key of each pod that needs scheduling (unbound,
 *   `schedulerName: default-scheduler`, not being deleted) and, for cluster changes that can make
 *   pods fit (node added or changed, assigned pod deleted or finished, assigned pod added for
 *   pods rejected by PodTopologySpread or InterPodAffinity), the keys of unschedulable pods.
 * - `reconcile` binds a feasible pod (an `update` setting `spec.nodeName`, an `updateStatus`
 *   with PodScheduled=True, an Event `Scheduled`), or reports it unschedulable (PodScheduled=False,
 *   reason Unschedulable, upstream's message, an Event `FailedScheduling`) and requeues after
 *   the backoff (1 s doubling to 10 s). A pod left unschedulable is retried when a relevant event
 *   arrives (once its backoff is over) or at the 5-minute flush (a periodic requeue).
 * - Preemption, volumes, scheduling gates and pod overhead are not simulated.
 * @throws SchedulerConfigError for negative or inverted timings.
 * @example
 * const scheduler = schedulerController({ random: streams.stream('scheduler'), config: simConfig });
 * const driver = createSyncDriver(store, [scheduler]);
 */
export function schedulerController(options: SchedulerControllerConstraints): SchedulerController {
  checkTimings(options.config);
  // The cache is the runtime's when handed; otherwise the scheduler's own, fed by keysFor.
  const owned = options.cache === undefined ? new SchedulerCache() : undefined;
  return buildScheduler(options, owned, new SchedulerQueueState(options.config));
}

/** The scheduler's state between calls: its queue and where the next node search starts. */
class SchedulerQueueState {
  readonly queue: SchedulingQueue;
  nextStartIndex = 0;
  constructor(config: SchedulerTimings, queue?: SchedulingQueue) {
    this.queue = queue ?? new SchedulingQueue(config);
  }
}

function buildScheduler(
  options: SchedulerControllerConstraints,
  owned: SchedulerCache | undefined,
  state: SchedulerQueueState,
): SchedulerController {
  const cache: SchedulerCacheView = options.cache ?? (owned as SchedulerCache);
  const queue = state.queue;

  function keysFor(ev: StoreEvent): readonly string[] {
    owned?.observe(ev);
    const keys: string[] = [];
    if (ev.kind === 'Pod') {
      const pod = ev.object as Pod;
      if (ev.type === 'DELETED') queue.remove(ev.key);
      else if (needsScheduling(pod)) {
        if (podSpecOrLabelsChanged(ev)) queue.move(ev.key);
        keys.push(ev.key);
      } else if (isAssigned(pod)) queue.remove(ev.key);
    }
    const trigger = moveTrigger(ev);
    if (trigger !== 'none') {
      for (const key of queue.moveAll(trigger === 'spread' ? POD_EVENT_PLUGINS : undefined)) {
        if (key !== ev.key) keys.push(key);
      }
    }
    return keys;
  }

  function reconcile(view: ClusterView, key: string, now: number): Plan {
    const pod = view.get('Pod', key);
    if (pod === undefined || !needsScheduling(pod)) {
      queue.remove(key);
      return emptyPlan;
    }
    const decision = queue.decide(key, now);
    if (decision.kind === 'wait') {
      return { actions: [], requeueAfter: decision.after, periodic: decision.periodic };
    }
    const result = schedulePod(pod, view, cache, options.random, state.nextStartIndex);
    state.nextStartIndex = result.nextStartIndex;
    const at = formatTimestamp(view.config.startTime + now);
    const regarding = { kind: 'Pod', key, uid: pod.metadata.uid };
    if (result.kind === 'scheduled') {
      // No assume (upstream AssumePod): the plan's bind is applied before any other reconcile,
      // and its store event reaches the cache at once.
      queue.remove(key);
      return {
        actions: [
          { verb: 'update', object: { ...pod, spec: { ...pod.spec, nodeName: result.nodeName } } },
          statusUpdate(pod, {
            type: 'PodScheduled',
            status: 'True',
            lastProbeTime: null,
            lastTransitionTime: at,
          }),
          {
            verb: 'event',
            regarding,
            type: 'Normal',
            reason: 'Scheduled',
            message: `Successfully assigned ${key} to ${result.nodeName}`,
          },
        ],
      };
    }
    const plugins = new Set([...result.failures.values()].map((f) => f.plugin));
    const backoff = queue.recordFailure(key, now, plugins);
    const actions: Action[] = [];
    const current = pod.status.conditions?.find((c) => c.type === 'PodScheduled');
    if (
      current?.status !== 'False' ||
      current.reason !== 'Unschedulable' ||
      current.message !== result.message
    ) {
      const since = current?.status === 'False' ? (current.lastTransitionTime ?? at) : at;
      actions.push(
        statusUpdate(pod, {
          type: 'PodScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message: result.message,
          lastProbeTime: null,
          lastTransitionTime: since,
        }),
      );
    }
    actions.push({
      verb: 'event',
      regarding,
      type: 'Warning',
      reason: 'FailedScheduling',
      message: result.message,
    });
    return { actions, requeueAfter: backoff };
  }

  // A fork continues with copies of the queue, the search start, the cache and the random stream.
  function fork(ctx: ForkContext): SchedulerController {
    const copy = new SchedulerQueueState(options.config, queue.fork());
    copy.nextStartIndex = state.nextStartIndex;
    const forked: SchedulerControllerConstraints = {
      ...options,
      random: ctx.copyOf(options.random),
      ...(options.cache === undefined ? {} : { cache: ctx.copyOf(options.cache) }),
    };
    return buildScheduler(forked, owned?.fork(), copy);
  }

  return { name: DEFAULT_SCHEDULER_NAME, cache, keysFor, reconcile, fork };
}
