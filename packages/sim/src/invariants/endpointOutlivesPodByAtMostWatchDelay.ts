/**
 * Safety: an endpoint never outlives its pod by more than the EndpointSlice controller's watch
 * delay (§3.9, §12.2).
 * @packageDocumentation
 */
import {
  ENDPOINTSLICE_CONTROLLER_NAME,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  hasManagedEndpoints,
  type Pod,
  type Service,
} from '@kubesim/core';
import { TraceMirror } from './_internals/traceMirror.js';
import { maxDelay, worldOf } from './_internals/worldOf.js';
import { ENDPOINT_OUTLIVES_POD_BY_AT_MOST_WATCH_DELAY } from './names.js';
import type { Invariant, Violation } from './types.js';

function isTerminal(pod: Pod | undefined): boolean {
  const phase = pod?.status.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/**
 * Safety invariant `endpoint-outlives-pod-by-at-most-watch-delay`: no endpoint of a slice written
 * by the EndpointSlice controller refers (by targetRef UID) to a pod that has been deleted, or
 * has reached Succeeded/Failed, for longer than `controllerWatchDelay` (its max with jitter).
 * Pod deaths are read from the trace. Only slices of Services the controller manages (a selector,
 * not ExternalName) count, and the clock for a pod starts no earlier than when its Service last
 * became managed: upstream leaves slices alone while a Service has no selector. User-written
 * slices (another `managed-by`) are never checked.
 * @example const inv = endpointOutlivesPodByAtMostWatchDelay(); sim.runFor('1m'); inv.check(sim, 'step')
 */
export function endpointOutlivesPodByAtMostWatchDelay(): Invariant {
  const mirror = new TraceMirror(['Pod', 'Service']);
  /** Pod UID → virtual time it was deleted or went terminal. */
  const goneAt = new Map<string, number>();
  /** Service key → when it last became managed (selector, not ExternalName). */
  const managedSince = new Map<string, number>();
  return {
    name: ENDPOINT_OUTLIVES_POD_BY_AT_MOST_WATCH_DELAY,
    kind: 'safety',
    description:
      'No controller-written endpoint refers to a pod gone or terminal for longer than the EndpointSlice controller watch delay.',
    check(sim) {
      const world = worldOf(sim);
      mirror.advance(sim, (c) => {
        if (c.kind === 'Pod') {
          const before = c.before as Pod | undefined;
          const after = c.after as Pod | undefined;
          const uid = (after ?? before)?.metadata.uid;
          if (uid === undefined || goneAt.has(uid)) return;
          if (c.type === 'DELETED' || (isTerminal(after) && !isTerminal(before)))
            goneAt.set(uid, c.entry.t);
          return;
        }
        const before = c.before as Service | undefined;
        const after = c.after as Service | undefined;
        const now = after !== undefined && hasManagedEndpoints(after);
        const was = before !== undefined && hasManagedEndpoints(before);
        if (now && !was) managedSince.set(c.key, c.entry.t);
        if (!now) managedSince.delete(c.key);
      });
      const delay = maxDelay(world.config.controllerWatchDelay);
      const out: Violation[] = [];
      for (const slice of world.store.list('EndpointSlice')) {
        const labels = slice.metadata.labels ?? {};
        if (labels[LABEL_MANAGED_BY] !== ENDPOINTSLICE_CONTROLLER_NAME) continue;
        const svcKey = `${slice.metadata.namespace}/${labels[LABEL_SERVICE_NAME] ?? ''}`;
        const since = managedSince.get(svcKey);
        if (since === undefined) continue;
        for (const ep of slice.endpoints) {
          const ref = ep.targetRef;
          if (ref?.kind !== 'Pod' || ref.uid === undefined) continue;
          const gone = goneAt.get(ref.uid);
          if (gone === undefined) continue;
          const from = Math.max(gone, since);
          if (sim.now - from <= delay) continue;
          out.push({
            invariant: ENDPOINT_OUTLIVES_POD_BY_AT_MOST_WATCH_DELAY,
            t: sim.now,
            message: `slice ${slice.metadata.namespace}/${slice.metadata.name} still lists ${ep.addresses.join(',')} of pod ${ref.namespace ?? ''}/${ref.name ?? ''}, gone since t=${gone} ms (allowed ${delay} ms)`,
            subjects: [
              `${slice.metadata.namespace}/${slice.metadata.name}`,
              `${ref.namespace ?? ''}/${ref.name ?? ''}`,
            ],
          });
        }
      }
      return out;
    },
  };
}
