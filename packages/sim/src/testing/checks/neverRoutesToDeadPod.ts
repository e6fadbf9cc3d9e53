/**
 * The ready-made check that a client stops using a pod soon after it is gone.
 * @packageDocumentation
 */
import { parseDuration, type Duration, type Pod } from '@kubesim/core';
import type { Check } from '../../invariants/check.js';
import type { Violation } from '../../invariants/types.js';

/** Name of the {@link neverRoutesToDeadPod} check, as violations report it. */
export const NEVER_ROUTES_TO_DEAD_POD = 'never-routes-to-dead-pod';

/** Options of {@link neverRoutesToDeadPod}. */
export interface DeadPodConstraints {
  /**
   * How long after a pod is gone (deleted from the API, or Succeeded / Failed) the client may
   * still send it traffic, on top of the run's user-watch delay.
   * @defaultValue `'10s'`
   */
  readonly after?: Duration;
  /** The check's name in violations. @defaultValue `'never-routes-to-dead-pod'` */
  readonly name?: string;
}

const TERMINAL = new Set(['Succeeded', 'Failed']);

/**
 * Checks after every instant and at the end that no IP the client would send a Service's traffic
 * to (`backends(subject, serviceKey)`) belongs to a pod that has been gone for longer than
 * `after` (plus the watch delay) with no live pod holding the IP since. IPs that never belonged
 * to a pod (user-written endpoints) are not judged.
 * @example runScenario(s, { attach, checks: [neverRoutesToDeadPod((c, svc) => c.backends(svc), { after: '5s' })] })
 */
export function neverRoutesToDeadPod<S>(
  backends: (subject: S, serviceKey: string) => Iterable<string>,
  constraints: DeadPodConstraints = {},
): Check<S> {
  const name = constraints.name ?? NEVER_ROUTES_TO_DEAD_POD;
  const after = parseDuration(constraints.after ?? '10s');
  return {
    name,
    start({ sim, subject, watchDelay }) {
      /** Pod IP → the pod holding it and since when it is dead (undefined while alive). */
      const byIp = new Map<string, { pod: string; deadSince?: number }>();
      const ipOf = (p: Pod): string | undefined => p.status.podIP;
      sim.watch(
        'Pod',
        (ev) => {
          const pod = ev.object;
          const ip = ipOf(pod);
          if (ip === undefined) return;
          const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
          const dead = ev.type === 'DELETED' || TERMINAL.has(pod.status.phase);
          const known = byIp.get(ip);
          if (!dead) byIp.set(ip, { pod: key });
          else if (known === undefined || known.pod === key)
            byIp.set(ip, { pod: key, deadSince: known?.deadSince ?? sim.now });
        },
        { delay: 0 },
      );
      return () => {
        const out: Violation[] = [];
        for (const svc of sim.list('Service')) {
          const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
          for (const ip of new Set(backends(subject, key))) {
            const known = byIp.get(ip);
            if (known?.deadSince === undefined) continue;
            if (sim.now - known.deadSince <= after + watchDelay) continue;
            out.push({
              invariant: name,
              t: sim.now,
              message: `${key}: the client still uses ${ip} of pod ${known.pod}, gone since t=${known.deadSince} ms`,
              subjects: [`Service/${key}`, `Pod/${known.pod}`],
            });
          }
        }
        return out;
      };
    },
  };
}
